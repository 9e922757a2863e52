/**
 * The engine's leased-job runner: runs (jobs) kept in PostgreSQL, not in process memory, worked one unit per
 * transaction. A runner claims a job with a lease, has the job's kind run one unit at a time (the unit's work, the
 * job's progress and the unit as the run's keyset commit together), and renews the lease each unit (its heartbeat).
 * A runner that dies leaves its lease to expire; another runner (or the restarted server) then resumes the job where
 * the last committed unit left it. Every unit transaction first locks the job row and checks it still holds the
 * lease, so two instances never work one job at once, and a unit is never run twice.
 *
 * What a job does is its kind's (LeasedJobKind): the batch process (batch-jobs.ts) and the Global Benefit Rate
 * Change (workbooks/rate-change) are two. The runner knows nothing of either.
 */
import { randomUUID } from 'node:crypto';
import { sql, type RawBuilder } from 'kysely';
import { populationOf, type Population } from './population';
import type { Db } from './workbook-kind';

/** The columns every job table has: the runner reads and writes these, the kind the rest. */
export interface JobRow {
  id: number;
  status: 'queued' | 'running' | 'completed' | 'failed' | 'cancelled';
  claimed_by: string | null;
  lease_expires_at: Date | null;
  last_unit: string | number | null;
  started_by: string | null;
  data_access: string | null;
  idempotency_key: string;
  [column: string]: unknown;
}

/** A claimed job as its kind sees it: the common part and what the kind read from its row (`Own`). */
export type LeasedJob<Own, Unit> = Own & {
  jobId: number;
  /** The unit this run finished last (null before its first): the next unit comes after it, in the kind's order. */
  after: Unit | null;
  /** The most items one unit, one transaction, takes. */
  unitSize: number;
  /** The population of the user who started the run: the run works only on their persons. */
  population: Population;
  /** Who started the run and its idempotency key, for the audit trail. */
  startedBy: string;
  requestId: string;
};

/** What a kind of job does; the runner owns the lease, the claim, the loop and crash recovery. */
export interface LeasedJobKind<Own, Unit extends string | number, Outcome extends Record<keyof Outcome, number>> {
  /** The job table (the JobRow columns, finished_at, message and the Outcome's counters). */
  table: string;
  /** Names a runner's instance (claimed_by) when none is given. */
  name: string;
  /** The kind's own facts of a claimed job, read once per claim. */
  load(db: Db, row: JobRow): Promise<Own>;
  /** The next unit after `job.after` with work left; undefined when the run is done. */
  nextUnit(db: Db, job: LeasedJob<Own, Unit>): Promise<Unit | undefined>;
  /** Runs one unit in the runner's transaction; the counters returned are added to the job row's columns of the same names. */
  processUnit(db: Db, job: LeasedJob<Own, Unit>, unit: Unit): Promise<Outcome>;
  /** What a failed run says (the error itself goes to onError, never to the user). */
  failedMessage(jobId: number): string;
  /**
   * A kind whose runs can be cancelled (the table has cancel_requested_at and cancel_requested_by): what a cancelled
   * run says, an SQL expression over the job row. The runner ends a run asked to stop between units.
   */
  cancelledMessage?: RawBuilder<string>;
}

