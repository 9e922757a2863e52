import { processText, sheetHeading } from './batch-summary';
import { batchJob, batchSheetInfo, sheetInfo } from './test-support';

describe('batch summary', () => {
  it('when some lines end with errors, then the counts are said and what to do next', () => {
    expect(processText(batchJob({ total: 6, done: 6, completed: 5, errors: 1 }))).toBe(
      "Processed 6 lines: 5 complete, 1 with errors. Each line's Message says what happened; fix the lines with errors, upload, and process again.",
    );
  });

  it('when every line completes, then it says so without asking for fixes', () => {
    expect(processText(batchJob({ total: 1, done: 1, completed: 1 }))).toBe('Processed 1 line: 1 complete.');
  });

  it('when nothing was left to process, then it says every line is already complete', () => {
    expect(processText(batchJob({ total: 0 }))).toMatch(/no lines to process/);
  });

  it('when a batch sheet has no name yet, then the heading says where to enter it; a dated sheet keeps its date', () => {
    expect(sheetHeading(batchSheetInfo)).toBe('Benefit Enrollments — Batch Open enrollment 2026');
    expect(sheetHeading({ ...batchSheetInfo, batchName: undefined })).toBe('Benefit Enrollments — enter a batch name in cell D1');
    expect(sheetHeading(sheetInfo)).toBe('Person Benefit Groups — Session effective date 2026-01-01');
  });
});
