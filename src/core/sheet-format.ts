/**
 * The whole look and behaviour of a prepared sheet (or of rows added to it): locks, shading, dropdowns, status
 * colours, text formats, column widths, frozen panes and the AutoFilter.
 */
import type { CellArea, HostCellValue, ListValidation, SheetFormat } from '../excel/workbook-host';
import { batchTitleFormat } from './batch-cells';
import { excelDateFormat } from './dates';
import { COL, dataColumnByKey, DELETE_MARK, ENGINE_HEADERS, FAILED_STATUSES, FIRST_DATA_ROW, HEADER_ROW, headerText, TITLE_ROW, type Layout } from './sheet-layout';

const READ_ONLY_FILL = '#F2F2F2';
const HEADER_FILL = '#DDEBF7';
const TONES = { good: { fill: '#C6EFCE', fontColor: '#006100' }, bad: { fill: '#FFC7CE', fontColor: '#9C0006' } } as const;

/** Pixels per character of Excel's default font, near enough for column widths. */
const CHAR_PX = 7;
/** Characters the AutoFilter button takes at the right of a header cell. */
const FILTER_BUTTON_CHARS = 3;

/** A column wide enough for its header beside the filter button, and at least as wide as the kind asks (in characters). */
export function columnWidth(header: string, hint = 0): number {
  return Math.max(hint, header.length + FILTER_BUTTON_CHARS) * CHAR_PX;
}

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
      { index: COL.changed, width: columnWidth(ENGINE_HEADERS.changed) },
      { index: COL.markForDeletion, width: columnWidth(ENGINE_HEADERS.markForDeletion) },
      { index: COL.status, width: columnWidth(ENGINE_HEADERS.status, 'Upload Failed'.length + 2) },
      ...layout.dataColumns.map((c) => ({ index: c.index, width: columnWidth(headerText(c), c.width ?? 14), hidden: c.hidden, numberFormat: numberFormatOf(layout, c.type) })),
      // Text format keeps a key or fingerprint such as "1e10" from being read as a number.
      ...[layout.key, layout.original, layout.errors].map((index) => ({ index, hidden: true, numberFormat: '@' })),
      { index: layout.version, hidden: true },
      // The copies hold the downloaded values as the cells do, so they take the same formats.
      ...layout.tracked.map((c, i) => ({ index: layout.firstCopy + i, hidden: true, numberFormat: numberFormatOf(layout, c.type) })),
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
    // The title and headers come from the server: as text, "=…" or "-…" in them can never become a formula.
    textCells: isPrepare ? [{ row: TITLE_ROW, column: 0, rowCount: 2, columnCount: layout.width }, ...(title?.textCells ?? [])] : title?.textCells,
    outlined: title?.outlined,
    freezeRows: isPrepare ? 2 : undefined,
    freezeColumns: isPrepare ? layout.frozenColumns : undefined,
    // Applied before the sheet is protected: Excel lets people filter a protected sheet only then (allowAutoFilter).
    autoFilter: isPrepare ? { row: HEADER_ROW, column: 0, rowCount: 1 + all.rowCount, columnCount: layout.width } : undefined,
  };
}

/**
 * Server text goes into Text cells ("@"): Excel takes text written into a General cell that starts with =, +, - or @
 * as a formula. Dates get the user's date format; numbers stay General (they are written as numbers, never as text).
 */
function numberFormatOf(layout: Layout, type: Layout['dataColumns'][number]['type']): string | undefined {
  return type === 'date' ? excelDateFormat(layout.locale) : type === 'text' ? '@' : undefined;
}

/** A sheet of plain text cells over a block of values (the lists sheet): nothing locked, shaded or validated. */
export function textSheetFormat(values: HostCellValue[][]): SheetFormat {
  const area = { row: 0, column: 0, rowCount: values.length, columnCount: Math.max(1, ...values.map((r) => r.length)) };
  return { columns: [], dataRows: { row: 0, rowCount: 0 }, unlocked: [], validations: [], textCells: [area] };
}
