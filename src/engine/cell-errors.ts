/**
 * Errors where the person looks: after an upload each failing cell (the column the error names) gets a red fill and
 * carries its message as the cell's input message, shown by Excel when the cell is selected. The marks clear when
 * the row succeeds, is reverted or is uploaded unchanged.
 */
import type { RowError, RowResult } from '../contract/api';
import { localiseDates, withoutHeader } from '../core/error-text';
import { FAILED_STATUSES, dataColumnByKey, type Layout, type SheetRow } from '../core/sheet-layout';
import { blocksBySize } from '../core/chunk';
import { PROMPT_MESSAGE_LIMIT, PROMPT_TITLE_LIMIT, type CellMark, type WorkbookHost } from '../excel/workbook-host';

export const ERROR_FILL = '#FFC7CE';
/** The grey of read-only cells (sheet-format.ts), restored when a mark on such a cell clears. */
const READ_ONLY_FILL = '#F2F2F2';

const cut = (text: string, limit: number) => (text.length <= limit ? text : `${text.slice(0, limit - 1)}…`);

/** The fill a cell had before it was marked: editable cells none; enterable ones none on a new row, grey on a downloaded one. */
function baseFill(layout: Layout, row: SheetRow, columnKey: string): string | undefined {
  const column = dataColumnByKey(layout, columnKey);
  if (!column || column.editable || (column.enterable && !row.key)) return undefined;
  return READ_ONLY_FILL;
}

/** The errors per column key (errors naming no column stay on the Status cell and in the pane). */
function byColumn(layout: Layout, errors: RowError[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const e of errors) {
    if (!e.column || !dataColumnByKey(layout, e.column)) continue;
    map.set(e.column, [...(map.get(e.column) ?? []), e.message]);
  }
  return map;
}

/**
 * The marks for one row, now at sheet row `at`: its failing columns marked with their messages, columns it had
 * marked before (its previous errors) cleared. `result` undefined: every mark of the row clears.
 */
export function cellMarks(layout: Layout, before: SheetRow, at: number, result: RowResult | undefined): CellMark[] {
  const failing = result && FAILED_STATUSES.includes(result.status) ? byColumn(layout, result.errors) : new Map<string, string[]>();
  const marks: CellMark[] = [];
  for (const [key, messages] of failing) {
    const column = dataColumnByKey(layout, key)!;
    const text = messages.map((m) => localiseDates(withoutHeader(column.header, m), layout.locale)).join(' ');
    marks.push({ row: at, column: column.index, fill: ERROR_FILL, message: { title: cut(column.header, PROMPT_TITLE_LIMIT), text: cut(text, PROMPT_MESSAGE_LIMIT) } });
  }
  for (const key of byColumn(layout, before.errors).keys()) {
    if (failing.has(key)) continue;
    marks.push({ row: at, column: dataColumnByKey(layout, key)!.index, fill: baseFill(layout, before, key) });
  }
  return marks;
}

/** Marks every written-back row at its current place, in requests that fit Excel's budget (never one per cell). */
export async function markRows(host: WorkbookHost, sheet: string, layout: Layout, rows: Array<{ before: SheetRow; at: number; result?: RowResult }>): Promise<void> {
  const marks = rows.flatMap(({ before, at, result }) => cellMarks(layout, before, at, result));
  for (const block of blocksBySize(marks)) await host.markCells(sheet, block);
}
