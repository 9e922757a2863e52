/**
 * The Upload Benefit Enrollments process. seed: it "completes all participant enrollments for a single participant
 * before moving on to that participant's dependent designations, followed by beneficiary designations"; an error
 * rolls back that line alone. A unit is a group of participants, in person-number order after the last unit the run
 * finished (its keyset), run in one transaction: their lines, reference data, records and contacts are read with one
 * query each, their lines run in memory (a failing line's changes are put back), and the passing lines' writes go
 * to the database together. Only if the database refuses those does the unit run again line by line, each line's
 * writes in a savepoint, so a refused line fails alone as before. Each line's status, message and the run that
 * finished it are written in the unit's transaction, so a line is never run twice.
 */
import { sql } from 'kysely';
import { logError } from '../../errors/log-error';
import type { BatchProcessor, Db, JobContext, UnitOutcome } from '../../engine/workbook-kind';
import { findBatch } from './batch-lines.repository';
import { recordProcessedLines } from './batch-process.audit';
import { personNumberVisible, type Population } from '../../engine/population';
import type { StoredLine } from './line-fields';
import { loadRatingFacts } from '../rate-grid/group-life.repository';
import { loadParticipantStates, type ParticipantState } from './participant-state.repository';
import { beneficiaryTotalErrors, lifeEventClosings, processingOrder } from './processing-order';
import { closeLifeEvent, LineError, processBeneficiaryDesignation, processDependentDesignation, processParticipantEnrollment, type Ledger, type LineOutcome, type Participant } from './process-line';
import { applyWrites, type Write } from './process-writes.repository';
import { currentReference, findPersons, findRelationships, type Person, type Reference, type Relationship } from './reference.repository';

/** The lines a run takes: not COMPLETE, and not BACKED OUT (a backed-out line runs again once it is changed and uploaded). */
const RUNNABLE = ['NEW', 'ERROR'] as const;
/** A unit stops adding participants once it holds this many lines (one participant's lines always go together). */
const UNIT_LINES = 2000;

/** Data access: a run takes only the lines whose participant is in its starter's population on the line's date. */
const inPopulation = (population: Population) => personNumberVisible(population, sql`enrollment_batch_lines.person_number`, sql`enrollment_batch_lines.effective_date`);

type Finished = { key: string; status: 'COMPLETE' | 'ERROR'; message: string; information: string[] };

const PROCESS = {
  'Participant Enrollment': processParticipantEnrollment,
  'Dependent Designation': processDependentDesignation,
  'Beneficiary Designation': processBeneficiaryDesignation,
} as Record<string, (ledger: Ledger, line: StoredLine) => LineOutcome>;

/** What a line's writes go through: gathered for the whole unit, or written at once in the line's own savepoint. */
type Commit = (writes: Write[]) => Promise<void>;

const snapshot = (s: ParticipantState): ParticipantState => ({ lifeEvents: [...s.lifeEvents], enrollments: [...s.enrollments], dependents: [...s.dependents], contacts: s.contacts });

/** Runs one line; `closeOn` when the line is the last of its life event in the run and the event closes. */
async function runLine(ledger: Ledger, line: StoredLine, closeOn: string | undefined, commit: Commit): Promise<Finished> {
  const before = snapshot(ledger.state);
  ledger.writes = [];
  try {
    const outcome = PROCESS[line.enrollment_type](ledger, line);
    const closed = closeOn ? closeLifeEvent(ledger, line, closeOn) : '';
    await commit(ledger.writes);
    return { key: line.key, status: 'COMPLETE', message: `Line ${line.line_id}: ${outcome.summary}${closed}`, information: outcome.information };
  } catch (error) {
    ledger.state = before;
    if (!(error instanceof LineError)) logError(error, { route: 'batch line processing' });
    // A LineError is the process's own plain message; anything else is the database's, which stays in the log.
    const reason = error instanceof LineError ? error.message : 'The server could not process this line. Check its values and process the batch again; if it still fails, contact support.';
    return { key: line.key, status: 'ERROR', message: `Line ${line.line_id}: ${reason}`, information: [] };
  }
}

/** One participant's lines of the run, in processing order, with every rule that spans lines. */
async function runParticipant(ledger: Ledger | undefined, personNumber: string, lines: StoredLine[], all: StoredLine[], commit: Commit): Promise<Finished[]> {
  // Totals count every beneficiary line of the participant in the batch, finished earlier or not.
  const totals = beneficiaryTotalErrors(all.filter((l) => l.enrollment_type === 'Beneficiary Designation'));
  const closings = lifeEventClosings(lines);
  const finished: Finished[] = [];
  /** Participant enrollment lines of this participant that failed in this run. */
  const failedEnrollments: number[] = [];
  for (const line of processingOrder(lines)) {
    const error = (message: string) => finished.push({ key: line.key, status: 'ERROR', message: `Line ${line.line_id}: ${message}`, information: [] });
    const isEnrollment = line.enrollment_type === 'Participant Enrollment';
    if (!ledger) error(`No participant has person number "${personNumber}".`);
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
      const result = await runLine(ledger, line, closings.closeAfter.get(line.key), commit);
      finished.push(result);
      if (isEnrollment && result.status === 'ERROR') failedEnrollments.push(line.line_id);
    }
  }
  return finished;
}

