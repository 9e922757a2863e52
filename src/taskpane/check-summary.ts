import type { CheckSummary } from '../engine/check';

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
  const processing = s.failInProcessing ? ` ${s.failInProcessing} would be saved but fail when the batch is processed.` : '';
  return `Checked ${total} ${total === 1 ? 'row' : 'rows'}: ${parts.join(', ')}. Nothing was uploaded; the Status column shows what an upload would do.${processing}${warnedText(s.warnedRows)}${stopped}`;
}

/** Rows an upload would save with a warning: one is said in full; more are counted (selecting each shows its warning). */
function warnedText(warned: CheckSummary['warnedRows']): string {
  if (!warned?.length) return '';
  if (warned.length > 1) return ` ${warned.length} rows would be saved with a warning: select a row to read it.`;
  return ` Row ${warned[0].excelRow} would be saved with a warning: ${warned[0].errors.map((e) => e.message).join(' ')}`;
}
