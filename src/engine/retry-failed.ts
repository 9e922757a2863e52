/** Retry failed rows: of the rows an upload would send, only those whose last upload or check failed. */
import type { UploadItem, UploadPlan } from '../core/row-diff';
import { rowFailure, type Layout } from '../core/sheet-layout';

/** The plan narrowed to failed rows; the others (other edits not uploaded yet) stay as they are, unsent. */
export function failedRowsOnly(layout: Layout, plan: UploadPlan): UploadPlan {
  const failed = (item: UploadItem) => rowFailure(layout, item.row) !== undefined;
  return { ...plan, send: plan.send.filter(failed), unchanged: plan.unchanged.filter((row) => rowFailure(layout, row) !== undefined) };
}
