/**
 * Worksheet visibility as Excel has it: Visible, Hidden (a person can unhide it) and VeryHidden (only code can).
 * `Excel.SheetVisibility` and `Worksheet.visibility` ("Excel.Worksheet class": reading is ExcelApi 1.1, setting 1.2).
 */
import { ExcelRuleError } from './range-input';
import type { SheetModel, SimulatedWorkbook, UserResult } from './workbook-model';

export type Visibility = 'Visible' | 'Hidden' | 'VeryHidden';

export function visibilityOf(sheet: SheetModel): Visibility {
  return sheet.veryHidden ? 'VeryHidden' : sheet.hidden ? 'Hidden' : 'Visible';
}

/** A workbook keeps one visible sheet; hiding the active sheet activates the first visible one. */
export function setVisibility(workbook: SimulatedWorkbook, sheet: SheetModel, visibility: Visibility): void {
  if (!['Visible', 'Hidden', 'VeryHidden'].includes(visibility)) throw new ExcelRuleError('InvalidArgument', 'The argument is invalid or missing or has an incorrect format.');
  if (visibility !== 'Visible' && !sheet.hidden && workbook.visibleSheetNames().length === 1) {
    throw new ExcelRuleError('InvalidOperation', 'A workbook must contain at least one visible worksheet.');
  }
  sheet.hidden = visibility !== 'Visible';
  sheet.veryHidden = visibility === 'VeryHidden';
  if (sheet.hidden && workbook.activeSheet() === sheet.name) workbook.setActive(workbook.visibleSheetNames()[0]);
}

/**
 * "If the worksheet's visibility is set to "VeryHidden", the delete operation will fail with an InvalidOperation
 * exception" (Worksheet.delete, "Excel.Worksheet class").
 */
export function checkDeletable(sheet: SheetModel): void {
  if (sheet.veryHidden) throw new ExcelRuleError('InvalidOperation', 'A very hidden worksheet cannot be deleted. Make it hidden or visible first.');
}

/** The sheets Excel's Unhide dialog offers: hidden ones, never very hidden ones. */
export function unhideableSheets(workbook: SimulatedWorkbook): string[] {
  return workbook.sheets.filter((s) => s.hidden && !s.veryHidden).map((s) => s.name);
}

/** A person unhides a sheet (Format > Hide & Unhide > Unhide Sheet). */
export function userUnhideSheet(workbook: SimulatedWorkbook, name: string): UserResult {
  const sheet = workbook.sheet(name);
  if (!sheet || !unhideableSheets(workbook).includes(sheet.name)) return { ok: false, message: `There is no hidden sheet named "${name}" to unhide.` };
  sheet.hidden = false;
  workbook.notify();
  return { ok: true };
}
