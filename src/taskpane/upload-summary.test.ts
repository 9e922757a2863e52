import { summaryText } from './upload-summary';
import type { UploadSummary } from '../engine/engine-types';

const summary = (s: Partial<UploadSummary>): UploadSummary => ({ inserted: 0, updated: 0, deleted: 0, failed: 0, unchanged: 0, failedRows: [], ...s });

describe('upload summary', () => {
  it('when some rows went through and some failed, then both counts are said in plain words', () => {
    expect(summaryText('uploaded', summary({ inserted: 8, updated: 3, deleted: 1, failed: 2 }))).toBe('12 rows uploaded: 8 inserted, 3 updated, 1 deleted. 2 rows failed: select a row to see why.');
  });

  it('when a saved row comes with a warning, then the summary says the row and the warning; several are counted', () => {
    const warned = (excelRow: number) => ({ row: excelRow - 1, excelRow, status: 'Updated', errors: [{ column: 'basis', message: 'Check Benefit Level Limits.' }] });
    expect(summaryText('uploaded', summary({ updated: 1, warnedRows: [warned(5)] }))).toBe('1 row uploaded: 1 updated. Row 5 saved with a warning: Check Benefit Level Limits.');
    expect(summaryText('uploaded', summary({ updated: 2, warnedRows: [warned(5), warned(6)] }))).toBe('2 rows uploaded: 2 updated. 2 rows saved with a warning: select a row to read it.');
  });

  it('when nothing changed, then it says there was nothing to upload', () => {
    expect(summaryText('uploaded', summary({ unchanged: 5 }))).toBe('No changed rows to upload.');
  });

  it('when one row is deleted, then it says so in the singular', () => {
    expect(summaryText('deleted', summary({ deleted: 1 }))).toBe('1 row deleted: 1 deleted.');
  });
});
