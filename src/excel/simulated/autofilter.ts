/**
 * AutoFilter in the simulated Excel (Microsoft's "Excel.AutoFilter" reference: Worksheet.autoFilter.apply(range,
 * columnIndex, criteria); "Excel.WorksheetProtectionOptions": allowAutoFilter). As in Excel:
 * - on a protected sheet nobody adds, moves or removes an AutoFilter; a person may use one only if it was applied
 *   before the sheet was protected and protection allows AutoFilter;
 * - filtering hides rows; it never changes them, and the add-in still reads and writes hidden rows.
 * The simulation re-evaluates criteria as it draws (Excel waits for the filter to be reapplied).
 */
import type { Area } from './addresses';
import { cellValue } from './formulas';
import { formatValue, type SheetModel, type SimulatedWorkbook, type UserResult } from './workbook-model';

export interface AutoFilterState {
  /** Header row and data rows. */
  area: Area;
  /** Shown values (the cells' text) by sheet column. */
  criteria: Map<number, string[]>;
}

const filters = new WeakMap<SheetModel, AutoFilterState>();

/** Excel's wording when a person filters a protected sheet that does not allow it. */
export const FILTER_PROTECTED_MESSAGE = "You can't use AutoFilter on a protected sheet unless it was turned on before the sheet was protected and the protection allows it.";

export function autoFilterOf(sheet: SheetModel): AutoFilterState | undefined {
  return filters.get(sheet);
}

/** Why the add-in may not apply this filter now, if it may not. */
export function refuseApply(sheet: SheetModel, area: Area): string | undefined {
  if (!sheet.protectedWith) return undefined;
  const existing = filters.get(sheet);
  const same = existing && existing.area.row === area.row && existing.area.column === area.column && existing.area.rowCount === area.rowCount && existing.area.columnCount === area.columnCount;
  return sheet.protectedWith.allowAutoFilter && same ? undefined : FILTER_PROTECTED_MESSAGE;
}

/** Worksheet.autoFilter.apply: the filter over `area`; with a column and values, that column shows only those values. */
export function applyAutoFilter(sheet: SheetModel, area: Area, column?: number, values?: string[]): void {
  const state = filters.get(sheet) ?? { area, criteria: new Map() };
  state.area = area;
  if (column !== undefined && values) state.criteria.set(area.column + column, values);
  filters.set(sheet, state);
}

export function removeAutoFilter(sheet: SheetModel): void {
  filters.delete(sheet);
}

/** The text Excel filters on: what the cell shows. */
function shown(sheet: SheetModel, row: number, column: number): string {
  return formatValue(cellValue(sheet, row, column), sheet.formatOf(row, column, 'numberFormat'));
}

/** Whether a row is hidden by the sheet's AutoFilter. */
export function isFilteredOut(sheet: SheetModel, row: number): boolean {
  const state = filters.get(sheet);
  if (!state || row <= state.area.row || row >= state.area.row + state.area.rowCount) return false;
  for (const [column, values] of state.criteria) if (!values.includes(shown(sheet, row, column))) return true;
  return false;
}

/** The distinct texts of a column under the filter's header, for a person picking what to show. */
export function filterChoices(sheet: SheetModel, column: number): string[] {
  const state = filters.get(sheet);
  if (!state) return [];
  const seen = new Set<string>();
  const last = Math.min(state.area.row + state.area.rowCount, sheet.usedRowCount());
  for (let r = state.area.row + 1; r < last; r++) seen.add(shown(sheet, r, column));
  return [...seen].sort();
}

/** A person picks which values of a column to show (undefined: show all). */
export function userFilter(workbook: SimulatedWorkbook, sheetName: string, column: number, values: string[] | undefined): UserResult {
  const sheet = workbook.sheet(sheetName);
  if (!sheet) return { ok: false, message: `There is no sheet named "${sheetName}".` };
  const state = filters.get(sheet);
  if (sheet.protectedWith && (!state || !sheet.protectedWith.allowAutoFilter)) return { ok: false, message: FILTER_PROTECTED_MESSAGE };
  if (!state) return { ok: false, message: 'This sheet has no filter. Select the headers and turn on Filter first.' };
  if (values) state.criteria.set(column, values);
  else state.criteria.delete(column);
  workbook.notify();
  return { ok: true };
}
