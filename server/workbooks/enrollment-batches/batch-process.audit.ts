/**
 * The audit trail of a batch run (one statement per participant unit): each finished line's Row Batch Status and
 * Message, old and new, by the user who started the run, with the run's idempotency key. The Message says what the
 * line created (the enrollment, the designation, the life event it closed).
 */
import { recordChanges, type Change } from '../../engine/audit';
import type { Db, JobContext } from '../../engine/workbook-kind';
import { enrollmentBatchesDefinition } from './definition';
import type { StoredLine } from './line-fields';

export async function recordProcessedLines(db: Db, job: JobContext, lines: StoredLine[], finished: Array<{ key: string; status: string; message: string }>): Promise<void> {
  const byKey = new Map(lines.map((l) => [l.key, l]));
  const changes: Change[] = finished.flatMap((f) => {
    const line = byKey.get(f.key);
    const common = { kind: enrollmentBatchesDefinition.kind, action: 'process' as const, recordKey: f.key, personNumber: line?.person_number ?? null, effectiveDate: line?.effective_date ?? null };
    return [
      { ...common, column: 'Row Batch Status', oldValue: line?.status ?? null, newValue: f.status },
      { ...common, column: 'Message', oldValue: line?.message ?? null, newValue: f.message },
    ];
  });
  await recordChanges(db, { username: job.startedBy, requestId: job.requestId }, changes);
}
