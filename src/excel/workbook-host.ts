/**
 * What the workbook engine needs from Excel, and nothing more.
 * Implemented by `office-host.ts` (the only module that touches `Excel.*`), which runs
 * against real Excel or against the simulated Excel API in `simulated/`.
 *
 * Rows and columns are 0-based sheet indexes (row 0 is Excel row 1).
 * Every method is one `Excel.run` and, unless it says otherwise, one `context.sync()`:
 * callers pass whole blocks, never single cells in a loop.
 */
export type HostCellValue = string | number | boolean;

export interface ColumnLayout {
  /** 0-based column index. */
  index: number;
  width?: number;
  hidden?: boolean;
  /** Excel number format for the column's data cells, e.g. "m/d/yyyy" or "@" (text). */
  numberFormat?: string;
}

export interface CellArea {
  row: number;
  column: number;
  rowCount: number;
  columnCount: number;
}

export interface ListValidation extends CellArea {
  /** Either the values themselves (short lists) or an absolute range formula such as "=Lists!$A$1:$A$40". */
  source: string[] | string;
}

export interface ConditionalFill extends CellArea {
  /** Cells whose text equals this value get the fill and font colors. */
  equals: string;
  fill: string;
  fontColor?: string;
}

/** Everything that shapes a prepared sheet, applied in one sync. */
export interface SheetFormat {
  columns: ColumnLayout[];
  /** Rows that get the columns' number formats (data rows and blank rows for new records). */
  dataRows: { row: number; rowCount: number };
  /** Areas the user may edit once the sheet is protected (everything else is locked). */
  unlocked: CellArea[];
  /** Areas shaded to look read-only. */
  shaded?: Array<CellArea & { fill: string }>;
  /** Bold header areas (title and column headers). */
  bold?: CellArea[];
  validations: ListValidation[];
  conditionalFills?: ConditionalFill[];
  /** Cells outside the data rows that hold text as typed (number format "@"), such as a name typed in the title row. */
  textCells?: CellArea[];
  /** Input cells that get a bold border where the host can draw one (the simulated Excel cannot: their fill shows them there). */
  outlined?: CellArea[];
  /** Rows frozen at the top (title and header rows). */
  freezeRows?: number;
  /** Columns frozen at the left (with the rows: the columns that say who a row is about). */
  freezeColumns?: number;
  /** The header row and the rows under it, filterable by the user (applied before the sheet is protected). */
  autoFilter?: CellArea;
}

export interface Selection {
  sheet: string;
  /** 0-based rows the selection covers (first to last, each area). */
  rows: number[];
}

export interface CellsChanged extends CellArea {
  sheet: string;
}

/**
 * One change to the workbook, described in the engine's words; a list of them is one request (applyEdits).
 * - sheet: adds a sheet (replacing one of that name), activated unless hidden (then very hidden).
 * - values: a block of values (protection is lifted and restored within the request); `unlockedOnly` writes cells a
 *   person may edit without touching protection, so the user's undo stack is kept.
 * - format, protect, setting, select: as formatSheet, protect, setSetting and select.
 */
export type HostEdit =
  | { kind: 'sheet'; name: string; hidden?: boolean }
  | { kind: 'values'; sheet: string; row: number; column: number; values: HostCellValue[][]; unlockedOnly?: boolean }
  | { kind: 'format'; sheet: string; format: SheetFormat }
  | { kind: 'protect'; sheet: string }
  | { kind: 'setting'; key: string; value: string }
  | { kind: 'select'; sheet: string; area: CellArea };

/** One thing to read; a list of them is one request (readMany). */
export type HostRead = { setting: string } | { usedRows: string; fromColumn?: number } | { sheet: string; area: CellArea };

/** What each read answers: a setting's text (undefined when missing), a used row count, or an area's values. */
export type HostReadResult<R extends HostRead> = R extends { setting: string } ? string | undefined : R extends { usedRows: string } ? number : HostCellValue[][];

/** [MS-XLS] 2.5.37 DValStrings: an input message's title is at most 32 characters, its text at most 255. */
export const PROMPT_TITLE_LIMIT = 32;
export const PROMPT_MESSAGE_LIMIT = 255;

