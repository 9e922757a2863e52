/**
 * The generic sheet layout of every workbook kind: row 0 the title, row 1 the headers, data from row 2.
 * Columns: Changed, Mark for Deletion, Status, the kind's columns, then hidden Key, Version, Original, Errors.
 */
import type { CellValue, ColumnDefinition, DownloadedRow, RowError, WorkbookDefinition } from '../contract/api';
import type { CellArea, HostCellValue, SheetFormat } from '../excel/workbook-host';
import { excelDateFormat, formatIsoForLocale, isoToSerial, readDate, serialToIso } from './dates';
import { fingerprint } from './fingerprint';

export const TITLE_ROW = 0;
export const HEADER_ROW = 1;
export const FIRST_DATA_ROW = 2;
/** Blank rows below the data where new records can be entered. */
export const ENTRY_ROWS = 500;
export const CHANGED_MARK = '✓';
export const DELETE_MARK = 'X';
export const DELETED_FINGERPRINT = 'deleted';

export const COL = { changed: 0, markForDeletion: 1, status: 2, firstData: 3 } as const;

export interface Layout {
  definition: WorkbookDefinition;
  locale: string;
  dataColumns: Array<ColumnDefinition & { index: number }>;
  key: number;
  version: number;
  original: number;
  errors: number;
  width: number;
}

export function createLayout(definition: WorkbookDefinition, locale: string): Layout {
  const dataColumns = definition.columns.map((c, i) => ({ ...c, index: COL.firstData + i }));
  const key = COL.firstData + dataColumns.length;
  return { definition, locale, dataColumns, key, version: key + 1, original: key + 2, errors: key + 3, width: key + 4 };
}

export function headerText(column: ColumnDefinition): string {
  return column.required ? `*${column.header}` : column.header;
}

export function titleRows(layout: Layout, effectiveDate: string): HostCellValue[][] {
  const title = Array<HostCellValue>(layout.width).fill('');
  title[0] = `${layout.definition.title} — Session effective date: ${formatIsoForLocale(effectiveDate, layout.locale)}`;
  const headers = ['Changed', 'Mark for Deletion', 'Status', ...layout.dataColumns.map(headerText), 'Key', 'Version', 'Original', 'Errors'];
  return [title, headers];
}

/** The values that count as the user's edits: editable and enterable columns, normalised (dates as ISO). */
function trackedValues(layout: Layout, read: (c: ColumnDefinition & { index: number }) => CellValue): CellValue[] {
  return layout.dataColumns.filter((c) => c.editable || c.enterable).map(read);
}

