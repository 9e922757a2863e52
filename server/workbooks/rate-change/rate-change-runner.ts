/**
 * The rate change as a leased job of the engine's runner (server/engine/leased-jobs.ts): a unit is the next preview
 * lines of the run, applied in one transaction with the lines' outcomes, the run's progress and its keyset.
 */
import { sql } from 'kysely';
import { createLeasedJobRunner, type JobRunner, type LeasedJobKind, type RunnerOptions } from '../../engine/leased-jobs';
import type { Db } from '../../engine/workbook-kind';
import { applyLines, lastLineOfUnit, type RunContext } from './rate-change-apply';

export type RateChangeRunner = JobRunner;

type Own = Pick<RunContext, 'previewId' | 'newRateStart'>;

const rateChangeJobs: LeasedJobKind<Own, number, { done: number; changed: number }> = {
  table: 'rate_change_jobs',
  name: 'rate-change',
  async load(db, row) {
    const previewId = row.preview_id as number;
    const preview = (await sql<{ new_rate_start: string }>`select new_rate_start::text as new_rate_start from rate_change_previews where id = ${previewId}`.execute(db)).rows[0];
    return { previewId, newRateStart: preview.new_rate_start };
  },
  nextUnit: lastLineOfUnit,
  processUnit: applyLines,
  failedMessage: (runId) =>
    `The rate change stopped: the server met an error it could not work around (run ${runId}). Records already changed keep their new rates; preview again and run it to finish.`,
};

export function createRateChangeRunner(db: Db, options: RunnerOptions = {}): RateChangeRunner {
  return createLeasedJobRunner(db, rateChangeJobs, options);
}
