import type { CheckSummary } from '../engine/check';
import { warnedText } from './upload-summary';

/** The pane's one line about a check, in plain words. */
export function checkSummaryText(s: CheckSummary): string {
  const total = s.willInsert + s.willUpdate + s.willDelete + s.willFail;
  const stopped = s.notChecked ? ` Check was cancelled: ${s.notChecked} ${s.notChecked === 1 ? 'row was' : 'rows were'} not checked (their Status is as it was).` : '';
  if (total === 0) return s.notChecked ? stopped.trim() : 'No changed rows to check.';
  const parts = [
    s.willUpdate && `${s.willUpdate} will be updated`,
    s.willInsert && `${s.willInsert} will be added`,
    s.willDelete && `${s.willDelete} will be deleted`,
    s.willFail && `${s.willFail} will fail`,
  ].filter(Boolean);
  const warned = s.warnedRows.length ? ` ${warnedText(s.warnedRows, 'would be saved')}` : '';
  const processing = s.failInProcessing ? ` ${s.failInProcessing} would be saved but fail when the batch is processed.` : '';
  return `Checked ${total} ${total === 1 ? 'row' : 'rows'}: ${parts.join(', ')}. Nothing was uploaded; the Status column shows what an upload would do.${processing}${warned}${stopped}`;
}