interface Group {
  /** Every line of each participant of the unit, by person number, in person-number order. */
  byPerson: Map<string, StoredLine[]>;
  persons: Map<string, Person>;
  relationships: Map<number, Relationship[]>;
  reference: Reference;
}

/**
 * Runs every participant of the group from their state in the database: 'together' gathers the passing lines' writes
 * for the caller to write at once; 'alone' writes each line's writes as it passes, in a savepoint of its own.
 */
async function runGroup(db: Db, job: JobContext, group: Group, mode: 'together' | 'alone'): Promise<{ finished: Finished[]; writes: Write[] }> {
  const participants = [...group.persons.values()].filter((p) => p.person_type === 'Participant');
  const [states, ratings] = await Promise.all([loadParticipantStates(db, participants.map((p) => p.id)), loadRatingFacts(db, participants.map((p) => p.id))]);
  const writes: Write[] = [];
  const ids = new Map<number, number>();
  const gather: Commit = async (lineWrites) => void writes.push(...lineWrites);
  const own: Commit = async (lineWrites) => {
    await sql`savepoint batch_line`.execute(db);
    try {
      await applyWrites(db, lineWrites, ids);
      await sql`release savepoint batch_line`.execute(db);
    } catch (error) {
      await sql`rollback to savepoint batch_line`.execute(db);
      throw error;
    }
  };
  const commit = mode === 'together' ? gather : own;
  let lastId = 0;
  const finished: Finished[] = [];
  let since = 0;
  for (const [personNumber, all] of group.byPerson) {
    // Lines run in memory without waiting on anything: let the server answer other requests every few participants.
    if (++since % 50 === 0) await new Promise((resolve) => setImmediate(resolve));
    const lines = all.filter((l) => (RUNNABLE as readonly string[]).includes(l.status) && l.processed_by_job !== job.jobId);
    if (lines.length === 0) continue;
    const found = group.persons.get(personNumber);
    const ledger: Ledger | undefined =
      found && found.person_type === 'Participant'
        ? { person: { ...found, relationships: group.relationships.get(found.id) ?? [], rating: ratings.get(found.id) } as Participant, state: states.get(found.id) as ParticipantState, reference: group.reference, writes: [], newId: () => --lastId }
        : undefined;
    finished.push(...(await runParticipant(ledger, personNumber, lines, all, commit)));
  }
  return { finished, writes };
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

  /** The next participants after the last unit (keyset on the batch's person-number index): the unit is the last of them. */
  async nextUnit(db, job) {
    const { rows } = await sql<{ person_number: string; lines: string }>`
      select person_number, count(*) as lines from enrollment_batch_lines
      where batch_id = ${job.batchId} and ${job.after === null ? sql`true` : sql`person_number > ${job.after}`}
        and status in ('NEW', 'ERROR') and processed_by_job is distinct from ${job.jobId} and ${inPopulation(job.population)}
      group by person_number order by person_number limit ${job.unitSize}`.execute(db);
    let lines = 0;
    let last: string | undefined;
    for (const row of rows) {
      if (last !== undefined && lines + Number(row.lines) > UNIT_LINES) break;
      lines += Number(row.lines);
      last = row.person_number;
    }
    return last;
  },

  /** The participants after `job.after` up to and including `unit`. */
  async processUnit(db, job, unit) {
    const all = (
      await sql<StoredLine>`
        select * from enrollment_batch_lines
        where batch_id = ${job.batchId} and ${job.after === null ? sql`true` : sql`person_number > ${job.after}`} and person_number <= ${unit}
          and ${inPopulation(job.population)}
        order by person_number, line_id for update`.execute(db)
    ).rows;
    const byPerson = new Map<string, StoredLine[]>();
    for (const line of all) {
      const lines = byPerson.get(line.person_number);
      if (lines) lines.push(line);
      else byPerson.set(line.person_number, [line]);
    }
    const reference = await currentReference(db);
    const persons = await findPersons(db, [...byPerson.keys()]);
    const relationships = await findRelationships(db, [...persons.values()].map((p) => p.id));
    const group: Group = { byPerson, persons, relationships, reference };

    await sql`savepoint batch_unit`.execute(db);
    let { finished, writes } = await runGroup(db, job, group, 'together');
    try {
      await applyWrites(db, writes, new Map());
      await sql`release savepoint batch_unit`.execute(db);
    } catch {
      // The database refused the unit's writes together: again, each line's writes alone, so only a refused line fails.
      await sql`rollback to savepoint batch_unit`.execute(db);
      ({ finished, writes } = await runGroup(db, job, group, 'alone'));
    }
    await recordFinished(db, job, all, finished);
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
  // In the order of the entries (the log reads oldest first by id).
  await sql`
    insert into enrollment_audit_log (batch_id, job_id, line_key, line_id, level, message)
    select ${job.batchId}, ${job.jobId}, v.line_key, v.line_id, v.level, v.message
    from jsonb_to_recordset(${JSON.stringify(entries.map(({ level, message, f }) => ({ line_key: f.key, line_id: lineIds.get(f.key), level, message })))}::jsonb)
      as v(line_key text, line_id integer, level text, message text)`.execute(db);
}
