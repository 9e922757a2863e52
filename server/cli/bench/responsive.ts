/**
 * The responsiveness and memory figures alone, without the rest of the bench:
 *   tsx server/cli/bench/responsive.ts <persons> [--load] [--batch <lines>] [--upload]
 * on PGlite (BENCH_DATABASES=postgres and DATABASE_URL for PostgreSQL). Seeds `persons` people, downloads them, then
 * --upload: uploads a change of every row while sampling the server's RSS (server process and PGlite apart);
 * --load: 20 clients uploading (at 20,000 persons and more, 1,000-row chunks) with /api/health sampled;
 * --batch: a batch process of that many lines with /api/health sampled. Prints one JSON line of figures.
 */
import os from 'node:os';
import type { DatabaseKind } from '../../db/database';
import { downloadAll, uploadAll } from './groups';
import { measureLoad } from './load';
import { measureProcess } from './process';
import { samplePeakRss } from './rss';
import { startBenchServer } from './setup';

const MB = 2 ** 20;

async function main(): Promise<void> {
  process.env.LOG_LEVEL ??= 'warn';
  const args = process.argv.slice(2);
  const persons = Number(args[0]);
  if (!Number.isInteger(persons) || persons < 1) throw new Error('Usage: responsive.ts <persons> [--load] [--batch <lines>] [--upload]');
  const batchAt = args.indexOf('--batch');
  const kind = (process.env.BENCH_DATABASES ?? 'pglite') as DatabaseKind;
  const log = (m: string) => console.error(`[${new Date().toISOString().slice(11, 19)}] ${m} (load ${os.loadavg()[0].toFixed(2)})`);
  log(`${kind} ${persons}: seeding`);
  const server = await startBenchServer(kind, persons);
  const figures: Record<string, unknown> = { kind, persons };
  try {
    const download = await downloadAll(server);
    let rows = download.rows;
    if (args.includes('--upload')) {
      log(`upload of ${rows.length} changes`);
      const rss = samplePeakRss([server.pids.server, ...(server.pids.database ? [server.pids.database] : [])]);
      const upload = await uploadAll(server, rows, download.groups);
      const peak = rss.stop();
      rows = upload.rows;
      Object.assign(figures, { uploadS: upload.seconds, uploadFailed: upload.failed, rssMb: peak.sum / MB, serverRssMb: peak.each[0] / MB, databaseRssMb: (peak.each[1] ?? 0) / MB });
    }
    if (args.includes('--load')) {
      log('20 clients uploading');
      figures.load = await measureLoad(server, rows, download.groups);
    }
    if (batchAt >= 0) {
      const lines = Number(args[batchAt + 1]);
      log(`batch process of ${lines} lines`);
      figures.batch = { lines, ...(await measureProcess({ ...server, lines })) };
    }
  } finally {
    await server.close();
  }
  figures.loadavg = os.loadavg().map((n) => n.toFixed(2)).join(' ');
  console.log(JSON.stringify(figures));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
