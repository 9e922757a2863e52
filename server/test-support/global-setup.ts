/**
 * Finds out once whether a PostgreSQL server is reachable, so database suites run on it as well as on PGlite, and
 * makes the migrated template databases every test file copies (templates.ts).
 */
import pg from 'pg';
import { prepareTemplates } from './templates';

export const DEFAULT_TEST_DATABASE_URL = 'postgresql://root@/test?host=/var/run/postgresql';

export default async function globalSetup(): Promise<void> {
  const url = process.env.TEST_DATABASE_URL ?? DEFAULT_TEST_DATABASE_URL;
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    process.env.BW_TEST_POSTGRES_URL = url;
    console.log(`\nDatabase tests run on PGlite and on PostgreSQL at ${url}.`);
  } catch (error) {
    // CI must test both dialects: there, a missing PostgreSQL is a failure, not a skip.
    if (process.env.CI === 'true') throw new Error(`CI needs PostgreSQL at ${url}: ${(error as Error).message}`);
    console.log(`\nPostgreSQL not reachable at ${url}: the PostgreSQL run is skipped; tests ran on PGlite only.`);
  } finally {
    await client.end().catch(() => undefined);
  }
  await prepareTemplates(process.env.BW_TEST_POSTGRES_URL);
}
