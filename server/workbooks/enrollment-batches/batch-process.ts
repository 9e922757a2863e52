/**
 * The Upload Benefit Enrollments process, one participant per unit (seed: it "completes all participant enrollments
 * for a single participant before moving on to that participant's dependent designations, followed by beneficiary
 * designations"). Each line runs in its own savepoint: an error rolls back that line alone. The line's status,
 * message and the run that finished it are written in the unit's transaction, so a line is never run twice.
 */
import { sql } from 'kysely';
import { logError } from '../../errors/log-error';
import type { BatchProcessor, Db, JobContext, UnitOutcome } from '../../engine/workbook-kind';
import { findBatch } from './batch-lines.repository';
import { recordProcessedLines } from './batch-process.audit';
import { personNumberVisible, type Population } from '../../engine/population';
import type { StoredLine } from './line-fields';
import { beneficiaryTotalErrors, lifeEventClosings, processingOrder } from './processing-order';
import { closeLifeEvent, LineError, processBeneficiaryDesignation, processDependentDesignation, processParticipantEnrollment, type LineOutcome, type Participant } from './process-line';
import { findPersons, findRelationships, loadReference, type Reference } from './reference.repository';

/** The lines a run takes: not COMPLETE, and not BACKED OUT (a backed-out line runs again once it is changed and uploaded). */
const RUNNABLE = ['NEW', 'ERROR'] as const;

/** Data access: a run takes only the lines whose participant is in its starter's population on the line's date. */
const inPopulation = (population: Population) => personNumberVisible(population, sql`enrollment_batch_lines.person_number`, sql`enrollment_batch_lines.effective_date`);

type Finished = { key: string; status: 'COMPLETE' | 'ERROR'; message: string; information: string[] };

const PROCESS = {
  'Participant Enrollment': processParticipantEnrollment,
  'Dependent Designation': processDependentDesignation,
  'Beneficiary Designation': processBeneficiaryDesignation,
} as Record<string, (db: Db, line: StoredLine, person: Participant, reference: Reference) => Promise<LineOutcome>>;

/** Runs one line in its savepoint; `closeOn` when the line is the last of its life event in the run and the event closes. */
async function runLine(db: Db, line: StoredLine, person: Participant, reference: Reference, closeOn: string | undefined): Promise<Finished> {
  await sql`savepoint batch_line`.execute(db);
  try {
    const outcome = await PROCESS[line.enrollment_type](db, line, person, reference);
    const closed = closeOn ? await closeLifeEvent(db, line, person, reference, closeOn) : '';
    await sql`release savepoint batch_line`.execute(db);
    return { key: line.key, status: 'COMPLETE', message: `Line ${line.line_id}: ${outcome.summary}${closed}`, information: outcome.information };
  } catch (error) {
    await sql`rollback to savepoint batch_line`.execute(db);
    if (!(error instanceof LineError)) logError(error, { route: 'batch line processing' });
    // A LineError is the process's own plain message; anything else is the database's, which stays in the log.
    const reason = error instanceof LineError ? error.message : 'The server could not process this line. Check its values and process the batch again; if it still fails, contact support.';
    return { key: line.key, status: 'ERROR', message: `Line ${line.line_id}: ${reason}`, information: [] };
  }
}