/**
 * One cell's error mark: a fill, and the message Excel shows beside the cell when it is selected (the data
 * validation input message, ExcelApi 1.8; the cell's list rule, if it has one, is kept). `message` absent: the mark
 * is cleared (the prompt off, the fill back to `fill`, or none).
 */
export interface CellMark {
  row: number;
  column: number;
  fill?: string;
  message?: { title: string; text: string };
}

export interface WorkbookHost {
  /**
   * Makes the edits in order, in one request: two when the request must first learn something (whether a sheet of a
   * new sheet's name exists, or whether a sheet this host has not seen is protected). The caller keeps the request
   * under Excel's size limit (src/core/request-size.ts).
   */
  applyEdits(edits: HostEdit[]): Promise<void>;
  /** Reads settings, used row counts and areas' values, in one request; the answers are in the order asked. */
  readMany<const R extends readonly HostRead[]>(reads: R): Promise<{ -readonly [I in keyof R]: HostReadResult<R[I]> }>;
  /** Adds a worksheet with this name (replacing one that exists) and activates it unless hidden (then very hidden: people cannot unhide it). */
  createSheet(name: string, options?: { hidden?: boolean }): Promise<void>;
  sheetExists(name: string): Promise<boolean>;
  activeSheet(): Promise<string>;
  activateSheet(name: string): Promise<void>;
  /** Writes a rectangular block of values. Works on a protected sheet: protection is lifted and restored within the same request. */
  writeValues(sheet: string, row: number, column: number, values: HostCellValue[][]): Promise<void>;
  /** Writes several separate blocks (e.g. scattered rows) in one request: one sync however many there are. */
  writeAreas(sheet: string, areas: Array<{ row: number; column: number; values: HostCellValue[][] }>): Promise<void>;
  /**
   * Writes cells a person may edit (unlocked) without touching protection, so it clears nothing: Excel keeps the
   * user's undo stack (and the write is one step on it). Fails on locked cells of a protected sheet.
   */
  writeUnlockedAreas(sheet: string, areas: Array<{ row: number; column: number; values: HostCellValue[][] }>): Promise<void>;
  /**
   * Sorts the rows of an area by one of its columns (whole rows move, hidden columns too). Excel refuses to sort
   * locked cells on a protected sheet, so protection is lifted and restored in the same request, which clears the
   * user's undo stack.
   */
  sortRows(sheet: string, area: CellArea, column: number, ascending: boolean): Promise<void>;
  /** Reads a rectangular block; empty cells read as "". */
  readValues(sheet: string, area: CellArea): Promise<HostCellValue[][]>;
  /** Number of rows from row 0 to the last row holding a value or formula (0 for an empty sheet); from `fromColumn` rightwards only when given. */
  usedRowCount(sheet: string, fromColumn?: number): Promise<number>;
  /** Deletes whole rows (shifting those below up). */
  deleteRows(sheet: string, row: number, rowCount: number): Promise<void>;
  formatSheet(sheet: string, format: SheetFormat): Promise<void>;
  /** Marks (or clears) cells in one request, protection lifted and restored within it. */
  markCells(sheet: string, marks: CellMark[]): Promise<void>;
  /** Protects the sheet: locked cells refuse edits; users may still insert rows. */
  protect(sheet: string): Promise<void>;
  unprotect(sheet: string): Promise<void>;
  isProtected(sheet: string): Promise<boolean>;
  getSelection(): Promise<Selection>;
  select(sheet: string, area: CellArea): Promise<void>;
  getSetting(key: string): Promise<string | undefined>;
  setSetting(key: string, value: string): Promise<void>;
  /** Subscribes to edits the user makes. Excel misses some (dropdown picks, pastes), so never rely on it alone. */
  onCellsChanged(sheet: string, handler: (change: CellsChanged) => void): Promise<() => Promise<void>>;
  onSelectionChanged(handler: (selection: Selection) => void): Promise<() => Promise<void>>;
  /** Subscribes to sheet tab switches (by the person or the add-in): the handler gets the name of the sheet now active. */
  onSheetActivated(handler: (sheet: string) => void): Promise<() => Promise<void>>;
}
