/**
 * Migrated template databases, made once per jest run (global setup) and copied by every test file:
 * - PGlite: a dumpDataDir() file. Starting PGlite from it skips initdb and the migrations, which were most of each
 *   database test file's set-up.
 * - PostgreSQL: a migrated database; `create database … template` copies it.
 * The copies are exactly what a fresh database plus migrate() gives; tests that need an empty database call
 * createDatabase() themselves.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Extension } from '@electric-sql/pglite';
import pg from 'pg';
import { createDatabase, migrate } from '../db/database';

export const PGLITE_TEMPLATE_ENV = 'BW_TEST_PGLITE_TEMPLATE';
export const POSTGRES_TEMPLATE_ENV = 'BW_TEST_POSTGRES_TEMPLATE';

/** Same server, another database (socket URLs like postgresql://root@/test?host=… have no host for URL()). */
export function withDatabaseName(url: string, name: string): string {
  return url.replace(/^(postgres(?:ql)?:\/\/[^/]*)\/[^?]*/, `$1/${name}`);
}

async function makePgliteTemplate(): Promise<string> {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'bw-template-'));
  const dataDir = path.join(folder, 'data');
  // The product's own path (child process, same extensions) migrates a data folder, closed cleanly...
  const database = await createDatabase({ dataDir });
  await migrate(database.db);
  await database.close();
  // ...which PGlite, opened here, writes out as one file for loadDataDir.
  const { PGlite } = await import('@electric-sql/pglite');
  // The same extensions as server/db/pglite-process.cjs (subpath exports, which this tsconfig's resolution cannot type).
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { btree_gist } = require('@electric-sql/pglite/contrib/btree_gist') as { btree_gist: Extension };
  const { pg_trgm } = require('@electric-sql/pglite/contrib/pg_trgm') as { pg_trgm: Extension };
  /* eslint-enable @typescript-eslint/no-require-imports */
  const db = await PGlite.create({ dataDir, extensions: { btree_gist, pg_trgm } });
  const dump = await db.dumpDataDir('none');
  await db.close();
  const file = path.join(folder, 'migrated.tar');
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  fs.rmSync(dataDir, { recursive: true, force: true });
  return file;
}

export async function dropWhenIdle(adminUrl: string, name: string): Promise<void> {
  const dropper = new pg.Client({ connectionString: adminUrl });
  await dropper.connect();
  try {
    // A pool's end() resolves once its clients are told to close, not once they have: wait for them to go, so the
    // forced drop never kills a closing connection (whose error would surface as an unhandled one).
    for (let i = 0; i < 100; i++) {
      const { rows } = await dropper.query('select count(*)::int as n from pg_stat_activity where datname = $1', [name]);
      if (rows[0].n === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await dropper.query(`drop database if exists ${name} with (force)`);
  } finally {
    await dropper.end();
  }
}

async function makePostgresTemplate(adminUrl: string): Promise<string> {
  const name = `bw_template_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const database = await createDatabase({ url: withDatabaseName(adminUrl, name) });
  await migrate(database.db);
  await database.close();
  // No one may be connected to a template while it is copied.
  const waiter = new pg.Client({ connectionString: adminUrl });
  await waiter.connect();
  for (let i = 0; i < 100; i++) {
    const { rows } = await waiter.query('select count(*)::int as n from pg_stat_activity where datname = $1', [name]);
    if (rows[0].n === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await waiter.end();
  return name;
}

/** Once per jest run (every project's global setup calls it; the first one makes them). */
export async function prepareTemplates(postgresUrl: string | undefined): Promise<void> {
  const started = Date.now();
  const [pglite, postgres] = await Promise.all([
    process.env[PGLITE_TEMPLATE_ENV] ? undefined : makePgliteTemplate(),
    postgresUrl && !process.env[POSTGRES_TEMPLATE_ENV] ? makePostgresTemplate(postgresUrl) : undefined,
  ]);
  if (pglite) process.env[PGLITE_TEMPLATE_ENV] = pglite;
  if (postgres) process.env[POSTGRES_TEMPLATE_ENV] = postgres;
  if (pglite || postgres) console.log(`Migrated template databases made in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}

export async function removeTemplates(postgresUrl: string | undefined): Promise<void> {
  const pglite = process.env[PGLITE_TEMPLATE_ENV];
  if (pglite) fs.rmSync(path.dirname(pglite), { recursive: true, force: true });
  delete process.env[PGLITE_TEMPLATE_ENV];
  const postgres = process.env[POSTGRES_TEMPLATE_ENV];
  if (postgres && postgresUrl) await dropWhenIdle(postgresUrl, postgres);
  delete process.env[POSTGRES_TEMPLATE_ENV];
}

/** The run's migrated PGlite template, for startServer({ loadDataDir }) in tests (undefined without a global setup). */
export const pgliteTemplate = (): string | undefined => process.env[PGLITE_TEMPLATE_ENV];
