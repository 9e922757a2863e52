/**
 * The generic sheet layout of every workbook kind: row 0 the title, row 1 the headers, data from row 2.
 * Columns: Changed, Mark for Deletion, Status, the kind's columns (a batch's outcome columns first), then hidden Key,
 * Version, Original, Errors and one hidden copy of each tracked column as downloaded (for the Changed formula).
 */
import type { RowSearch } from '../contract/row-search';
import { titleSuffix, type Incomplete } from './search-title';
import { isPredictedFailure, isPredictedWarning } from './check-status';
import type { CellValue, ColumnDefinition, DownloadedRow, RowError, WorkbookDefinition } from '../contract/api';
import type { HostCellValue } from '../excel/workbook-host';
import { batchTitleRow } from './batch-cells';
import { readErrorsCell } from './errors-cell';
import { formatIsoForLocale, isoToCell } from './dates';
import { fingerprint, normaliseValue } from './fingerprint';

export const TITLE_ROW = 0;
export const HEADER_ROW = 1;
export const FIRST_DATA_ROW = 2;
/** Blank rows below the data where new records can be entered. */
export const ENTRY_ROWS = 500;
export const CHANGED_MARK = '✓';
export const DELETE_MARK = 'X';
/** Excel refuses a list typed into the validation rule beyond 255 characters; longer lists go on the lists sheet. */
export const INLINE_LIST_LIMIT = 250;
export const SHEET_NAME_LIMIT = 31;
export const FAILED_STATUSES: readonly string[] = ['Upload Failed', 'Conflict'];

export const COL = { changed: 0, markForDeletion: 1, status: 2, firstData: 3 } as const;
export const ENGINE_HEADERS = { changed: 'Changed', markForDeletion: 'Mark for Deletion', status: 'Status' } as const;
export const HIDDEN_HEADERS = ['Key', 'Version', 'Original', 'Errors'] as const;

export type LayoutColumn = ColumnDefinition & { index: number };

export interface Layout {
  definition: WorkbookDefinition;
  locale: string;
  dataColumns: LayoutColumn[];
  /** Columns whose values count as the user's edits (editable or enterable). */
  tracked: LayoutColumn[];
  key: number;
  version: number;
  original: number;
  errors: number;
  /** First hidden copy column: copy i holds tracked column i as downloaded (or as last saved). */
  firstCopy: number;
  /** Columns frozen at the left: the engine's columns and the leading identifying (or outcome) columns. */
  frozenColumns: number;
  width: number;
}

/**
 * The kind's columns in sheet order: a batch's outcome columns lead, so each line's result is beside its Status
 * without scrolling (seed: the workbook's column order is for the data columns).
 */
function sheetOrder(definition: WorkbookDefinition): ColumnDefinition[] {
  const leading = [definition.outcome?.column, definition.outcome?.message].filter((k): k is string => Boolean(k));
  const lead = leading.flatMap((k) => definition.columns.filter((c) => c.key === k));
  return [...lead, ...definition.columns.filter((c) => !leading.includes(c.key))];
}

export function createLayout(definition: WorkbookDefinition, locale: string): Layout {
  const dataColumns = sheetOrder(definition).map((c, i) => ({ ...c, index: COL.firstData + i }));
  const key = COL.firstData + dataColumns.length;
  const tracked = dataColumns.filter((c) => c.editable || c.enterable);
  // Frozen: the leading run of columns that say who a row is about (or, on a batch sheet, its outcome).
  const frozen = dataColumns.findIndex((c) => !(c.identifying || c.key === definition.outcome?.column));
  const frozenColumns = COL.firstData + (frozen < 0 ? dataColumns.length : frozen);
  const firstCopy = key + 4;
  return { definition, locale, dataColumns, tracked, key, version: key + 1, original: key + 2, errors: key + 3, firstCopy, frozenColumns, width: firstCopy + tracked.length };
}

/** A valid worksheet name from a title: no []:*?/\ and at most 31 characters. */
export function sheetName(title: string, suffix = ''): string {
  const clean = title.replace(/[[\]:*?/\\]/g, ' ').replace(/\s+/g, ' ').trim().replace(/^'+|'+$/g, '');
  return `${clean.slice(0, SHEET_NAME_LIMIT - suffix.length).trimEnd()}${suffix}`;
}

/** The hidden sheet holding the kind's lists of values (one per kind, so two prepared kinds never share it). */
export function listsSheetName(definition: WorkbookDefinition): string {
  return sheetName(definition.title, ' Lists');
}

