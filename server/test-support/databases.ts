/** Each database test file runs on every reachable dialect, each on a fresh database of its own. */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createDatabase, migrate, type AppDatabase, type DatabaseKind } from '../db/database';
import { dropWhenIdle, PGLITE_TEMPLATE_ENV, POSTGRES_TEMPLATE_ENV, withDatabaseName } from './templates';

export const dialects: DatabaseKind[] = process.env.BW_TEST_POSTGRES_URL ? ['pglite', 'postgres'] : ['pglite'];

/** A fresh, migrated database: a copy of the run's migrated template (see templates.ts), or migrated here without one. */
export async function createTestDatabase(dialect: DatabaseKind): Promise<AppDatabase> {
  if (dialect === 'pglite') {
    const database = await createDatabase({ loadDataDir: process.env[PGLITE_TEMPLATE_ENV] });
    await migrate(database.db);
    return database;
  }
  const adminUrl = process.env.BW_TEST_POSTGRES_URL as string;
  const template = process.env[POSTGRES_TEMPLATE_ENV];
  const name = `bw_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(template ? `create database ${name} template ${template}` : `create database ${name}`);
  await admin.end();
  const database = await createDatabase({ url: withDatabaseName(adminUrl, name) });
  await migrate(database.db);
  return {
    ...database,
    async close() {
      await database.close();
      await dropWhenIdle(adminUrl, name);
    },
  };
}

/**
 * A fresh database for this test file: created in beforeAll, closed (and for PostgreSQL dropped) in afterAll.
 * Call inside `describe.each(dialects)`; read `.database` from tests and hooks, not at collection time.
 */
export function withTestDatabase(dialect: DatabaseKind): { readonly database: AppDatabase } {
  let database: AppDatabase | undefined;
  beforeAll(async () => {
    database = await createTestDatabase(dialect);
  });
  afterAll(async () => {
    await database?.close();
  });
  return {
    get database() {
      if (!database) throw new Error('The test database exists only inside tests and hooks.');
      return database;
    },
  };
}
