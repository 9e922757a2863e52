/**
 * Batch process runs (jobs) kept in PostgreSQL, not in process memory.
 * A runner claims a job with a lease, processes it one unit per transaction (the unit's lines, their marks, the
 * job's progress and the unit as the run's keyset commit together), and renews the lease each unit. A runner that dies leaves its lease to expire;
 * another runner (or the restarted server) then resumes the job where the last committed unit left it.
 * Every unit transaction first locks the job row and checks it still holds the lease, so two instances never
 * process one batch at once, and a line is never run twice.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { BatchJob } from '../../src/contract/api';
import { AppError } from '../errors/app-error';
import type { Actor } from './actor';
import { populationOf } from './population';
import type { BatchKind, Db, JobContext, UnitOutcome } from './workbook-kind';

export interface RunnerOptions {
  /** Names this runner in the job's claimed_by; random per process. */
  instanceId?: string;
  /** How long a claim lasts without progress before another runner may take the job over. */
  leaseMs?: number;
  /** How often an idle runner looks for queued jobs (new jobs of its own instance wake it at once). */
  pollMs?: number;
  /** The most items (participants) one unit, one transaction, takes (default 250): set-based work per unit. */
  unitSize?: number;
  /** Reports a job that stopped on an unexpected error (the job is marked failed either way). */
  onError?: (error: unknown) => void;
  /** Called after each committed unit (for logs and metrics, and for fault tests that stop a server mid-run). */
  onUnitDone?: (jobId: number, outcome: UnitOutcome) => void;
}

export interface JobRunner {
  readonly instanceId: string;
  /** Starts looking for jobs in the background. */
  start(): void;
  /** Stops after the unit in progress; an unfinished job keeps its lease until it expires. */
  stop(): Promise<void>;
  /** Looks for a job now instead of at the next poll. */
  wake(): void;
  /** Processes claimable jobs until none is left (tests and the CLI). */
  drain(): Promise<void>;
  /**
   * Goes on with the job this runner holds, or claims one, and processes at most `units` units of it, then returns
   * as a crashed server would: the job stays running under this runner's lease. For fault tests.
   */
  runUnits(units: number): Promise<number | undefined>;
}

type JobRow = {
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

function toBatchJob(row: JobRow): BatchJob {
  return { jobId: row.id, batchName: row.batch_name, status: row.status, total: row.total, done: row.done, completed: row.completed, errors: row.errors, message: row.message };
}

const jobColumns = sql`j.id, j.batch_id, b.name as batch_name, j.status, j.total, j.done, j.completed, j.errors, j.message`;

async function findJob(db: Db, where: ReturnType<typeof sql>): Promise<JobRow | undefined> {
  const result = await sql<JobRow>`select ${jobColumns} from batch_jobs j join enrollment_batches b on b.id = j.batch_id where ${where}`.execute(db);
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
    return { job: toBatchJob(row as JobRow), created: id !== undefined };
  });
}

/** "Cancelled by pat after 250 of 1000 lines. …", from the run's own row. */
const CANCELLED_MESSAGE = sql`'Cancelled by ' || coalesce(cancel_requested_by, 'a user') || ' after ' || done || ' of ' || total
  || ' lines. The lines not reached are as they were: process the batch again to run them.'`;

/** Ends a run as cancelled (its lines not reached untouched), saying who cancelled it and how far it got. */
async function endCancelled(db: Db, jobId: number): Promise<void> {
  await sql`update batch_jobs set status = 'cancelled', finished_at = now(), lease_expires_at = null, message = ${CANCELLED_MESSAGE} where id = ${jobId}`.execute(db);
}

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

