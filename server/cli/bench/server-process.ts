/**
 * The bench's server, in a process of its own (forked by setup.ts), so that its memory and its event loop are the
 * server's alone: the bench's clients, rows and timers live in the parent. It has the database it is given (a
 * PGlite folder, which starts the embedded database's own child process, or a PostgreSQL URL) migrated and seeded
 * by a process of its own (seedApart), opens it, serves the app over real HTTP on a random port with the batch job
 * runner, and tells the parent over IPC: { ready, baseUrl, embeddedPid }. Then it answers, over the same channel, the bench's own statements (remote-db.ts),
 * { limit } (the set-based limit, timed here on the server's own connection), and 'close'.
 * The request log is at LOG_LEVEL (setup.ts sets warn: a line per request is not what the bench measures).
 * BENCH_LOOP_DELAY=1: each second with an event-loop delay over 20 ms is written to stderr (its max and p99), to see
 * when the server's own loop blocks.
 */
import { fork } from 'node:child_process';
import http from 'node:http';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { AddressInfo } from 'node:net';
import { createApp } from '../../app';
import { createDatabase, migrate } from '../../db/database';
import { seedDemoData } from '../../demo/seed';
import { createJobRunner } from '../../engine/batch-jobs';
import { batchKinds } from '../../engine/registry';
import { setBasedLimit, type LimitRow } from './groups';
import { serveDbRequests, type DbAnswer, type DbRequest } from './remote-db';

type Message = (DbRequest & { dbRequest: true }) | { limit: LimitRow[] } | 'close';

function reportLoopDelay(): void {
  const histogram = monitorEventLoopDelay({ resolution: 5 });
  histogram.enable();
  setInterval(() => {
    const max = histogram.max / 1e6;
    if (max > 20) console.error(`[${new Date().toISOString().slice(11, 19)}] server event loop delay: max ${max.toFixed(0)} ms, p99 ${(histogram.percentile(99) / 1e6).toFixed(0)} ms`);
    histogram.reset();
  }, 1000).unref();
}

const openDatabase = () => createDatabase({ url: process.env.BENCH_DATABASE_URL || undefined, dataDir: process.env.BENCH_DATA_DIR || undefined });

/**
 * Migrates and seeds the database in a short-lived process of its own (this file with --seed), so that the server's
 * memory (and PGlite's, which that process started and closed) is what serving takes, not what seeding 100,000
 * people left behind: V8 and WebAssembly keep their peak heap long after.
 */
async function seedApart(): Promise<void> {
  const child = fork(__filename, ['--seed'], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`Seeding the bench database failed (exit code ${code}).`);
}

async function seed(): Promise<void> {
  process.once('disconnect', () => process.exit(1));
  const database = await openDatabase();
  await migrate(database.db);
  await seedDemoData(database.db, { persons: Number(process.env.BENCH_PERSONS) });
  await database.close();
  process.exit(0);
}

async function main(): Promise<void> {
  const send = (message: unknown) => process.send?.(message);
  // The bench stopped while this one was still starting: nothing to close cleanly yet.
  const stopEarly = () => process.exit(1);
  process.once('disconnect', stopEarly);
  await seedApart();
  const database = await openDatabase();
  await migrate(database.db);
  const runner = createJobRunner(database.db, batchKinds, { pollMs: 200 });
  runner.start();
  const server = http.createServer(await createApp({ database, runner }));
  if (process.env.BENCH_LOOP_DELAY) reportLoopDelay();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const serve = serveDbRequests(database.pool, (answer: DbAnswer) => send(answer));
  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      await runner.stop();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await database.close();
      process.exit(0);
    })());
  process.on('message', (message: Message) => {
    if (message === 'close') void close();
    else if ('dbRequest' in message) serve(message);
    else if ('limit' in message) {
      setBasedLimit(database.db, message.limit).then(
        (seconds) => send({ limitSeconds: seconds }),
        (error: Error) => send({ limitError: error.message }),
      );
    }
  });
  process.off('disconnect', stopEarly);
  process.on('disconnect', () => void close());
  send({ ready: true, baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, embeddedPid: database.embeddedPid });
}

(process.argv.includes('--seed') ? seed() : main()).catch((error: unknown) => {
  console.error('The bench server could not start:', error);
  process.exit(1);
});
