/**
 * Which cells a write-back really changes: an uploaded row goes back as the server saved it, but most of its cells
 * already hold that (the user's own edit, the name, the dates). Only the columns whose cells differ in some row of a
 * run are written, as spans of adjacent columns, so a saved 4,000-character note is not sent to Excel again.
 */
import { AREA_OVERHEAD_BYTES, jsonBytes } from '../core/request-size';
import type { HostCellValue } from '../excel/workbook-host';
import type { ColumnSpan } from './block-reader';

const blank = (v: HostCellValue | undefined) => v === '' || v === null || v === undefined;
const same = (a: HostCellValue | undefined, b: HostCellValue | undefined) => a === b || (blank(a) && blank(b));

/**
 * Spans of columns [from, width) to write for a run of rows (`after[i]` replaces `before[i]`); a row whose cells
 * before are unknown is written whole from `from`. Spans closer than an area's own overhead are written as one.
 */
export function changedSpans(after: HostCellValue[][], before: Array<HostCellValue[] | undefined>, from: number, width: number): ColumnSpan[] {
  if (before.some((b) => b === undefined)) return [{ column: from, columnCount: width - from }];
  const differs: boolean[] = [];
  for (let c = from; c < width; c++) differs[c] = after.some((cells, i) => !same(cells[c], before[i]![c]));
  const spans: ColumnSpan[] = [];
  let gapBytes = 0;
  for (let c = from; c < width; c++) {
    if (!differs[c]) {
      if (spans.length > 0) gapBytes += after.reduce((n, cells) => n + jsonBytes(cells[c] ?? '') + 1, 0);
      continue;
    }
    const last = spans[spans.length - 1];
    const gap = last ? c - (last.column + last.columnCount) : 0;
    // Writing the unchanged cells between two spans costs less than another range, when they are small.
    if (last && (gap === 0 || gapBytes <= AREA_OVERHEAD_BYTES)) last.columnCount = c - last.column + 1;
    else spans.push({ column: c, columnCount: 1 });
    gapBytes = 0;
  }
  return spans;
}
