/**
 * Batch process runs (jobs) kept in PostgreSQL: start, look at and cancel a run. The engine's leased-job runner
 * (leased-jobs.ts) works them, one unit (of participants) per transaction: the unit's lines, their marks, the job's
 * progress and the unit as the run's keyset commit together, so a resumed run never runs a line twice.
 */
import { sql } from 'kysely';
import type { BatchJob } from '../../src/contract/api';
import { AppError } from '../errors/app-error';
import type { Actor } from './actor';
import { createLeasedJobRunner, endCancelled as endLeasedJob, type JobRunner, type LeasedJobKind, type RunnerOptions as LeasedRunnerOptions } from './leased-jobs';
import type { BatchKind, BatchProcessor, Db, UnitOutcome } from './workbook-kind';

export type { JobRunner } from './leased-jobs';
export type RunnerOptions = LeasedRunnerOptions<UnitOutcome>;

type BatchJobRow = {
  id: number;
  batch_id: number;
  batch_name: string;
  status: BatchJob['status'];
  total: number;
  done: number;
  completed: number;
  errors: number;
  message: string | null;
};

function toBatchJob(row: BatchJobRow): BatchJob {
  return { jobId: row.id, batchName: row.batch_name, status: row.status, total: row.total, done: row.done, completed: row.completed, errors: row.errors, message: row.message };
}

const jobColumns = sql`j.id, j.batch_id, b.name as batch_name, j.status, j.total, j.done, j.completed, j.errors, j.message`;

async function findJob(db: Db, where: ReturnType<typeof sql>): Promise<BatchJobRow | undefined> {
  const result = await sql<BatchJobRow>`select ${jobColumns} from batch_jobs j join enrollment_batches b on b.id = j.batch_id where ${where}`.execute(db);
  return result.rows[0];
}

export async function getJob(db: Db, batchName: string, jobId: number): Promise<BatchJob> {
  const row = await findJob(db, sql`j.id = ${jobId} and b.name = ${batchName}`);
  if (!row) throw new AppError('not_found', `There is no run ${jobId} of the batch "${batchName}".`);
  return toBatchJob(row);
}

/**
 * Starts a run of the batch, or answers the run already started: the same idempotency key (a retried request)
 * gets its own run back, and a batch with a run still going gets that run. A run processes the lines not COMPLETE.
 */
export async function startJob(db: Db, kind: BatchKind, batchName: string, idempotencyKey: string, actor: Actor): Promise<{ job: BatchJob; created: boolean }> {
  return db.transaction().execute(async (trx) => {
    const same = await findJob(trx, sql`j.idempotency_key = ${idempotencyKey}`);
    if (same) {
      if (same.batch_name !== batchName) throw new AppError('conflict', 'This request key was already used to process another batch. Click Process batch again.');
      return { job: toBatchJob(same), created: false };
    }
    const run = await kind.processor.prepareRun(trx, batchName, actor.population);
    if (!run) throw new AppError('not_found', `There is no batch called "${batchName}". Upload its lines first, then process it.`);
    const active = await findJob(trx, sql`j.batch_id = ${run.batchId} and j.status in ('queued', 'running')`);
    if (active) return { job: toBatchJob(active), created: false };
    const nothingToDo = run.total === 0;
    const inserted = await sql<{ id: number }>`
      insert into batch_jobs (batch_id, idempotency_key, status, total, message, finished_at, started_by, data_access)
      values (${run.batchId}, ${idempotencyKey}, ${nothingToDo ? 'completed' : 'queued'}, ${run.total},
              ${nothingToDo ? (run.nothingToDo ?? 'Every line of this batch is already processed: there was nothing to process.') : null},
              ${nothingToDo ? sql`now()` : null}, ${actor.username}, ${actor.population ? actor.population.groups.join(';') : null})
      on conflict (batch_id) where status in ('queued', 'running') do nothing
      returning id`.execute(trx);
    // Another request started a run between our look and our insert: answer that one.
    const id = inserted.rows[0]?.id;
    const row = await findJob(trx, id !== undefined ? sql`j.id = ${id}` : sql`j.batch_id = ${run.batchId} and j.status in ('queued', 'running')`);
    return { job: toBatchJob(row as BatchJobRow), created: id !== undefined };
  });
}

/** "Cancelled by pat after 250 of 1000 lines. …", from the run's own row. */
const CANCELLED_MESSAGE = sql<string>`'Cancelled by ' || coalesce(cancel_requested_by, 'a user') || ' after ' || done || ' of ' || total
  || ' lines. The lines not reached are as they were: process the batch again to run them.'`;

/** Ends a run as cancelled (its lines not reached untouched), saying who cancelled it and how far it got. */
const endCancelled = (db: Db, jobId: number) => endLeasedJob(db, { table: 'batch_jobs', cancelledMessage: CANCELLED_MESSAGE }, jobId);

/**
 * Cancel: a queued run ends at once; a running one is asked to stop and ends after the unit in flight (its runner
 * checks between units, under the job's lock). A finished run is answered as it is, so a resent cancel is harmless.
 */
export async function cancelJob(db: Db, batchName: string, jobId: number, actor: Actor): Promise<BatchJob> {
  await getJob(db, batchName, jobId); // not_found for a run of another batch
  await db.transaction().execute(async (trx) => {
    const result = await sql<{ status: BatchJob['status'] }>`
      update batch_jobs set cancel_requested_at = coalesce(cancel_requested_at, now()), cancel_requested_by = coalesce(cancel_requested_by, ${actor.username})
      where id = ${jobId} and status in ('queued', 'running') returning status`.execute(trx);
    if (result.rows[0]?.status === 'queued') await endCancelled(trx, jobId);
  });
  return getJob(db, batchName, jobId);
}

/** Whether the batch has a run queued or going (its lines must not change meanwhile). */
export async function hasActiveJob(db: Db, batchId: number): Promise<boolean> {
  const row = await db.selectFrom('batch_jobs').select('id').where('batch_id', '=', batchId).where('status', 'in', ['queued', 'running']).executeTakeFirst();
  return row !== undefined;
}

/** The batch process as a leased job: a unit is a group of participants, run by the batch kind's processor. */
function batchJobKind(processor: BatchProcessor): LeasedJobKind<{ batchId: number }, string, UnitOutcome> {
  return {
    table: 'batch_jobs',
    name: 'runner',
    load: async (_db, row) => ({ batchId: row.batch_id as number }),
    nextUnit: (db, job) => processor.nextUnit(db, job),
    processUnit: (db, job, unit) => processor.processUnit(db, job, unit),
    failedMessage: (jobId) =>
      `The batch process stopped: the server met an error it could not work around (run ${jobId}). Lines already finished keep their results; process the batch again to continue.`,
    cancelledMessage: CANCELLED_MESSAGE,
  };
}

export function createJobRunner(db: Db, kinds: BatchKind[], options: RunnerOptions = {}): JobRunner {
  // One batch kind today; a job's kind would be stored with it when there are more.
  const processor = kinds[0]?.processor;
  const runner = createLeasedJobRunner(db, batchJobKind(processor), options);
  return processor ? runner : { ...runner, start: () => undefined };
}