export function headerText(column: ColumnDefinition): string {
  return column.required ? `*${column.header}` : column.header;
}

/** What the title row shows: the session effective date, or (batch kinds) the batch name and the Audit Log choice. */
export interface TitleScope {
  effectiveDate?: string;
  batchName?: string;
  auditLog?: boolean;
  /** Kinds with a filter: its value, shown after the date ("— Batch name: Open enrollment 2026"). */
  filter?: string;
  /** Search before download, shown after the date or the title ("— Person numbers: 12 listed"). */
  search?: RowSearch;
  /** Prepare was cancelled: the title says the sheet is incomplete. */
  cancelledAt?: Incomplete;
}

export function titleRows(layout: Layout, scope: TitleScope): HostCellValue[][] {
  const { definition } = layout;
  let title: HostCellValue[];
  const suffix = titleSuffix(definition, scope, layout.locale);
  if (definition.scope === 'batch') title = batchTitleRow(layout.width, `${definition.title}${suffix}`, scope);
  else if (definition.scope === 'keyed') title = [`${definition.title}${suffix}`, ...Array<HostCellValue>(layout.width - 1).fill('')];
  else {
    if (!scope.effectiveDate) throw new Error(`The workbook "${definition.title}" needs a session effective date.`);
    title = Array<HostCellValue>(layout.width).fill('');
    const filter = definition.filter && scope.filter ? ` — ${definition.filter.label}: ${scope.filter}` : '';
    // A read-only sheet hides the engine's columns A to C: its title goes into the first column shown.
    title[definition.readOnly ? COL.firstData : 0] = `${definition.title} — Session effective date: ${formatIsoForLocale(scope.effectiveDate, layout.locale)}${filter}${suffix}`;
  }
  const copies = layout.tracked.map((c) => `Downloaded ${c.header}`);
  const headers = [ENGINE_HEADERS.changed, ENGINE_HEADERS.markForDeletion, ENGINE_HEADERS.status, ...layout.dataColumns.map(headerText), ...HIDDEN_HEADERS, ...copies];
  return [title, headers];
}

