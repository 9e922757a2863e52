/**
 * The generic sheet layout of every workbook kind: row 0 the title, row 1 the headers, data from row 2.
 * Columns: Changed, Mark for Deletion, Status, the kind's columns, then hidden Key, Version, Original, Errors.
 */
import type { CellValue, ColumnDefinition, DownloadedRow, RowError, WorkbookDefinition } from '../contract/api';
import type { CellArea, HostCellValue, ListValidation, SheetFormat } from '../excel/workbook-host';
import { batchTitleFormat, batchTitleRow } from './batch-cells';
import { excelDateFormat, formatIsoForLocale, isoToCell } from './dates';
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
  width: number;
}

export function createLayout(definition: WorkbookDefinition, locale: string): Layout {
  const dataColumns = definition.columns.map((c, i) => ({ ...c, index: COL.firstData + i }));
  const key = COL.firstData + dataColumns.length;
  const tracked = dataColumns.filter((c) => c.editable || c.enterable);
  return { definition, locale, dataColumns, tracked, key, version: key + 1, original: key + 2, errors: key + 3, width: key + 4 };
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
}

export function titleRows(layout: Layout, scope: TitleScope): HostCellValue[][] {
  const { definition } = layout;
  let title: HostCellValue[];
  if (definition.scope === 'batch') title = batchTitleRow(layout.width, definition.title, scope);
  else {
    if (!scope.effectiveDate) throw new Error(`The workbook "${definition.title}" needs a session effective date.`);
    title = Array<HostCellValue>(layout.width).fill('');
    const filter = definition.filter && scope.filter ? ` — ${definition.filter.label}: ${scope.filter}` : '';
    title[0] = `${definition.title} — Session effective date: ${formatIsoForLocale(scope.effectiveDate, layout.locale)}${filter}`;
  }
  const headers = [ENGINE_HEADERS.changed, ENGINE_HEADERS.markForDeletion, ENGINE_HEADERS.status, ...layout.dataColumns.map(headerText), ...HIDDEN_HEADERS];
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
  return cells;
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

function parseErrors(raw: HostCellValue | undefined): RowError[] {
  const text = String(raw ?? '');
  if (!text) return [];
  try {
    const parsed: unknown = JSON.parse(text);
    return Array.isArray(parsed) ? (parsed as RowError[]) : [];
  } catch {
    return [{ message: text }];
  }
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
    errors: parseErrors(cells[layout.errors]),
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
  if (FAILED_STATUSES.includes(row.status)) return { status: row.status, errors: row.errors };
  const outcome = layout.definition.outcome;
  if (!outcome || row.values[outcome.column] !== outcome.failed) return undefined;
  const message = String(row.values[outcome.message] ?? '').trim();
  return { status: PROCESS_FAILED, errors: [{ message: message || 'The batch process could not process this line. Download the batch to see why.' }] };
}

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

/** A sheet of plain text cells over a block of values (the lists sheet): nothing locked, shaded or validated. */
export function textSheetFormat(values: HostCellValue[][]): SheetFormat {
  const area = { row: 0, column: 0, rowCount: values.length, columnCount: Math.max(1, ...values.map((r) => r.length)) };
  return { columns: [], dataRows: { row: 0, rowCount: 0 }, unlocked: [], validations: [], textCells: [area] };
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

const READ_ONLY_FILL = '#F2F2F2';
const HEADER_FILL = '#DDEBF7';
const TONES = { good: { fill: '#C6EFCE', fontColor: '#006100' }, bad: { fill: '#FFC7CE', fontColor: '#9C0006' } } as const;

export interface FormatRows {
  /** First row formatted (FIRST_DATA_ROW on prepare; the old end when the sheet grows). */
  from: number;
  /** Rows holding downloaded records, from `from`. */
  dataRowCount: number;
  /** Blank rows after them where new records are entered. */
  entryRowCount: number;
}

/** The whole look and behaviour of a prepared sheet (or of rows added to it): locks, shading, dropdowns, status colours. */
export function sheetFormat(layout: Layout, rows: FormatRows, sources: Record<string, string[] | string>): SheetFormat {
  const all = { row: rows.from, rowCount: rows.dataRowCount + rows.entryRowCount };
  const existing = { row: rows.from, rowCount: rows.dataRowCount };
  const entry = { row: rows.from + rows.dataRowCount, rowCount: rows.entryRowCount };
  const area = (r: { row: number; rowCount: number }, column: number): CellArea => ({ ...r, column, columnCount: 1 });
  const unlocked: CellArea[] = [area(all, COL.markForDeletion)];
  const shaded: NonNullable<SheetFormat['shaded']> = [COL.changed, COL.status].map((c) => ({ ...area(all, c), fill: READ_ONLY_FILL }));
  for (const c of layout.dataColumns) {
    if (c.editable) unlocked.push(area(all, c.index));
    else if (c.enterable) {
      // seed: only the Benefits Group is edited on existing rows; the person is entered on new rows only.
      if (existing.rowCount > 0) shaded.push({ ...area(existing, c.index), fill: READ_ONLY_FILL });
      if (entry.rowCount > 0) unlocked.push(area(entry, c.index));
    } else shaded.push({ ...area(all, c.index), fill: READ_ONLY_FILL });
  }
  const validations: ListValidation[] = [{ ...area(all, COL.markForDeletion), source: [DELETE_MARK] }];
  for (const c of layout.dataColumns) {
    const source = c.list ? sources[c.list] : undefined;
    if (source !== undefined) validations.push({ ...area(all, c.index), source });
  }
  const statusArea = area(all, COL.status);
  const isPrepare = rows.from === FIRST_DATA_ROW;
  // The kind says which of its values deserve a colour (e.g. a line's batch status), the engine only paints them.
  const highlights = (layout.definition.highlights ?? []).flatMap((h) => {
    const column = dataColumnByKey(layout, h.column);
    return column ? [{ ...area(all, column.index), equals: h.equals, ...TONES[h.tone] }] : [];
  });
  const title = isPrepare && layout.definition.scope === 'batch' ? batchTitleFormat() : undefined;
  return {
    columns: [
      { index: COL.changed, width: 60 },
      { index: COL.markForDeletion, width: 100 },
      { index: COL.status, width: 100 },
      ...layout.dataColumns.map((c) => ({
        index: c.index,
        width: (c.width ?? 14) * 7,
        hidden: c.hidden,
        numberFormat: c.type === 'date' ? excelDateFormat(layout.locale) : c.type === 'text' ? '@' : undefined,
      })),
      // Text format keeps a key or fingerprint such as "1e10" from being read as a number.
      ...[layout.key, layout.original, layout.errors].map((index) => ({ index, hidden: true, numberFormat: '@' })),
      { index: layout.version, hidden: true },
    ],
    dataRows: all,
    unlocked: [...unlocked, ...(title?.unlocked ?? [])],
    shaded: isPrepare ? [...shaded, { row: HEADER_ROW, column: 0, rowCount: 1, columnCount: layout.width, fill: HEADER_FILL }, ...(title?.shaded ?? [])] : shaded,
    bold: isPrepare ? [{ row: TITLE_ROW, column: 0, rowCount: 2, columnCount: layout.width }] : [],
    validations: [...validations, ...(title?.validations ?? [])],
    conditionalFills: [
      ...FAILED_STATUSES.map((equals) => ({ ...statusArea, equals, ...TONES.bad })),
      ...['Inserted', 'Updated', 'Deleted'].map((equals) => ({ ...statusArea, equals, ...TONES.good })),
      ...highlights,
    ],
    textCells: title?.textCells,
    outlined: title?.outlined,
    freezeRows: isPrepare ? 2 : undefined,
  };
}
