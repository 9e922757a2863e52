/**
 * What Excel accepts when a range's `values`, `numberFormat` or `formulas` is set, and what it refuses on a read.
 * Kept apart from the proxies so every cell-level property follows the same rules.
 */
import type { Area } from './addresses';
import { MAX_COLUMNS, MAX_ROWS } from './workbook-model';

/** Thrown by the simulated API with Excel's error code (SimulatedExcelError extends it). */
export class ExcelRuleError extends Error {
  constructor(
    public readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'RichApi.Error';
  }
}

// Excel's own message for a mismatched array (error code InvalidArgument, errorLocation "Range.values").
const DIMENSION_MISMATCH = "The number of rows or columns in the input array doesn't match the size or dimensions of the range.";

/** A setter's input for one cell: a value to write, or `skip` (null in an array leaves the cell as it is). */
export type CellInput<T> = { write: true; value: T } | { write: false };

/**
 * The input for each cell of `area`.
 * - A 2-D array must have exactly the range's rows and columns, or the request fails with InvalidArgument
 *   ("Excel JavaScript API programming overview", InvalidArgument; office-js issue #1025 shows the message). A 1×1
 *   array is no exception: Excel does not spread it over a larger range.
 * - A single value that is not an array goes to every cell ("Update all cells in a range", same page).
 * - `null` inside an array leaves that cell unchanged ("Blank and null values in Excel add-ins").
 * - Entire rows or columns take none of them: "Setting cell-level properties such as values, numberFormat, and formula
 *   on unbounded range is prohibited" (programming overview, "Write to an unbounded range").
 */
export function cellInputs<T>(input: T | T[][], area: Area): (i: number, j: number) => CellInput<T> {
  if (area.rowCount >= MAX_ROWS || area.columnCount >= MAX_COLUMNS) {
    throw new ExcelRuleError('InvalidArgument', 'Cell values, number formats and formulas cannot be set on entire rows or columns.');
  }
  if (!Array.isArray(input)) {
    if (input === null || input === undefined) throw new ExcelRuleError('InvalidArgument', 'The argument is invalid or missing or has an incorrect format.');
    return () => ({ write: true, value: input });
  }
  const rows = input as unknown[];
  if (rows.length !== area.rowCount || rows.some((r) => !Array.isArray(r) || r.length !== area.columnCount)) {
    throw new ExcelRuleError('InvalidArgument', DIMENSION_MISMATCH);
  }
  const matrix = input as T[][];
  return (i, j) => (matrix[i][j] === null ? { write: false } : { write: true, value: matrix[i][j] });
}

/**
 * "A range is limited to 5,000,000 cells for read operations" ("Resource limits and performance optimization for
 * Office Add-ins", Excel add-ins); Excel answers RangeExceedsLimit ("Error handling with the application-specific
 * JavaScript APIs", error codes table).
 */
export const READ_CELL_LIMIT = 5_000_000;

export function checkReadSize(area: Area): void {
  if (area.rowCount * area.columnCount > READ_CELL_LIMIT) {
    throw new ExcelRuleError('RangeExceedsLimit', 'The cell count in the range has exceeded the maximum supported number.');
  }
}

/**
 * A list typed into a validation rule (values separated by commas) holds at most 255 characters; longer lists must
 * come from a range ("Apply data validation to cells", Microsoft Support: the Source box; Excel's file format has
 * the same limit). Checked when the request runs, as Excel does, not when the rule is set.
 */
export const INLINE_LIST_LIMIT = 255;

export function checkInlineList(source: string): void {
  if (!source.startsWith('=') && source.length > INLINE_LIST_LIMIT) {
    throw new ExcelRuleError('InvalidArgument', `A list source typed in directly is limited to ${INLINE_LIST_LIMIT} characters.`);
  }
}
