import type { BatchJob } from '../contract/api';
import type { SheetInfo } from '../engine/engine-types';
import { BATCH_CELLS, cellAddress } from '../core/batch-cells';

const lines = (n: number) => `${n} ${n === 1 ? 'line' : 'lines'}`;

/** "Processed 6 lines: 5 complete, 1 with errors. …" — what a finished run did, and what to do about errors. */
export function processText(job: BatchJob): string {
  if (job.total === 0) return 'There were no lines to process: every line of the batch is already complete.';
  const head = `Processed ${lines(job.total)}: ${job.completed} complete`;
  if (job.errors === 0) return `${head}.`;
  return `${head}, ${job.errors} with errors. Each line's Message says what happened; fix the lines with errors, upload, and process again.`;
}

/** The pane's heading for a sheet: its workbook and what it holds (a date, or a batch). */
export function sheetHeading(info: SheetInfo): string {
  if (info.scope === 'keyed') return info.title;
  if (info.scope !== 'batch') return `${info.title} — Session effective date ${info.effectiveDate ?? ''}${info.filter ? ` (${info.filter})` : ''}`;
  return info.batchName ? `${info.title} — Batch ${info.batchName}` : `${info.title} — enter a batch name in cell ${cellAddress(BATCH_CELLS.batchName)}`;
}
