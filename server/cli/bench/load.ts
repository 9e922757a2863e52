/**
 * The server under load: 20 clients at once, each uploading 1,000-row chunks of its own rows (changes of group on a
 * later date), while /api/health is sampled. Bounded: at most 2 chunks a client.
 */
import { randomUUID } from 'node:crypto';
import { createApiClient } from '../../../src/api/api-client';
import type { DownloadedRow } from '../../../src/contract/api';
import { chunk } from '../../../src/core/chunk';
import { KIND } from './groups';
import { isReset, percentile, sampleHealth } from './health';

const CLIENTS = 20;
const CHUNK = 1000;
const CHUNKS_PER_CLIENT = 2;
const LOAD_DATE = '2026-04-01';

export async function measureLoad(ctx: { baseUrl: string; token: string }, rows: DownloadedRow[], groups: string[]): Promise<{ healthP99Ms: number; resets: number; uploadP99Ms: number }> {
  const share = Math.max(1, Math.floor(rows.length / CLIENTS));
  const perChunk = Math.min(CHUNK, share);
  const uploads: number[] = [];
  let resets = 0;
  const health = sampleHealth(ctx.baseUrl, 50);
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, client) => {
      // Each client its own connection pool (keep-alive as axios in a browser would be), so resets show per client.
      const api = createApiClient({ baseURL: ctx.baseUrl, getToken: () => ctx.token });
      const mine = rows.slice(client * share, (client + 1) * share);
      for (const piece of chunk(mine, perChunk).slice(0, CHUNKS_PER_CLIENT)) {
        const upload = piece.map((r, i) => ({ rowId: i, op: 'update' as const, key: r.key, version: r.version, values: { benefitsGroup: groups[(groups.indexOf(String(r.values.benefitsGroup)) + 1) % groups.length] } }));
        const start = performance.now();
        try {
          await api.upload(KIND, { idempotencyKey: randomUUID(), effectiveDate: LOAD_DATE, rows: upload });
          uploads.push(performance.now() - start);
        } catch (error) {
          if (isReset(error) || isReset((error as { cause?: unknown }).cause)) resets += 1;
          else throw error;
        }
      }
    }),
  );
  const samples = await health.stop();
  return { healthP99Ms: percentile(samples.latencies, 99), resets: resets + samples.resets, uploadP99Ms: percentile(uploads, 99) };
}
