/**
 * A bench run's server: a fresh database (PGlite in a temporary folder, or a scratch database on the PostgreSQL server
 * at DATABASE_URL, dropped afterwards), migrated and seeded with `persons` demo people, served over real HTTP on a
 * random port with the batch job runner, signed in as the demo user.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createApp } from '../../app';
import { createDatabase, migrate, type AppDatabase, type DatabaseKind } from '../../db/database';
import { DEMO_USER, seedDemoData } from '../../demo/seed';
import { createJobRunner } from '../../engine/batch-jobs';
import { batchKinds } from '../../engine/registry';
import { createApiClient } from '../../../src/api/api-client';

export interface BenchServer {
  kind: DatabaseKind;
  database: AppDatabase;
  baseUrl: string;
  token: string;
  close(): Promise<void>;
}

async function scratchPostgres(url: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `bench_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  // postgresql://user@host/db?params (host may be empty, with ?host=/socket/folder): the database is the path.
  const scratchUrl = url.replace(/^(postgres(?:ql)?:\/\/[^/?]*)(\/[^?]*)?/, `$1/${name}`);
  return {
    url: scratchUrl,
    async drop() {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

export async function startBenchServer(kind: DatabaseKind, persons: number): Promise<BenchServer> {
  const scratch = kind === 'postgres' ? await scratchPostgres(process.env.DATABASE_URL as string) : undefined;
  const dataDir = kind === 'pglite' ? fs.mkdtempSync(path.join(os.tmpdir(), 'bench-pglite-')) : undefined;
  const database = await createDatabase({ url: scratch?.url, dataDir });
  await migrate(database.db);
  await seedDemoData(database.db, { persons });
  const runner = createJobRunner(database.db, batchKinds, { pollMs: 200 });
  runner.start();
  const server = http.createServer(await createApp({ database, runner }));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const token = (await createApiClient({ baseURL: baseUrl, getToken: () => undefined }).signIn(DEMO_USER.username, DEMO_USER.password)).token;
  return {
    kind,
    database,
    baseUrl,
    token,
    async close() {
      await runner.stop();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await database.close();
      await scratch?.drop();
      if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
