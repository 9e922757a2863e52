/** What Check writes in a row's Status cell: the upload's answer, told ahead ("Will update", "Will fail: …"). */
import type { CheckResult, RowError } from '../contract/api';

const WILL: Record<string, string> = { Inserted: 'Will insert', Updated: 'Will update', Deleted: 'Will delete' };
const FAIL = 'Will fail: ';
const THEN_FAIL = ', then fail in processing: ';

const firstMessage = (errors: RowError[]) => {
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : '';
  return `${errors[0]?.message ?? 'the server refused this row.'}${more}`;
};

/** The predicted status and the errors to keep with the row (shown when it is selected, with any "Did you mean"). */
export function predictedStatus(result: CheckResult): { status: string; errors: RowError[] } {
  const will = WILL[result.status];
  if (!will) return { status: `${FAIL}${firstMessage(result.errors)}`, errors: result.errors };
  if (result.processingErrors?.length) return { status: `${will}${THEN_FAIL}${firstMessage(result.processingErrors)}`, errors: result.processingErrors };
  return { status: will, errors: [] };
}

/** A Status written by Check that says the upload (or the batch process after it) would fail. */
export function isPredictedFailure(status: string): boolean {
  return status.startsWith(FAIL) || (status.startsWith('Will ') && status.includes(THEN_FAIL));
}
