/**
 * The Upload Benefit Enrollments process at scale: a batch of `lines` enrollment lines (one per person, uploaded over
 * HTTP in 2,000-line chunks), one run started over HTTP and followed to the end; /api/health sampled meanwhile.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { createApiClient } from '../../../src/api/api-client';
import { MAX_ROWS_PER_CHUNK } from '../../../src/contract/api';
import { chunk } from '../../../src/core/chunk';
import type { Database } from '../../db/schema';
import { percentile, sampleHealth } from './health';

const KIND = 'benefit-enrollments';

export async function measureProcess(ctx: { baseUrl: string; token: string; db: Kysely<Database>; lines: number }): Promise<{ linesPerSecond: number; healthP99Ms: number }> {
  const api = createApiClient({ baseURL: ctx.baseUrl, getToken: () => ctx.token });
  const people = await ctx.db.selectFrom('persons').select('person_number').orderBy('person_number').limit(ctx.lines).execute();
  const batchName = `Bench ${randomUUID().slice(0, 8)}`;
  for (const piece of chunk(people, MAX_ROWS_PER_CHUNK)) {
    const rows = piece.map((p, rowId) => ({
      rowId,
      op: 'insert' as const,
      values: {
        enrollmentType: 'Participant Enrollment', effectiveDate: '2026-01-01', personNumber: p.person_number, programName: 'Health and Welfare',
        planName: 'Dental', optionName: 'Basic', lifeEvent: 'New Hire', lifeEventOccurredDate: '2026-01-01', createPotentialLifeEvent: 'Yes',
        benefitRelationship: 'Default', closeLifeEvent: 'Yes',
      },
    }));
    await api.upload(KIND, { idempotencyKey: randomUUID(), batchName, rows });
  }
  const health = sampleHealth(ctx.baseUrl, 100);
  const start = performance.now();
  let job = await api.startBatchJob(KIND, batchName, { idempotencyKey: randomUUID() });
  while (job.status === 'queued' || job.status === 'running') {
    await new Promise((r) => setTimeout(r, 200));
    job = await api.batchJob(KIND, batchName, job.jobId);
  }
  const seconds = (performance.now() - start) / 1000;
  const samples = await health.stop();
  if (job.status !== 'completed') throw new Error(`The bench's batch run ended ${job.status}.`);
  return { linesPerSecond: job.done / seconds, healthP99Ms: percentile(samples.latencies, 99) };
}
