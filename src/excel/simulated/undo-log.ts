/**
 * Which calls cleared the user's undo stack. Microsoft's page "Undo support with the Excel JavaScript API"
 * (Unsupported APIs) lists the calls that are not undo-supported: calling one clears the user's undo stack from that
 * point. Of those the add-in could reach, the simulated API records each one it runs, so tests can assert that
 * editing a prepared sheet leaves Ctrl+Z alone.
 */
import type { SimulatedWorkbook } from './workbook-model';

/** The unsupported calls the simulated API implements (Worksheet.name and .visibility: not undo-supported on Windows and Mac). */
export type UndoClearingCall =
  | 'WorksheetProtection.protect'
  | 'WorksheetProtection.unprotect'
  | 'Worksheet.delete'
  | 'Worksheet.name'
  | 'Worksheet.visibility';

const logs = new WeakMap<SimulatedWorkbook, UndoClearingCall[]>();

export function recordUndoClear(workbook: SimulatedWorkbook, call: UndoClearingCall): void {
  const log = logs.get(workbook) ?? [];
  log.push(call);
  logs.set(workbook, log);
}

/** Every undo-clearing call run since the workbook was made (or the log was last cleared). */
export function undoClears(workbook: SimulatedWorkbook): readonly UndoClearingCall[] {
  return logs.get(workbook) ?? [];
}

export function clearUndoLog(workbook: SimulatedWorkbook): void {
  logs.set(workbook, []);
}