export function createJobRunner(db: Db, kinds: BatchKind[], options: RunnerOptions = {}): JobRunner {
  const instanceId = options.instanceId ?? `runner-${randomUUID()}`;
  const leaseMs = options.leaseMs ?? 15000;
  const pollMs = options.pollMs ?? 1000;
  const unitSize = options.unitSize ?? 250;
  // One batch kind today; a job's kind would be stored with it when there are more.
  const processor = kinds[0]?.processor;
  let running = false;
  /** Set by stop(): the job in progress stops after its current unit and keeps its lease. */
  let stopping = false;
  let loop: Promise<void> | undefined;
  let wakeUp: (() => void) | undefined;

  /** The job this runner last claimed and has not seen end: it goes on with it first (unless another runner took it over). */
  let held: JobContext | undefined;

  /** Takes the oldest queued job, or a running one whose runner's lease ran out (or that is this runner's own). */
  async function claim(): Promise<JobContext | undefined> {
    const result = await sql<{ id: number; batch_id: number; started_by: string | null; data_access: string | null; idempotency_key: string; last_unit: string | null }>`
      update batch_jobs set status = 'running', claimed_by = ${instanceId}, lease_expires_at = now() + ${`${leaseMs} milliseconds`}::interval
      where id = (
        select id from batch_jobs
        where status = 'queued' or (status = 'running' and (lease_expires_at < now() or claimed_by = ${instanceId}))
        order by id limit 1 for update skip locked)
      returning id, batch_id, last_unit, started_by, data_access, idempotency_key`.execute(db);
    const row = result.rows[0];
    // The run keeps to the population of the user who started it, whichever instance runs it.
    held = row ? { jobId: row.id, batchId: row.batch_id, after: row.last_unit, unitSize, population: populationOf(row.data_access), startedBy: row.started_by ?? 'unknown', requestId: row.idempotency_key } : undefined;
    return held;
  }

  /** One unit in one transaction: 'more' while units remain, 'done' when the job finished, 'lost' when another runner holds it. */
  async function step(job: JobContext): Promise<'more' | 'done' | 'lost'> {
    return db.transaction().execute(async (trx) => {
      const locked = await sql<{ last_unit: string | null; cancel_requested_at: Date | null }>`
        select last_unit, cancel_requested_at from batch_jobs where id = ${job.jobId} and status = 'running' and claimed_by = ${instanceId} for update`.execute(trx);
      if (locked.rows.length === 0) return 'lost';
      // Cancel stops between units: the unit before committed whole, the lines after it stay as they were.
      if (locked.rows[0].cancel_requested_at !== null) {
        await endCancelled(trx, job.jobId);
        return 'done';
      }
      // The keyset is read under the job's lock: whoever ran the last unit, this one starts after it.
      const context = { ...job, after: locked.rows[0].last_unit, unitSize };
      const unit = await processor.nextUnit(trx, context);
      if (unit === undefined) {
        await sql`update batch_jobs set status = 'completed', finished_at = now(), lease_expires_at = null where id = ${job.jobId}`.execute(trx);
        return 'done';
      }
      const outcome = await processor.processUnit(trx, context, unit);
      await sql`
        update batch_jobs set done = done + ${outcome.done}, completed = completed + ${outcome.completed}, errors = errors + ${outcome.errors},
          last_unit = ${unit}, lease_expires_at = now() + ${`${leaseMs} milliseconds`}::interval
        where id = ${job.jobId}`.execute(trx);
      return outcome;
    }).then((result) => {
      if (typeof result === 'string') return result;
      options.onUnitDone?.(job.jobId, result);
      return 'more';
    });
  }

  async function fail(jobId: number, error: unknown): Promise<void> {
    options.onError?.(error);
    // The database's words stay in the server log (onError, redacted there); the pane shows plain words.
    await sql`
      update batch_jobs set status = 'failed', finished_at = now(), lease_expires_at = null,
        message = ${`The batch process stopped: the server met an error it could not work around (run ${jobId}). Lines already finished keep their results; process the batch again to continue.`}
      where id = ${jobId} and claimed_by = ${instanceId}`.execute(db);
  }

  async function runClaimed(job: JobContext, maxUnits = Infinity): Promise<void> {
    try {
      for (let units = 0; units < maxUnits && !stopping; units++) {
        const result = await step(job);
        if (result !== 'more') {
          held = undefined;
          return;
        }
      }
    } catch (error) {
      held = undefined;
      await fail(job.jobId, error);
    }
  }

  async function drain(): Promise<void> {
    while (!stopping) {
      const job = await claim();
      if (!job) return;
      await runClaimed(job);
    }
  }

  async function background(): Promise<void> {
    while (running) {
      try {
        await drain();
      } catch (error) {
        options.onError?.(error);
      }
      if (!running) break;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, pollMs);
        wakeUp = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wakeUp = undefined;
    }
  }

  return {
    instanceId,
    start() {
      if (running || !processor) return;
      running = true;
      stopping = false;
      loop = background();
    },
    async stop() {
      running = false;
      stopping = true;
      wakeUp?.();
      await loop;
      loop = undefined;
    },
    wake: () => wakeUp?.(),
    drain,
    async runUnits(units) {
      const job = held ?? (await claim());
      if (!job) return undefined;
      await runClaimed(job, units);
      return job.jobId;
    },
  };
}
