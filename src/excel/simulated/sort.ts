/**
 * Sorting in the simulated Excel (Microsoft's "Excel.RangeSort" reference: Range.sort.apply(fields, matchCase,
 * hasHeaders); "Excel.WorksheetProtectionOptions": allowSort). As in Excel, on a protected sheet a sort is refused
 * unless protection allows sorting, and even then a range holding any locked cell cannot be sorted, by a person or
 * by the add-in. Cells move with everything they hold (formats, locks, formulas); ascending order puts numbers before
 * text before TRUE/FALSE, and empty cells last in either direction.
 */
import type { Area } from './addresses';
import { cellValue } from './formulas';
import type { CellData, SheetModel, SimulatedWorkbook, UserResult, Value } from './workbook-model';

export const SORT_PROTECTED_MESSAGE = 'The cells you are trying to sort are on a protected sheet and include locked cells. Unprotect the sheet to sort them.';

export interface SortField {
  /** Column offset within the range. */
  key: number;
  ascending?: boolean;
}

/** Why this range cannot be sorted now, if it cannot. */
export function refuseSort(sheet: SheetModel, area: Area): string | undefined {
  if (!sheet.protectedWith) return undefined;
  if (!sheet.protectedWith.allowSort) return SORT_PROTECTED_MESSAGE;
  for (let r = area.row; r < area.row + area.rowCount; r++) {
    for (let c = area.column; c < area.column + area.columnCount; c++) if (sheet.isLocked(r, c)) return SORT_PROTECTED_MESSAGE;
  }
  return undefined;
}

function rank(v: Value): number {
  if (v === '') return 3;
  return typeof v === 'number' ? 0 : typeof v === 'string' ? 1 : 2;
}

function compare(a: Value, b: Value, ascending: boolean): number {
  const ra = rank(a);
  const rb = rank(b);
  if (ra === 3 || rb === 3) return ra - rb; // empty cells last, whatever the direction
  const order = ra !== rb ? ra - rb : typeof a === 'string' ? a.localeCompare(String(b), undefined, { sensitivity: 'base' }) : Number(a) - Number(b);
  return ascending ? order : -order;
}

/** Sorts the rows of `area` by the fields (rows compare equal keep their order). Call refuseSort first. */
export function sortRows(sheet: SheetModel, area: Area, fields: SortField[], hasHeaders = false): void {
  const first = hasHeaders ? area.row + 1 : area.row;
  const end = area.row + area.rowCount;
  const rows = Array.from({ length: end - first }, (_, i) => first + i);
  const keys = rows.map((r) => fields.map((f) => cellValue(sheet, r, area.column + f.key)));
  const order = rows.map((_, i) => i);
  order.sort((x, y) => {
    for (let f = 0; f < fields.length; f++) {
      const d = compare(keys[x][f], keys[y][f], fields[f].ascending !== false);
      if (d !== 0) return d;
    }
    return x - y;
  });
  const slices: Array<Array<CellData | undefined>> = rows.map((r) => Array.from({ length: area.columnCount }, (_, j) => sheet.get(r, area.column + j)));
  order.forEach((from, i) => {
    const cells = (sheet.rows[first + i] ??= []);
    slices[from].forEach((cell, j) => (cells[area.column + j] = cell));
  });
}

/** A person sorts rows of a sheet by one column (Data > Sort). */
export function userSort(workbook: SimulatedWorkbook, sheetName: string, area: Area, column: number, ascending: boolean): UserResult {
  const sheet = workbook.sheet(sheetName);
  if (!sheet) return { ok: false, message: `There is no sheet named "${sheetName}".` };
  const refusal = refuseSort(sheet, area);
  if (refusal) return { ok: false, message: refusal };
  sortRows(sheet, area, [{ key: column - area.column, ascending }]);
  workbook.notify();
  return { ok: true };
}
