/**
 * The rate change's leased job runner, on the engine's batch-job pattern (server/engine/batch-jobs.ts): a runner
 * claims a run with a lease and applies its preview lines one unit per transaction (the lines' changes, their
 * outcomes, the run's progress and its keyset commit together), renewing the lease each unit. A runner that dies
 * leaves its lease to expire; another runner (or the restarted server) resumes after the last committed unit.
 * Each unit first locks the run row and checks it still holds the lease, so a line is never applied twice.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../../engine/workbook-kind';
import { populationOf, type Population } from '../../engine/population';
import { applyLines, type RunContext } from './rate-change-apply';

export interface RateChangeRunnerOptions {
  instanceId?: string;
  leaseMs?: number;
  pollMs?: number;
  /** Preview lines per unit (one transaction). */
  unitSize?: number;
  onError?: (error: unknown) => void;
}

export interface RateChangeRunner {
  readonly instanceId: string;
  start(): void;
  stop(): Promise<void>;
  wake(): void;
  drain(): Promise<void>;
  /** Processes at most `units` units of the run it holds or claims, then returns as a crashed server would (fault tests). */
  runUnits(units: number): Promise<number | undefined>;
}

type Claimed = { runId: number; previewId: number; newRateStart: string; population: Population; startedBy: string; requestId: string };

export function createRateChangeRunner(db: Db, options: RateChangeRunnerOptions = {}): RateChangeRunner {
  const instanceId = options.instanceId ?? `rate-change-${randomUUID()}`;
  const leaseMs = options.leaseMs ?? 15000;
  const pollMs = options.pollMs ?? 1000;
  const unitSize = options.unitSize ?? 250;
  const lease = `${leaseMs} milliseconds`;
  let running = false;
  let stopping = false;
  let loop: Promise<void> | undefined;
  let wakeUp: (() => void) | undefined;
  let held: Claimed | undefined;

  async function claim(): Promise<Claimed | undefined> {
    const result = await sql<{ id: number; preview_id: number; new_rate_start: string; data_access: string | null; started_by: string; idempotency_key: string }>`
      update rate_change_jobs j set status = 'running', claimed_by = ${instanceId}, lease_expires_at = now() + ${lease}::interval
      from rate_change_previews p
      where p.id = j.preview_id and j.id = (
        select id from rate_change_jobs
        where status = 'queued' or (status = 'running' and (lease_expires_at < now() or claimed_by = ${instanceId}))
        order by id limit 1 for update skip locked)
      returning j.id, j.preview_id, p.new_rate_start::text as new_rate_start, j.data_access, j.started_by, j.idempotency_key`.execute(db);
    const row = result.rows[0];
    held = row ? { runId: row.id, previewId: row.preview_id, newRateStart: row.new_rate_start, population: populationOf(row.data_access), startedBy: row.started_by, requestId: row.idempotency_key } : undefined;
    return held;
  }

  async function step(run: Claimed): Promise<'more' | 'done' | 'lost'> {
    return db.transaction().execute(async (trx) => {
      const locked = await sql<{ last_unit: number | null }>`
        select last_unit from rate_change_jobs where id = ${run.runId} and status = 'running' and claimed_by = ${instanceId} for update`.execute(trx);
      if (locked.rows.length === 0) return 'lost';
      const after = locked.rows[0].last_unit ?? 0;
      const context: RunContext = { ...run, after, unitSize };
      const unit = await applyLines(trx, context);
      if (!unit) {
        await sql`update rate_change_jobs set status = 'completed', finished_at = now(), lease_expires_at = null where id = ${run.runId}`.execute(trx);
        return 'done';
      }
      await sql`
        update rate_change_jobs set done = done + ${unit.done}, changed = changed + ${unit.changed}, last_unit = ${unit.lastLine},
          lease_expires_at = now() + ${lease}::interval
        where id = ${run.runId}`.execute(trx);
      return 'more';
    });
  }

  async function fail(runId: number, error: unknown): Promise<void> {
    options.onError?.(error);
    await sql`
      update rate_change_jobs set status = 'failed', finished_at = now(), lease_expires_at = null,
        message = ${`The rate change stopped: the server met an error it could not work around (run ${runId}). Records already changed keep their new rates; preview again and run it to finish.`}
      where id = ${runId} and claimed_by = ${instanceId}`.execute(db);
  }

  async function runClaimed(run: Claimed, maxUnits = Infinity): Promise<void> {
    try {
      for (let units = 0; units < maxUnits && !stopping; units++) {
        if ((await step(run)) !== 'more') {
          held = undefined;
          return;
        }
      }
    } catch (error) {
      held = undefined;
      await fail(run.runId, error);
    }
  }

  async function drain(): Promise<void> {
    while (!stopping) {
      const run = await claim();
      if (!run) return;
      await runClaimed(run);
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
      const run = held ?? (await claim());
      if (!run) return undefined;
      await runClaimed(run, units);
      return run.runId;
    },
  };
}
