/** What Check writes in a row's Status cell: the upload's answer, told ahead ("Will update", "Will fail: …"). */
import type { CheckResult, RowError } from '../contract/api';

const WILL: Record<string, string> = { Inserted: 'Will insert', Updated: 'Will update', Deleted: 'Will delete' };
const FAIL = 'Will fail: ';
const THEN_FAIL = ', then fail in processing: ';
const WITH_WARNING = ', with a warning: ';

const firstMessage = (errors: RowError[]) => {
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : '';
  return `${errors[0]?.message ?? 'the server refused this row.'}${more}`;
};

/** The predicted status and the errors to keep with the row (shown when it is selected, with any "Did you mean"). */
export function predictedStatus(result: CheckResult): { status: string; errors: RowError[] } {
  const will = WILL[result.status];
  if (!will) return { status: `${FAIL}${firstMessage(result.errors)}`, errors: result.errors };
  if (result.processingErrors?.length) return { status: `${will}${THEN_FAIL}${firstMessage(result.processingErrors)}`, errors: result.processingErrors };
  // Saved, but the server would warn (a plan's basis switched): the row is no failure; its warnings stay with it.
  if (result.warnings?.length) return { status: `${will}${WITH_WARNING}${firstMessage(result.warnings)}`, errors: result.warnings };
  return { status: will, errors: [] };
}

/** A Status written by Check that says the upload would save the row with a warning. */
export function isPredictedWarning(status: string): boolean {
  return Object.values(WILL).some((will) => status.startsWith(`${will}${WITH_WARNING}`));
}

/** The words of such a Status before its warning ("Will update, with a warning"), for a title above the warning itself. */
export function withoutWarningText(status: string): string {
  return isPredictedWarning(status) ? status.slice(0, status.indexOf(WITH_WARNING) + WITH_WARNING.length - 2) : status;
}

/** A Status written by Check that says the upload (or the batch process after it) would fail. */
export function isPredictedFailure(status: string): boolean {
  return status.startsWith(FAIL) || (status.startsWith('Will ') && status.includes(THEN_FAIL));
}
