/** The existing batches to pick from: each one's lines by Row Batch Status and its last run, in one statement. */
import { sql } from 'kysely';
import type { BatchSummary } from '../../../src/contract/api';
import type { Db } from '../../engine/workbook-kind';

export async function listBatches(db: Db): Promise<BatchSummary[]> {
  const result = await sql<{ name: string; lines: number; last_run: Date | string | null; counts: Record<string, number> | string | null }>`
    select b.name,
      coalesce((select count(*)::int from enrollment_batch_lines l where l.batch_id = b.id), 0) as lines,
      (select max(j.created_at) from batch_jobs j where j.batch_id = b.id) as last_run,
      (select jsonb_object_agg(s.status, s.n) from (
        select l.status, count(*)::int as n from enrollment_batch_lines l where l.batch_id = b.id group by l.status
      ) s) as counts
    from enrollment_batches b
    order by b.created_at desc, b.id desc`.execute(db);
  return result.rows.map((r) => ({
    batchName: r.name,
    lines: Number(r.lines),
    lastRun: r.last_run === null ? null : new Date(r.last_run).toISOString(),
    statusCounts: typeof r.counts === 'string' ? (JSON.parse(r.counts) as Record<string, number>) : (r.counts ?? {}),
  }));
}
