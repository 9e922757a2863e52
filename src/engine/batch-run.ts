/** Follows one run of a batch process on the server until it finishes, reporting how many lines are done. */
import type { BatchJob } from '../contract/api';
import type { ApiClient } from '../api/api-client';
import type { ProgressListener } from './engine-types';

export const PROCESS_PHASE = 'Processing batch lines';

const finished = (job: BatchJob) => job.status === 'completed' || job.status === 'failed' || job.status === 'cancelled';

/**
 * Polls every `pollMs` (the server runs the lines in the background) and answers the run once it completed, failed or
 * was cancelled. Cancel (`signal`) asks the server once to stop the run after the unit in flight; polling goes on until it has.
 */
export async function followBatchRun(api: ApiClient, kind: string, batchName: string, started: BatchJob, pollMs: number, onProgress?: ProgressListener, signal?: AbortSignal): Promise<BatchJob> {
  let job = started;
  let asked = false;
  onProgress?.({ phase: PROCESS_PHASE, done: job.done, total: job.total });
  while (!finished(job)) {
    if (signal?.aborted && !asked) {
      asked = true;
      job = await api.cancelBatchJob(kind, batchName, job.jobId);
      if (finished(job)) break;
    }
    await new Promise((resolve) => setTimeout(resolve, pollMs));
    job = await api.batchJob(kind, batchName, job.jobId);
    onProgress?.({ phase: PROCESS_PHASE, done: job.done, total: job.total });
  }
  return job;
}

/** A failed run says why in its message; without one, say what to do. */
export function failedRunMessage(job: BatchJob): string {
  return job.message ?? 'The batch process stopped before it finished. Process the batch again.';
}

export function noBatchMessage(batchName: string): string {
  return `There is no batch called "${batchName}" yet. Enter its lines and click Upload changes to create it.`;
}
