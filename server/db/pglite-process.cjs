/**
 * The embedded database's own process: one PGlite (with btree_gist and pg_trgm), served over the PostgreSQL wire protocol on a
 * Unix socket in a private folder, so the server talks to it through `pg` exactly as to a PostgreSQL server and
 * PGlite's work never runs on the server's event loop. Started by server/db/embedded.ts with `fork`.
 *
 * Lifecycle (PGlite allows one writer per data folder, and only a clean close leaves the folder consistent):
 * - the parent sends 'close', or the IPC channel drops (the parent exited, even by kill -9): stop serving, close
 *   PGlite, exit. So a crashed server never leaves PGlite half-written and the next start opens the same folder.
 * - Ctrl-C reaches the whole process group: SIGINT is ignored here so that the parent finishes its own shutdown
 *   (it needs the database for that) and then closes us. SIGTERM sent to this process alone closes cleanly.
 * Plain CommonJS, no TypeScript: it starts with bare `node` (no tsx or jest loader), in ~0.1 s.
 */
'use strict';
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { Blob } = require('node:buffer');
const { PGlite } = require('@electric-sql/pglite');
const { btree_gist } = require('@electric-sql/pglite/contrib/btree_gist');
const { pg_trgm } = require('@electric-sql/pglite/contrib/pg_trgm');
const { PGLiteSocketServer } = require('@electric-sql/pglite-socket');

const PORT = 5432;
/**
 * Memory (the server's RSS target is 300 MB with this process counted in, issue 12). PGlite's defaults cost:
 * - initdb: a fresh folder is initialised by a WebAssembly module whose memory stays with the process for good
 *   (measured: 760 MB right after creating a fresh folder, 270 MB opening the same folder again). So a fresh folder
 *   is initialised by a short-lived process of its own (`--init`), and this one only ever opens an existing folder.
 * - shared_buffers 128 MB (PostgreSQL's default), touched as data is read and never given back by WebAssembly:
 *   32 MB measured 170–230 MB against 270–310 MB, and no slower (the data files are in the OS's page cache anyway).
 */
const SHARED_BUFFERS = '32MB';
const startParams = () => [...PGlite.defaultStartParams, '-c', `shared_buffers=${SHARED_BUFFERS}`];

/** A folder PGlite has not initialised yet (no PG_VERSION): initialise it in a child process that then exits. */
function initialiseApart(dataDir) {
  if (fs.existsSync(path.join(dataDir, 'PG_VERSION'))) return;
  execFileSync(process.execPath, [process.argv[1], '--init', dataDir], { stdio: 'inherit' });
}
const SYNC = 0x53;
// Extended-protocol messages: Parse, Bind, Describe, Execute, Close, Flush.
const EXTENDED = new Set([0x50, 0x42, 0x44, 0x45, 0x43, 0x48]);

/**
 * PGlite 0.4/0.5 answers an extended-protocol message that fails with ErrorResponse *and* ReadyForQuery, and keeps
 * running the following messages (electric-sql/pglite#958, open). `pg` then sees answers it did not ask for and drops
 * the connection: every refused row of a chunk would fail the whole upload. Here PostgreSQL's rule is restored: after
 * an error, drop the early ReadyForQuery and skip messages until Sync, which answers with the one ReadyForQuery.
 * Safe because the server uses one connection (the state below is that connection's).
 */
function followErrorRule(db) {
  const run = db.execProtocolRawStream.bind(db);
  let skipping = false;
  db.execProtocolRawStream = async (message, options) => {
    const type = message[0];
    if (type === SYNC) skipping = false;
    else if (skipping) return;
    if (!EXTENDED.has(type)) return run(message, options);
    const chunks = [];
    const result = await run(message, { ...options, onRawData: (data) => chunks.push(Buffer.from(data)) });
    const output = Buffer.concat(chunks);
    const kept = [];
    let failed = false;
    for (let at = 0; at + 5 <= output.length; ) {
      const length = 1 + output.readInt32BE(at + 1);
      if (output[at] === 0x45) failed = true;
      kept.push(output.subarray(at, at + length));
      at += length;
    }
    skipping = failed;
    const answer = failed ? Buffer.concat(kept.filter((m) => m[0] !== 0x5a)) : output;
    if (answer.length > 0) options.onRawData(new Uint8Array(answer));
    return result;
  };
}

async function main() {
  if (process.argv[2] === '--init') {
    await (await PGlite.create({ dataDir: process.argv[3], startParams: startParams() })).close();
    return;
  }
  const dataDir = process.argv[2] || undefined;
  // A dumpDataDir() file to start from (tests: one migrated copy instead of initdb and every migration per file).
  const loadDataDir = process.argv[3] ? new Blob([fs.readFileSync(process.argv[3])]) : undefined;
  if (dataDir && !loadDataDir) initialiseApart(dataDir);
  const socketDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bw-pglite-'));
  fs.chmodSync(socketDir, 0o700);
  const db = await PGlite.create({ dataDir, loadDataDir, extensions: { btree_gist, pg_trgm }, startParams: startParams() });
  followErrorRule(db);
  // The parent uses one connection (PGlite is single-session, and the socket server queues each protocol message on
  // its own, so two connections' extended-protocol messages could interleave); one spare for a reconnect.
  const server = new PGLiteSocketServer({ db, path: path.join(socketDir, `.s.PGSQL.${PORT}`), maxConnections: 2 });
  await server.start();

  let closing;
  const close = () => {
    closing ??= (async () => {
      try {
        await server.stop();
        if (!db.closed) await db.close();
      } finally {
        fs.rmSync(socketDir, { recursive: true, force: true });
        process.exit(0);
      }
    })();
    return closing;
  };
  process.on('message', (message) => {
    if (message === 'close') void close();
  });
  process.on('disconnect', () => void close());
  process.on('SIGINT', () => {});
  process.on('SIGTERM', () => void close());
  process.send({ ready: true, host: socketDir, port: PORT });
}

main().catch((error) => {
  console.error('The embedded database could not start:', error);
  process.exit(1);
});
