/**
 * The server under load: 20 clients at once, each uploading 1,000-row chunks of its own rows (changes of group on a
 * later date), while /api/health is sampled. Bounded: at most 2 chunks a client. The clients run in a process of
 * their own (load-clients.ts) and the prober in another (health.ts), so the figures are the server's.
 */
import { randomUUID } from 'node:crypto';
import type { DownloadedRow, UploadRequest } from '../../../src/contract/api';
import { chunk } from '../../../src/core/chunk';
import { forkBenchChild } from './child';
import { KIND } from './groups';
import { percentile, startHealthProbe } from './health';
import type { LoadClientsResult } from './load-clients';

const CLIENTS = 20;
const CHUNK = 1000;
const CHUNKS_PER_CLIENT = 2;
const LOAD_DATE = '2026-04-01';

export interface LoadFigures {
  healthP99Ms: number;
  healthP50Ms: number;
  healthSamples: number;
  resets: number;
  uploadP99Ms: number;
  /** The largest chunk a client sent (smaller than 1,000 when there are fewer than 20,000 rows). */
  chunkRows: number;
}

/** Each client's chunks: its own share of the rows, a change of group each. */
export function clientChunks(rows: DownloadedRow[], groups: string[]): UploadRequest[][] {
  const share = Math.max(1, Math.floor(rows.length / CLIENTS));
  const perChunk = Math.min(CHUNK, share);
  return Array.from({ length: CLIENTS }, (_, client) =>
    chunk(rows.slice(client * share, (client + 1) * share), perChunk)
      .slice(0, CHUNKS_PER_CLIENT)
      .map((piece) => ({
        idempotencyKey: randomUUID(),
        effectiveDate: LOAD_DATE,
        rows: piece.map((r, i) => ({ rowId: i, op: 'update' as const, key: r.key, version: r.version, values: { benefitsGroup: groups[(groups.indexOf(String(r.values.benefitsGroup)) + 1) % groups.length] } })),
      })),
  );
}

export async function measureLoad(ctx: { baseUrl: string; token: string }, rows: DownloadedRow[], groups: string[]): Promise<LoadFigures> {
  const clients = clientChunks(rows, groups);
  const load = forkBenchChild('load-clients.ts');
  try {
    await load.ask({ baseUrl: ctx.baseUrl, token: ctx.token, kind: KIND, clients }, 'ready');
    const health = await startHealthProbe(ctx.baseUrl, 50);
    const { result } = await load.ask<{ result: LoadClientsResult }>('go', 'result');
    const samples = await health.stop();
    if (result.failures.length > 0) throw new Error(`${result.failures.length} uploads under load failed: ${result.failures[0]}`);
    return {
      healthP99Ms: percentile(samples.latencies, 99),
      healthP50Ms: percentile(samples.latencies, 50),
      healthSamples: samples.latencies.length,
      resets: result.resets + samples.resets,
      uploadP99Ms: percentile(result.uploads, 99),
      chunkRows: Math.max(0, ...clients.flat().map((c) => c.rows.length)),
    };
  } finally {
    await load.close();
  }
}