export const enrollmentProcessor: BatchProcessor = {
  async prepareRun(db, batchName, population) {
    const batch = await findBatch(db, batchName);
    if (!batch) return undefined;
    const { n } = await db
      .selectFrom('enrollment_batch_lines')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('batch_id', '=', batch.id)
      .where('status', 'in', [...RUNNABLE])
      .where(inPopulation(population))
      .executeTakeFirstOrThrow();
    if (Number(n) > 0) return { batchId: batch.id, total: Number(n) };
    const backedOut = await db.selectFrom('enrollment_batch_lines').select('line_id').where('batch_id', '=', batch.id).where('status', '=', 'BACKED OUT').orderBy('line_id').execute();
    const nothingToDo =
      backedOut.length === 0
        ? 'Every line of this batch is already COMPLETE: there was nothing to process.'
        : `Every line of this batch is already COMPLETE or BACKED OUT: there was nothing to process. A backed-out line runs again once you change it and upload it (lines ${backedOut.slice(0, 20).map((l) => l.line_id).join(', ')}${backedOut.length > 20 ? ', …' : ''}).`;
    return { batchId: batch.id, total: 0, nothingToDo };
  },

  async nextUnit(db, job) {
    const row = await sql<{ person_number: string }>`
      select person_number from enrollment_batch_lines
      where batch_id = ${job.batchId} and status in ('NEW', 'ERROR') and processed_by_job is distinct from ${job.jobId} and ${inPopulation(job.population)}
      order by person_number limit 1`.execute(db);
    return row.rows[0]?.person_number;
  },

  async processUnit(db, job, personNumber) {
    const lines = (
      await sql<StoredLine>`
        select * from enrollment_batch_lines
        where batch_id = ${job.batchId} and person_number = ${personNumber} and status in ('NEW', 'ERROR') and processed_by_job is distinct from ${job.jobId}
          and ${inPopulation(job.population)}
        for update`.execute(db)
    ).rows;
    // Totals count every beneficiary line of the participant in the batch, finished earlier or not.
    const beneficiaries = await db.selectFrom('enrollment_batch_lines').selectAll().where('batch_id', '=', job.batchId).where('person_number', '=', personNumber).where('enrollment_type', '=', 'Beneficiary Designation').execute();
    const totals = beneficiaryTotalErrors(beneficiaries);
    const closings = lifeEventClosings(lines);
    const [reference, persons] = await Promise.all([loadReference(db), findPersons(db, [personNumber])]);
    const found = persons.get(personNumber);
    const person: Participant | undefined = found && { ...found, relationships: (await findRelationships(db, [found.id])).get(found.id) ?? [] };
    const finished: Finished[] = [];
    /** Participant enrollment lines of this participant that failed in this run. */
    const failedEnrollments: number[] = [];
    for (const line of processingOrder(lines)) {
      const error = (message: string) => finished.push({ key: line.key, status: 'ERROR', message: `Line ${line.line_id}: ${message}`, information: [] });
      const isEnrollment = line.enrollment_type === 'Participant Enrollment';
      if (!person || person.person_type !== 'Participant') error(`No participant has person number "${personNumber}".`);
      else if (closings.errors.has(line.key)) {
        error(closings.errors.get(line.key) as string);
        if (isEnrollment) failedEnrollments.push(line.line_id);
      } else if (failedEnrollments.length > 0) {
        const which = `line${failedEnrollments.length > 1 ? 's' : ''} ${failedEnrollments.join(', ')}`;
        error(
          isEnrollment
            ? `Not processed: an earlier enrollment of ${personNumber} (${which}) failed, and this line continues its history. Fix ${which} and process the batch again.`
            : `Not processed: the participant enrollment of ${personNumber} (${which}) failed, and this designation depends on it. Fix ${which} and process the batch again.`,
        );
      } else if (totals.has(line.key)) error(totals.get(line.key) as string);
      else {
        const result = await runLine(db, line, person, reference, closings.closeAfter.get(line.key));
        finished.push(result);
        if (isEnrollment && result.status === 'ERROR') failedEnrollments.push(line.line_id);
      }
    }
    await recordFinished(db, job, lines, finished);
    const completed = finished.filter((f) => f.status === 'COMPLETE').length;
    return { done: finished.length, completed, errors: finished.length - completed } satisfies UnitOutcome;
  },
};

/** One statement for the unit's line results, one for its audit log entries (when the batch keeps one). */
async function recordFinished(db: Db, job: JobContext, lines: StoredLine[], finished: Finished[]): Promise<void> {
  if (finished.length === 0) return;
  await recordProcessedLines(db, job, lines, finished);
  await sql`
    update enrollment_batch_lines t set status = v.status, message = v.message, processed_by_job = ${job.jobId}
    from jsonb_to_recordset(${JSON.stringify(finished.map(({ key, status, message }) => ({ key, status, message })))}::jsonb) as v(key text, status text, message text)
    where t.key = v.key`.execute(db);
  const batch = await db.selectFrom('enrollment_batches').select('audit_log').where('id', '=', job.batchId).executeTakeFirstOrThrow();
  if (!batch.audit_log) return;
  const lineIds = new Map(lines.map((l) => [l.key, l.line_id]));
  const entries = finished.flatMap((f) => [
    ...f.information.map((message) => ({ level: 'INFORMATION' as const, message, f })),
    { level: f.status === 'COMPLETE' ? ('INFORMATION' as const) : ('ERROR' as const), message: f.message, f },
  ]);
  await db
    .insertInto('enrollment_audit_log')
    .values(entries.map(({ level, message, f }) => ({ batch_id: job.batchId, job_id: job.jobId, line_key: f.key, line_id: lineIds.get(f.key) as number, level, message })))
    .execute();
}