function toCell(column: ColumnDefinition, value: CellValue | undefined): HostCellValue {
  if (value === null || value === undefined) return '';
  if (column.type === 'date' && typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return isoToCell(value);
  return value;
}

/** Fingerprint of a row's tracked values (already normalised). */
export function rowFingerprint(layout: Layout, values: Record<string, CellValue>): string {
  return fingerprint(layout.tracked.map((c) => values[c.key] ?? null));
}

/** A downloaded (or just saved) row as sheet values: dates as serials, with its key, version and fingerprint. */
export function toSheetRow(layout: Layout, row: DownloadedRow, status = ''): HostCellValue[] {
  const cells = Array<HostCellValue>(layout.width).fill('');
  cells[COL.status] = status;
  const normalised: Record<string, CellValue> = {};
  for (const c of layout.dataColumns) {
    cells[c.index] = toCell(c, row.values[c.key]);
    normalised[c.key] = normaliseValue(c, row.values[c.key], layout.locale);
  }
  cells[layout.key] = row.key;
  cells[layout.version] = row.version;
  cells[layout.original] = rowFingerprint(layout, normalised);
  return withCopies(layout, cells);
}

/** The hidden copies take the tracked cells as they are now (downloaded, saved, or an edit found to change nothing). */
export function withCopies(layout: Layout, cells: HostCellValue[]): HostCellValue[] {
  layout.tracked.forEach((c, i) => (cells[layout.firstCopy + i] = cells[c.index] ?? ''));
  return cells;
}

/**
 * The Changed cell is an Excel formula comparing each tracked cell with its hidden, locked copy, so Excel itself marks
 * a row when a person types, picks from a dropdown or pastes, and unmarks it when the edit is undone. Chosen over an
 * unlocked Changed column the pane writes on change events because that needs no write while the person edits (each
 * add-in write would be a step of their Ctrl+Z), marks picks and pastes that raise no event, and cannot be typed over.
 * EXACT, not "=", so a change of case counts; references are relative, so the formula moves with its row when sorted.
 */
export function changedFormula(layout: Layout, row: number): string {
  if (layout.tracked.length === 0) return '';
  const ref = (column: number) => `${columnLetters(column)}${row + 1}`;
  const same = layout.tracked.map((c, i) => `EXACT(${ref(c.index)},${ref(layout.firstCopy + i)})`);
  return `=IF(AND(${same.join(',')}),"","${CHANGED_MARK}")`;
}

export interface SheetRow {
  /** 0-based sheet row. */
  row: number;
  changed: boolean;
  /** Anything in the Mark for Deletion cell counts as a mark. */
  marked: boolean;
  status: string;
  key: string;
  version: number | undefined;
  original: string;
  errors: RowError[];
  /** Kind values, normalised for upload (dates ISO, or the text as typed when unreadable). */
  values: Record<string, CellValue>;
  cells: HostCellValue[];
}


export function readSheetRow(layout: Layout, row: number, cells: HostCellValue[]): SheetRow {
  const values: Record<string, CellValue> = {};
  for (const c of layout.dataColumns) values[c.key] = normaliseValue(c, cells[c.index], layout.locale);
  const version = cells[layout.version];
  const parsedVersion = typeof version === 'number' ? version : String(version ?? '').trim() === '' ? undefined : Number(version);
  return {
    row,
    changed: String(cells[COL.changed] ?? '').trim() !== '',
    marked: String(cells[COL.markForDeletion] ?? '').trim() !== '',
    status: String(cells[COL.status] ?? ''),
    key: String(cells[layout.key] ?? '').trim(),
    version: parsedVersion !== undefined && Number.isFinite(parsedVersion) ? parsedVersion : undefined,
    original: String(cells[layout.original] ?? ''),
    errors: readErrorsCell(cells[layout.errors]).errors,
    values,
    cells,
  };
}

/** The status a row gets in the failed-rows list when the server's batch process left its line in error. */
export const PROCESS_FAILED = 'Processing failed';

/**
 * Why a row failed, if it did: its last upload (Status and the stored errors), else, on a batch sheet, the server's
 * process (the outcome column says so and the message column says why). An uploaded fix clears the outcome.
 */
export function rowFailure(layout: Layout, row: SheetRow): { status: string; errors: RowError[] } | undefined {
  // A failure Check predicted shows like one an upload had, so its errors (and their suggestions) show too.
  if (FAILED_STATUSES.includes(row.status) || isPredictedFailure(row.status)) return { status: row.status, errors: row.errors };
  const outcome = layout.definition.outcome;
  if (!outcome || row.values[outcome.column] !== outcome.failed) return undefined;
  const message = String(row.values[outcome.message] ?? '').trim();
  return { status: PROCESS_FAILED, errors: [{ message: message || 'The batch process could not process this line. Download the batch to see why.' }] };
}

/**
 * A saved row's warnings from its last upload (the server saved it, and says what to look at), or those Check
 * predicted for it, if it has any.
 */
export function rowWarnings(row: SheetRow): { status: string; errors: RowError[] } | undefined {
  return (SAVED_STATUSES.includes(row.status) || isPredictedWarning(row.status)) && row.errors.length > 0 ? { status: row.status, errors: row.errors } : undefined;
}

export const SAVED_STATUSES = ['Inserted', 'Updated'];

/** Fingerprint of the row as it is now. */
export function currentFingerprint(layout: Layout, row: SheetRow): string {
  return rowFingerprint(layout, row.values);
}

export function dataColumnByKey(layout: Layout, key: string | undefined): LayoutColumn | undefined {
  return layout.dataColumns.find((c) => c.key === key);
}

/** Header text of a column key, for error lists ("Benefits Group"). */
export function headerOf(layout: Layout, key: string | undefined): string | undefined {
  return dataColumnByKey(layout, key)?.header;
}

/** The lists sheet's values: one column per list, in name order. */
export function listsSheetValues(lists: Record<string, string[]>): { names: string[]; values: HostCellValue[][] } {
  const names = Object.keys(lists).sort();
  const height = Math.max(1, ...names.map((n) => lists[n].length));
  const values = names.length === 0 ? [['']] : Array.from({ length: height }, (_, r) => names.map((n) => lists[n][r] ?? ''));
  return { names, values };
}

export function columnLetters(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Dropdown source of each list: the values inline when short, else a range on the hidden lists sheet. */
export function listSources(definition: WorkbookDefinition, lists: Record<string, string[]>): Record<string, string[] | string> {
  const { names } = listsSheetValues(lists);
  const quoted = listsSheetName(definition).replace(/'/g, "''");
  return Object.fromEntries(
    names.map((name, i) => {
      const values = lists[name];
      const inline = values.length > 0 && values.join(',').length <= INLINE_LIST_LIMIT && values.every((v) => !v.includes(','));
      const col = columnLetters(i);
      return [name, inline ? values : `='${quoted}'!$${col}$1:$${col}$${Math.max(1, values.length)}`];
    }),
  );
}
