/**
 * The title row of a batch sheet: the batch's name and the Audit Log choice are cells the user fills in
 * (seed: "*Batch Name" and "Audit Log" beside the title), read by every upload, download and process.
 */
import type { CellArea, HostCellValue, SheetFormat } from '../excel/workbook-host';

const at = (column: number) => ({ row: 0, column });

/** The one place that says where the batch cells are. */
export const BATCH_CELLS = {
  title: at(0), // A1
  batchNameLabel: at(2), // C1
  batchName: at(3), // D1
  auditLogLabel: at(4), // E1
  auditLog: at(5), // F1
} as const;

export const BATCH_NAME_LABEL = '*Batch Name';
export const AUDIT_LOG_LABEL = 'Audit Log';
export const YES = 'Yes';
export const NO = 'No';
/** Light yellow: Excel's usual look for a cell to type into. */
export const INPUT_FILL = '#FFF2CC';

/** "D1", as a person finds the cell. */
export function cellAddress({ row, column }: { row: number; column: number }): string {
  return `${String.fromCharCode(65 + column)}${row + 1}`;
}

/** The cells D1 to F1, read in one request: the batch name and the Audit Log choice sit in it. */
export const BATCH_INPUT_AREA: CellArea = { ...BATCH_CELLS.batchName, rowCount: 1, columnCount: BATCH_CELLS.auditLog.column - BATCH_CELLS.batchName.column + 1 };

export interface BatchInputs {
  /** Trimmed; "" when the cell is empty. */
  batchName: string;
  auditLog: boolean;
}

export function readBatchInputs(cells: HostCellValue[]): BatchInputs {
  const from = BATCH_CELLS.batchName.column;
  return {
    batchName: String(cells[BATCH_CELLS.batchName.column - from] ?? '').trim(),
    auditLog: String(cells[BATCH_CELLS.auditLog.column - from] ?? '').trim() === YES,
  };
}

/** What to do when D1 is empty, said for the action the user tried ("upload", "process the batch"). */
export function missingBatchNameMessage(action: string): string {
  return `Enter a batch name in cell ${cellAddress(BATCH_CELLS.batchName)} (Batch Name), then ${action} again.`;
}

/** The title row: title, the labels, and the inputs (the Audit Log is off unless chosen). */
export function batchTitleRow(width: number, title: string, inputs: Partial<BatchInputs>): HostCellValue[] {
  const row = Array<HostCellValue>(width).fill('');
  row[BATCH_CELLS.title.column] = title;
  row[BATCH_CELLS.batchNameLabel.column] = BATCH_NAME_LABEL;
  row[BATCH_CELLS.batchName.column] = inputs.batchName ?? '';
  row[BATCH_CELLS.auditLogLabel.column] = AUDIT_LOG_LABEL;
  row[BATCH_CELLS.auditLog.column] = inputs.auditLog ? YES : NO;
  return row;
}

/** The inputs are open on the protected sheet; the name is text (a name such as "2026" stays as typed) and stands out. */
export function batchTitleFormat(): Required<Pick<SheetFormat, 'unlocked' | 'shaded' | 'textCells' | 'outlined' | 'validations'>> {
  const cell = (c: { row: number; column: number }): CellArea => ({ ...c, rowCount: 1, columnCount: 1 });
  const name = cell(BATCH_CELLS.batchName);
  const auditLog = cell(BATCH_CELLS.auditLog);
  return {
    unlocked: [name, auditLog],
    shaded: [{ ...name, fill: INPUT_FILL }],
    textCells: [name],
    outlined: [name],
    validations: [{ ...auditLog, source: [YES, NO] }],
  };
}
