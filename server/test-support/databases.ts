/** Each database test file runs on every reachable dialect, each on a fresh database of its own. */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createDatabase, migrate, type AppDatabase, type DatabaseKind } from '../db/database';

export const dialects: DatabaseKind[] = process.env.BW_TEST_POSTGRES_URL ? ['pglite', 'postgres'] : ['pglite'];

/** Same server, another database (socket URLs like postgresql://root@/test?host=… have no host for URL()). */
function withDatabaseName(url: string, name: string): string {
  return url.replace(/^(postgres(?:ql)?:\/\/[^/]*)\/[^?]*/, `$1/${name}`);
}

export async function createTestDatabase(dialect: DatabaseKind): Promise<AppDatabase> {
  if (dialect === 'pglite') {
    const database = await createDatabase();
    await migrate(database.db);
    return database;
  }
  const adminUrl = process.env.BW_TEST_POSTGRES_URL as string;
  const name = `bw_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const database = await createDatabase({ url: withDatabaseName(adminUrl, name) });
  await migrate(database.db);
  return {
    ...database,
    async close() {
      await database.close();
      const dropper = new pg.Client({ connectionString: adminUrl });
      await dropper.connect();
      // The pool's end() resolves once its clients are told to close, not once they have: wait for them to go, so
      // the forced drop never kills a closing connection (whose error would surface as an unhandled one).
      for (let i = 0; i < 100; i++) {
        const { rows } = await dropper.query('select count(*)::int as n from pg_stat_activity where datname = $1', [name]);
        if (rows[0].n === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
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
