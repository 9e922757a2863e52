/** One database, one size: every figure of the bench's table, in an order where each step leaves the data as the next expects. */
import type { DatabaseKind } from '../../db/database';
import { measureExcel } from './excel';
import { downloadAll, limitRows, uploadAll } from './groups';
import { measureLoad } from './load';
import { measureProcess } from './process';
import { samplePeakRss } from './rss';
import { startBenchServer } from './setup';
import type { BenchRow } from './table';

/**
 * Batch sizes the process is timed at, each a batch of its own (BENCH_PROCESS_LINES, comma-separated, to change):
 * the 5,000 and 25,000 lines. The lines are the bench's own participants, whatever the size of the run.
 */
export function processLines(env: NodeJS.ProcessEnv = process.env): number[] {
  const sizes = (env.BENCH_PROCESS_LINES ?? '5000,25000').split(',').map((s) => Number(s.trim()));
  if (sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new Error(`BENCH_PROCESS_LINES must be line counts separated by commas, not "${env.BENCH_PROCESS_LINES}".`);
  return sizes;
}

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
    log(`  upload ${upload.seconds.toFixed(2)} s, limit ${limitS.toFixed(2)} s, ratio ${(limitS / upload.seconds).toFixed(2)}`);
    log(`${kind} ${size}: 20 clients uploading`);
    const load = await measureLoad(server, upload.rows, download.groups);
    const processed: BenchRow['process'] = [];
    for (const lines of processLines()) {
      log(`${kind} ${size}: batch process of ${lines} lines`);
      processed.push({ lines, ...(await measureProcess({ ...server, lines })) });
    }
    log(`${kind} ${size}: Excel requests`);
    const excel = await measureExcel({ ...server, rows: size });
    return {
      database: kind,
      rows: download.rows.length,
      downloadS: download.seconds,
      uploadS: upload.seconds,
      limitS,
      ratio: limitS / upload.seconds,
      processLinesPerS: Math.min(...processed.map((p) => p.linesPerSecond)),
      process: processed,
      prepareRequests: excel.prepareRequests,
      allowedPrepareRequests: excel.allowed.prepare,
      uploadRequests: excel.uploadRequests,
      allowedRequests: excel.allowed.upload,
      largestRequestMb: excel.largestRequestMb,
      serverRssMb: peak.sum / 2 ** 20,
      serverProcessRssMb: peak.each[0] / 2 ** 20,
      databaseProcessRssMb: (peak.each[1] ?? 0) / 2 ** 20,
      healthP99Ms: load.healthP99Ms,
      healthP99DuringProcessMs: Math.max(...processed.map((p) => p.healthP99Ms)),
      resets: load.resets,
    };
  } finally {
    await server.close();
  }
}
