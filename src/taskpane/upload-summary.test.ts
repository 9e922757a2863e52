import { summaryText } from './upload-summary';
import type { UploadSummary } from '../engine/engine-types';

const summary = (s: Partial<UploadSummary>): UploadSummary => ({ inserted: 0, updated: 0, deleted: 0, failed: 0, unchanged: 0, failedRows: [], ...s });

describe('upload summary', () => {
  it('when some rows went through and some failed, then both counts are said in plain words', () => {
    expect(summaryText('uploaded', summary({ inserted: 8, updated: 3, deleted: 1, failed: 2 }))).toBe('12 rows uploaded: 8 inserted, 3 updated, 1 deleted. 2 rows failed: select a row to see why.');
  });

  it('when nothing changed, then it says there was nothing to upload', () => {
    expect(summaryText('uploaded', summary({ unchanged: 5 }))).toBe('No changed rows to upload.');
  });

  it('when one row is deleted, then it says so in the singular', () => {
    expect(summaryText('deleted', summary({ deleted: 1 }))).toBe('1 row deleted: 1 deleted.');
  });
});
