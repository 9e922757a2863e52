/** One database, one size: every figure of the bench's table, in an order where each step leaves the data as the next expects. */
import type { DatabaseKind } from '../../db/database';
import { measureExcel } from './excel';
import { downloadAll, limitRows, uploadAll } from './groups';
import { measureLoad } from './load';
import { measureProcess } from './process';
import { samplePeakRss } from './rss';
import { startBenchServer } from './setup';
import type { BenchRow } from './table';

/** Enough lines for a steady rate, few enough for the whole bench to stay under 10 minutes at 100k at today's rate (BENCH_PROCESS_LINES to change). */
const PROCESS_LINES = (rows: number) => Math.min(rows, Number(process.env.BENCH_PROCESS_LINES ?? 1000));

export async function benchOne(kind: DatabaseKind, size: number, log: (message: string) => void): Promise<BenchRow> {
  log(`${kind} ${size}: seeding`);
  const server = await startBenchServer(kind, size);
  try {
    log(`${kind} ${size}: download`);
    const download = await downloadAll(server);
    // The limit first, on a copy of the records as downloaded: the same end-dates and inserts the upload then makes.
    log(`${kind} ${size}: set-based limit`);
    const limitS = await server.limit(limitRows(download.rows));
    log(`${kind} ${size}: upload of ${download.rows.length} changes`);
    const rss = samplePeakRss([server.pids.server, ...(server.pids.database ? [server.pids.database] : [])]);
    const upload = await uploadAll(server, download.rows, download.groups);
    const peak = rss.stop();
    if (upload.failed > 0) log(`  ${upload.failed} rows failed to upload`);
    log(`${kind} ${size}: 20 clients uploading`);
    const load = await measureLoad(server, upload.rows, download.groups);
    log(`${kind} ${size}: batch process`);
    const processed = await measureProcess({ ...server, lines: PROCESS_LINES(size) });
    log(`${kind} ${size}: Excel requests`);
    const excel = await measureExcel({ ...server, rows: size });
    return {
      database: kind,
      rows: download.rows.length,
      downloadS: download.seconds,
      uploadS: upload.seconds,
      limitS,
      ratio: limitS / upload.seconds,
      processLinesPerS: processed.linesPerSecond,
      prepareRequests: excel.prepareRequests,
      uploadRequests: excel.uploadRequests,
      allowedRequests: excel.allowed.upload,
      largestRequestMb: excel.largestRequestMb,
      serverRssMb: peak.sum / 2 ** 20,
      serverProcessRssMb: peak.each[0] / 2 ** 20,
      databaseProcessRssMb: (peak.each[1] ?? 0) / 2 ** 20,
      healthP99Ms: load.healthP99Ms,
      healthP99DuringProcessMs: processed.healthP99Ms,
      resets: load.resets,
    };
  } finally {
    await server.close();
  }
}
