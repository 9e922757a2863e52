import type { BatchJob } from '../contract/api';
import type { SheetInfo } from '../engine/engine-types';
import { BATCH_CELLS, cellAddress } from '../core/batch-cells';
import { searchSummary } from '../contract/row-search';

const lines = (n: number) => `${n} ${n === 1 ? 'line' : 'lines'}`;

/** "Processed 6 lines: 5 complete, 1 with errors. …" — what a finished run did, and what to do about errors. */
export function processText(job: BatchJob): string {
  if (job.total === 0) return 'There were no lines to process: every line of the batch is already complete.';
  if (job.status === 'cancelled') {
    return `Cancelled after ${job.done} of ${lines(job.total)}: ${job.completed} complete, ${job.errors} with errors. The lines not reached are as they were; click Process batch to run them.`;
  }
  const head = `Processed ${lines(job.total)}: ${job.completed} complete`;
  if (job.errors === 0) return `${head}.`;
  return `${head}, ${job.errors} with errors. Each line's Message says what happened; fix the lines with errors, upload, and process again.`;
}

/** The pane's heading for a sheet: its workbook and what it holds (a date, or a batch). */
export function sheetHeading(info: SheetInfo): string {
  // The search the sheet holds, as its title row says it.
  const search = searchSummary(info.search, undefined);
  const searched = search ? ` — ${search}` : '';
  if (info.scope === 'keyed') return `${info.title}${searched}`;
  if (info.scope !== 'batch') return `${info.title} — Session effective date ${info.effectiveDate ?? ''}${info.filter ? ` (${info.filter})` : ''}${searched}`;
  return info.batchName ? `${info.title} — Batch ${info.batchName}${searched}` : `${info.title} — enter a batch name in cell ${cellAddress(BATCH_CELLS.batchName)}`;
}