export interface RunnerOptions<Outcome = Record<string, number>> {
  /** Names this runner in the job's claimed_by; random per process. */
  instanceId?: string;
  /** How long a claim lasts without progress before another runner may take the job over. */
  leaseMs?: number;
  /** How often an idle runner looks for queued jobs (new jobs of its own instance wake it at once). */
  pollMs?: number;
  /** The most items one unit, one transaction, takes (default 250): set-based work per unit. */
  unitSize?: number;
  /** Reports a job that stopped on an unexpected error (the job is marked failed either way). */
  onError?: (error: unknown) => void;
  /** Called after each committed unit (for logs and metrics, and for fault tests that stop a server mid-run). */
  onUnitDone?: (jobId: number, outcome: Outcome) => void;
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

/** Ends a run as cancelled (what it did not reach untouched), in the kind's words. */
export async function endCancelled(db: Db, kind: Pick<LeasedJobKind<never, never, never>, 'table' | 'cancelledMessage'>, jobId: number): Promise<void> {
  await sql`
    update ${sql.table(kind.table)} set status = 'cancelled', finished_at = now(), lease_expires_at = null, message = ${kind.cancelledMessage ?? null}
    where id = ${jobId}`.execute(db);
}

export function createLeasedJobRunner<Own, Unit extends string | number, Outcome extends Record<keyof Outcome, number>>(
  db: Db,
  kind: LeasedJobKind<Own, Unit, Outcome>,
  options: RunnerOptions<Outcome> = {},
): JobRunner {
  const instanceId = options.instanceId ?? `${kind.name}-${randomUUID()}`;
  const lease = `${options.leaseMs ?? 15000} milliseconds`;
  const pollMs = options.pollMs ?? 1000;
  const unitSize = options.unitSize ?? 250;
  const table = sql.table(kind.table);
  let running = false;
  /** Set by stop(): the job in progress stops after its current unit and keeps its lease. */
  let stopping = false;
  let loop: Promise<void> | undefined;
  let wakeUp: (() => void) | undefined;
  /** The job this runner last claimed and has not seen end: it goes on with it first (unless another runner took it over). */
  let held: LeasedJob<Own, Unit> | undefined;

  /** Takes the oldest queued job, or a running one whose runner's lease ran out (or that is this runner's own). */
  async function claim(): Promise<LeasedJob<Own, Unit> | undefined> {
    const result = await sql<JobRow>`
      update ${table} set status = 'running', claimed_by = ${instanceId}, lease_expires_at = now() + ${lease}::interval
      where id = (
        select id from ${table}
        where status = 'queued' or (status = 'running' and (lease_expires_at < now() or claimed_by = ${instanceId}))
        order by id limit 1 for update skip locked)
      returning *`.execute(db);
    const row = result.rows[0];
    if (!row) return (held = undefined);
    let own: Own;
    try {
      own = await kind.load(db, row);
    } catch (error) {
      await fail(row.id, error);
      return claim();
    }
    // The run keeps to the population of the user who started it, whichever instance runs it.
    held = {
      ...own,
      jobId: row.id,
      after: row.last_unit as Unit | null,
      unitSize,
      population: populationOf(row.data_access),
      startedBy: row.started_by ?? 'unknown',
      requestId: row.idempotency_key,
    };
    return held;
  }

  /** One unit in one transaction: 'more' while units remain, 'done' when the job finished, 'lost' when another runner holds it. */
  async function step(job: LeasedJob<Own, Unit>): Promise<'more' | 'done' | 'lost'> {
    const result = await db.transaction().execute(async (trx) => {
      const locked = await sql<{ last_unit: Unit | null; cancel_requested_at?: Date | null }>`
        select last_unit${kind.cancelledMessage ? sql`, cancel_requested_at` : sql``} from ${table}
        where id = ${job.jobId} and status = 'running' and claimed_by = ${instanceId} for update`.execute(trx);
      if (locked.rows.length === 0) return 'lost' as const;
      // Cancel stops between units: the unit before committed whole, what comes after it stays as it was.
      if (kind.cancelledMessage && locked.rows[0].cancel_requested_at) {
        await endCancelled(trx, kind, job.jobId);
        return 'done' as const;
      }
      // The keyset is read under the job's lock: whoever ran the last unit, this one starts after it.
      const context = { ...job, after: locked.rows[0].last_unit };
      const unit = await kind.nextUnit(trx, context);
      if (unit === undefined) {
        await sql`update ${table} set status = 'completed', finished_at = now(), lease_expires_at = null where id = ${job.jobId}`.execute(trx);
        return 'done' as const;
      }
      const outcome = await kind.processUnit(trx, context, unit);
      const counters = Object.entries<number>(outcome).map(([column, n]) => sql`${sql.ref(column)} = ${sql.ref(column)} + ${n}`);
      await sql`
        update ${table} set ${sql.join(counters)}, last_unit = ${unit}, lease_expires_at = now() + ${lease}::interval
        where id = ${job.jobId}`.execute(trx);
      return outcome;
    });
    if (typeof result === 'string') return result;
    options.onUnitDone?.(job.jobId, result);
    return 'more';
  }

  async function fail(jobId: number, error: unknown): Promise<void> {
    options.onError?.(error);
    // The database's words stay in the server log (onError, redacted there); the pane shows plain words.
    await sql`
      update ${table} set status = 'failed', finished_at = now(), lease_expires_at = null, message = ${kind.failedMessage(jobId)}
      where id = ${jobId} and claimed_by = ${instanceId}`.execute(db);
  }

  async function runClaimed(job: LeasedJob<Own, Unit>, maxUnits = Infinity): Promise<void> {
    try {
      for (let units = 0; units < maxUnits && !stopping; units++) {
        if ((await step(job)) !== 'more') {
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
      if (running) return;
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