function toCell(column: ColumnDefinition, value: CellValue | undefined): HostCellValue {
  if (value === null || value === undefined) return '';
  if (column.type === 'date' && typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return isoToSerial(value);
  return value;
}

/** A downloaded (or just saved) row as sheet values, with its fingerprint. */
export function toSheetRow(layout: Layout, row: DownloadedRow, status = ''): HostCellValue[] {
  const cells = Array<HostCellValue>(layout.width).fill('');
  cells[COL.status] = status;
  for (const c of layout.dataColumns) cells[c.index] = toCell(c, row.values[c.key]);
  cells[layout.key] = row.key;
  cells[layout.version] = row.version;
  cells[layout.original] = fingerprint(trackedValues(layout, (c) => normalise(c, row.values[c.key] ?? null, layout.locale)));
  return cells;
}

function normalise(column: ColumnDefinition, value: HostCellValue | CellValue, locale: string): CellValue {
  if (value === '' || value === null || value === undefined) return null;
  if (column.type === 'date') {
    if (typeof value === 'number') return serialToIso(value);
    const reading = readDate(String(value), locale);
    return reading.ok ? reading.iso : reading.typed;
  }
  return typeof value === 'string' ? value.trim() : value;
}

export interface SheetRow {
  row: number;
  changed: boolean;
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
  for (const c of layout.dataColumns) values[c.key] = normalise(c, cells[c.index] ?? '', layout.locale);
  let errors: RowError[] = [];
  try {
    const raw = String(cells[layout.errors] ?? '');
    errors = raw ? (JSON.parse(raw) as RowError[]) : [];
  } catch {
    errors = [];
  }
  const version = cells[layout.version];
  return {
    row,
    changed: String(cells[COL.changed] ?? '') !== '',
    marked: String(cells[COL.markForDeletion] ?? '').trim() !== '',
    status: String(cells[COL.status] ?? ''),
    key: String(cells[layout.key] ?? ''),
    version: typeof version === 'number' ? version : version === '' ? undefined : Number(version),
    original: String(cells[layout.original] ?? ''),
    errors,
    values,
    cells,
  };
}

/** Fingerprint of the row as it is now. */
export function currentFingerprint(layout: Layout, row: SheetRow): string {
  return fingerprint(trackedValues(layout, (c) => row.values[c.key] ?? null));
}

export function dataColumnByKey(layout: Layout, key: string | undefined) {
  return layout.dataColumns.find((c) => c.key === key);
}

/** Where a kind's list of values lives on the hidden lists sheet. */
export interface ListSource {
  name: string;
  values: string[];
}

export function listsSheetName(definition: WorkbookDefinition): string {
  return `${definition.title.slice(0, 24)} Lists`;
}

export function listsSheetValues(lists: Record<string, string[]>): { names: string[]; values: HostCellValue[][] } {
  const names = Object.keys(lists).sort();
  const height = Math.max(1, ...names.map((n) => lists[n].length));
  const values = Array.from({ length: height }, (_, r) => names.map((n) => lists[n][r] ?? ''));
  return { names, values };
}

function letters(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

const READ_ONLY_FILL = '#F2F2F2';

/** The whole look and behaviour of a prepared sheet: locks, shading, dropdowns, status colours. */
export function sheetFormat(layout: Layout, dataRowCount: number, lists: Record<string, string[]>): SheetFormat {
  const rowCount = dataRowCount + ENTRY_ROWS;
  const dataRows = { row: FIRST_DATA_ROW, rowCount };
  const existing = { row: FIRST_DATA_ROW, rowCount: Math.max(dataRowCount, 0) };
  const entry = { row: FIRST_DATA_ROW + dataRowCount, rowCount: ENTRY_ROWS };
  const area = (rows: { row: number; rowCount: number }, column: number): CellArea => ({ ...rows, column, columnCount: 1 });
  const unlocked: CellArea[] = [area(dataRows, COL.markForDeletion)];
  const shaded: SheetFormat['shaded'] = [];
  for (const c of layout.dataColumns) {
    if (c.editable) unlocked.push(area(dataRows, c.index));
    else if (c.enterable) {
      if (existing.rowCount > 0) shaded.push({ ...area(existing, c.index), fill: READ_ONLY_FILL });
      unlocked.push(area(entry, c.index));
    } else shaded.push({ ...area(dataRows, c.index), fill: READ_ONLY_FILL });
  }
  const { names } = listsSheetValues(lists);
  const listSheet = listsSheetName(layout.definition).replace(/'/g, "''");
  const validations = layout.dataColumns
    .filter((c) => c.list && lists[c.list])
    .map((c) => {
      const col = letters(names.indexOf(c.list as string));
      return { ...area(dataRows, c.index), source: `='${listSheet}'!$${col}$1:$${col}$${Math.max(1, lists[c.list as string].length)}` };
    });
  const statusArea = area(dataRows, COL.status);
  return {
    columns: [
      { index: COL.changed, width: 60 },
      { index: COL.markForDeletion, width: 100 },
      { index: COL.status, width: 100 },
      ...layout.dataColumns.map((c) => ({ index: c.index, width: (c.width ?? 14) * 7, hidden: c.hidden, numberFormat: c.type === 'date' ? excelDateFormat(layout.locale) : c.type === 'text' ? '@' : undefined })),
      ...[layout.key, layout.version, layout.original, layout.errors].map((index) => ({ index, hidden: true })),
    ],
    dataRows,
    unlocked,
    shaded: [...shaded, { row: HEADER_ROW, column: 0, rowCount: 1, columnCount: layout.width, fill: '#DDEBF7' }],
    bold: [{ row: TITLE_ROW, column: 0, rowCount: 2, columnCount: layout.width }],
    validations,
    conditionalFills: [
      ...['Upload Failed', 'Conflict'].map((equals) => ({ ...statusArea, equals, fill: '#FFC7CE', fontColor: '#9C0006' })),
      ...['Inserted', 'Updated', 'Deleted'].map((equals) => ({ ...statusArea, equals, fill: '#C6EFCE', fontColor: '#006100' })),
    ],
    freezeRows: 2,
  };
}
