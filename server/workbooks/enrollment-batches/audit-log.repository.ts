/** A batch's audit log (seed: with Audit Log = Yes, "any error or information messages for each line"), oldest first. */
import { AppError } from '../../errors/app-error';
import type { AuditLogEntry } from '../../../src/contract/api';
import { sql } from 'kysely';
import { personNumberVisible, type Population } from '../../engine/population';
import type { Db } from '../../engine/workbook-kind';

/** Only the entries of lines whose participant is in the population (on the line's effective date). */
export async function listAuditLog(db: Db, batchName: string, population: Population): Promise<AuditLogEntry[]> {
  const batch = await db.selectFrom('enrollment_batches').select('id').where('name', '=', batchName).executeTakeFirst();
  if (!batch) throw new AppError('not_found', `There is no batch called "${batchName}".`);
  const rows = await db
    .selectFrom('enrollment_audit_log')
    .select(['line_id', 'job_id', 'level', 'message', 'logged_at'])
    .where('batch_id', '=', batch.id)
    .$if(population !== undefined, (q) => q.where(sql<boolean>`exists (select 1 from enrollment_batch_lines l where l.key = enrollment_audit_log.line_key
      and ${personNumberVisible(population, sql`l.person_number`, sql`l.effective_date`)})`))
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ lineId: r.line_id, jobId: r.job_id, level: r.level, message: r.message, loggedAt: new Date(r.logged_at).toISOString() }));
}
