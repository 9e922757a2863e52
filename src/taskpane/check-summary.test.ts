import type { CheckSummary } from '../engine/check';
import { checkSummaryText } from './check-summary';

const summary = (s: Partial<CheckSummary>): CheckSummary => ({ willInsert: 0, willUpdate: 0, willDelete: 0, willFail: 0, failInProcessing: 0, failedRows: [], warnedRows: [], notChecked: 0, ...s });
const warned = (excelRow: number) => ({ row: excelRow - 1, excelRow, status: 'Will update, with a warning: Check Benefit Level Limits.', errors: [{ column: 'basis', message: 'Check Benefit Level Limits.' }] });

describe('the pane\'s line about a check', () => {
  it('when nothing was changed, then it says there is nothing to check', () => {
    expect(checkSummaryText(summary({}))).toBe('No changed rows to check.');
  });

  it('when an upload would save a row with a warning, then the line says the row and the warning; several are counted', () => {
    expect(checkSummaryText(summary({ willUpdate: 1, warnedRows: [warned(5)] }))).toBe('Checked 1 row: 1 will be updated. Nothing was uploaded; the Status column shows what an upload would do. Row 5 would be saved with a warning: Check Benefit Level Limits.');
    expect(checkSummaryText(summary({ willUpdate: 2, warnedRows: [warned(5), warned(6)] }))).toBe('Checked 2 rows: 2 will be updated. Nothing was uploaded; the Status column shows what an upload would do. 2 rows would be saved with a warning: select a row to read it.');
  });

  it('when rows would fail in processing and Check was cancelled, then the line says both', () => {
    expect(checkSummaryText(summary({ willInsert: 2, failInProcessing: 1, notChecked: 3 }))).toBe('Checked 2 rows: 2 will be added. Nothing was uploaded; the Status column shows what an upload would do. 1 would be saved but fail when the batch is processed. Check was cancelled: 3 rows were not checked (their Status is as it was).');
  });
});
