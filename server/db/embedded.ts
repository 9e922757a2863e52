/**
 * The embedded database (PGlite) in a child process of its own, reached over the PostgreSQL wire protocol.
 *
 * Why a child process and not PGlite in the server's process: PGlite runs PostgreSQL compiled to WebAssembly,
 * synchronously, on whatever thread calls it. In the server's process that thread is the event loop, so every batch
 * or upload froze every other request (health 4.1 s while a batch ran; resets under 20 uploading clients) and its
 * memory (1.4–1.6 GB at 100k rows) counted against the server. In a child the server only waits on a socket; it
 * speaks to PGlite through `pg` exactly as to a PostgreSQL server (one code path: kysely's PostgresDialect), and a
 * worker thread would have needed a message protocol of our own for the same effect.
 * Measured figures are in the README's Performance section.
 */
import { fork } from 'node:child_process';
import path from 'node:path';

export interface EmbeddedDatabase {
  /** Connection settings for pg: a Unix socket folder and port. */
  host: string;
  port: number;
  pid: number;
  /** Closes PGlite cleanly (checkpoint, single-writer lock released) and waits for the process to exit. */
  stop(): Promise<void>;
}

const SCRIPT = path.join(__dirname, 'pglite-process.cjs');

/** `loadDataDir`: a PGlite dumpDataDir() file to start from (see createDatabase). */
export async function startEmbeddedDatabase(dataDir?: string, loadDataDir?: string): Promise<EmbeddedDatabase> {
  const args = loadDataDir ? [dataDir ?? '', loadDataDir] : dataDir ? [dataDir] : [];
  // Bare node: no tsx or jest loader in the child (execArgv would pass the parent's on). A young generation of 4 MB a
  // semi-space (V8's default grows to 16–32 MB): the child's garbage is protocol buffers of a chunk's size, freed at
  // once; measured on a 27,000-row upload, the process's peak RSS 469 MB → 326 MB, no slower (issue 12).
  const child = fork(SCRIPT, args, { execArgv: ['--max-semi-space-size=4'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const ready = await new Promise<{ host: string; port: number }>((resolve, reject) => {
    child.once('message', (message) => resolve(message as { host: string; port: number }));
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`The embedded database stopped while starting (exit code ${code}).`)));
  });
  return {
    host: ready.host,
    port: ready.port,
    pid: child.pid as number,
    async stop() {
      if (child.exitCode === null && child.signalCode === null && child.connected) child.send('close');
      await exited;
    },
  };
}
