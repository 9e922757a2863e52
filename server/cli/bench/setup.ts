/**
 * A bench run's server: a fresh database (PGlite in a temporary folder, or a scratch database on the PostgreSQL server
 * at DATABASE_URL, dropped afterwards), migrated and seeded with `persons` demo people, served over real HTTP on a
 * random port with the batch job runner by a server process of its own (server-process.ts), signed in as the demo
 * user. The bench talks to it as a client would; its figures of memory are that process's (and PGlite's) alone.
 */
import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Kysely } from 'kysely';
import pg from 'pg';
import type { DatabaseKind } from '../../db/database';
import type { Database } from '../../db/schema';
import { DEMO_USER } from '../../demo/seed';
import { createApiClient } from '../../../src/api/api-client';
import type { LimitRow } from './groups';
import { remoteDb } from './remote-db';

export interface BenchServer {
  kind: DatabaseKind;
  /** The bench's own statements, run in the server process on its pool (remote-db.ts). */
  db: Kysely<Database>;
  baseUrl: string;
  token: string;
  /** The server process, and the embedded database's process (PGlite only). */
  pids: { server: number; database?: number };
  /** The set-based limit of these end-dates and inserts, timed in the server process (groups.ts). */
  limit(rows: LimitRow[]): Promise<number>;
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

/** The next message from the child that has one of `fields`, or the child's exit as an error. */
function nextMessage<T>(child: ChildProcess, ...fields: string[]): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onMessage = (message: Record<string, unknown>) => {
      if (!message || typeof message !== 'object' || !fields.some((f) => f in message)) return;
      child.off('message', onMessage);
      child.off('exit', onExit);
      resolve(message as T);
    };
    const onExit = (code: number | null) => reject(new Error(`The bench server stopped (exit code ${code}).`));
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}

export async function startBenchServer(kind: DatabaseKind, persons: number): Promise<BenchServer> {
  const scratch = kind === 'postgres' ? await scratchPostgres(process.env.DATABASE_URL as string) : undefined;
  const dataDir = kind === 'pglite' ? fs.mkdtempSync(path.join(os.tmpdir(), 'bench-pglite-')) : undefined;
  // The parent's execArgv (tsx's loader) is passed on, with the young-generation cap of `npm start` (package.json), so
  // the server runs as `npm run start:server` does.
  const child = fork(path.join(__dirname, 'server-process.ts'), [], {
    execArgv: [...process.execArgv, '--max-semi-space-size=8'],
    env: { ...process.env, LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'warn', BENCH_DATABASE_URL: scratch?.url ?? '', BENCH_DATA_DIR: dataDir ?? '', BENCH_PERSONS: String(persons) },
    serialization: 'advanced',
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const ready = await nextMessage<{ baseUrl: string; embeddedPid?: number }>(child, 'ready');
  const token = (await createApiClient({ baseURL: ready.baseUrl, getToken: () => undefined }).signIn(DEMO_USER.username, DEMO_USER.password)).token;
  const db = remoteDb(child);
  return {
    kind,
    db,
    baseUrl: ready.baseUrl,
    token,
    pids: { server: child.pid as number, database: ready.embeddedPid },
    async limit(rows) {
      const answer = nextMessage<{ limitSeconds?: number; limitError?: string }>(child, 'limitSeconds', 'limitError');
      child.send({ limit: rows });
      const result = await answer;
      if (result.limitSeconds === undefined) throw new Error(`The set-based limit failed: ${result.limitError}`);
      return result.limitSeconds;
    },
    async close() {
      if (child.connected) child.send('close');
      await exited;
      await scratch?.drop();
      if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
