/**
 * Finding the rows an action needs without reading the whole sheet: first each row's marks (the Changed formula's
 * answer, Mark for Deletion, Status, whether it has a version, and a batch line's outcome), a few bytes a row; then
 * only the rows those marks pick, whole, in blocks sized by what they measure.
 */
import { COL, FAILED_STATUSES, FIRST_DATA_ROW, readSheetRow, type Layout, type SheetRow } from '../core/sheet-layout';
import type { WorkbookHost } from '../excel/workbook-host';
import { readRuns, runsOf, type ColumnSpan } from './block-reader';
import type { ProgressListener } from './engine-types';

export interface RowMarks {
  row: number;
  /** The Changed formula marks the row: a tracked cell differs from its downloaded copy. */
  changed: boolean;
  marked: boolean;
  status: string;
  /** A row the server has carries its version; a new row, or a row inserted by hand, has none. */
  downloaded: boolean;
  /** Batch sheets: the line's outcome (e.g. ERROR), when the kind has one. */
  outcome?: string;
}

/** Bytes the marks of one row take: "✓", a short mark, a status, a version (what the engine writes there). */
const MARK_ROW_BYTES = 48;
/** The widest a text cell is taken to be before any row is read: 4,000 characters (the server's limit), 3 bytes each. */
const WIDE_CELL_BYTES = 12_000;
/** Rows this far apart are read as one run: reading the rows between costs less than another range. */
const RUN_GAP = 2;

/** What a whole row may take before any has been read: every data, copy and errors cell as wide as text can be. */
export function wideRowBytes(layout: Layout): number {
  return (layout.dataColumns.length + layout.tracked.length + 1) * WIDE_CELL_BYTES + layout.width * 8;
}

function markSpans(layout: Layout): ColumnSpan[] {
  const outcome = layout.definition.outcome ? layout.dataColumns.find((c) => c.key === layout.definition.outcome!.column) : undefined;
  return [{ column: COL.changed, columnCount: 3 }, { column: layout.version, columnCount: 1 }, ...(outcome ? [{ column: outcome.index, columnCount: 1 }] : [])];
}

/** The marks of data rows [FIRST_DATA_ROW, used). */
export async function readMarks(host: WorkbookHost, sheet: string, layout: Layout, used: number): Promise<RowMarks[]> {
  if (used <= FIRST_DATA_ROW) return [];
  const spans = markSpans(layout);
  const rows = await readRuns(host, sheet, [{ row: FIRST_DATA_ROW, rowCount: used - FIRST_DATA_ROW }], spans, { guessRowBytes: MARK_ROW_BYTES });
  return rows.map(({ row, cells: [changed, marked, status, version, outcome] }) => ({
    row,
    changed: String(changed ?? '').trim() !== '',
    marked: String(marked ?? '').trim() !== '',
    status: String(status ?? ''),
    downloaded: String(version ?? '').trim() !== '',
    ...(spans.length > 2 ? { outcome: String(outcome ?? '') } : {}),
  }));
}

/** Whole rows at these places, in blocks sized by what they measure. */
export async function readWholeRows(host: WorkbookHost, sheet: string, layout: Layout, rows: number[], onBlock?: (done: number) => void): Promise<SheetRow[]> {
  const wanted = new Set(rows);
  const read = await readRuns(host, sheet, runsOf(rows, RUN_GAP), [{ column: 0, columnCount: layout.width }], { guessRowBytes: wideRowBytes(layout), onBlock });
  return read.filter((r) => wanted.has(r.row)).map((r) => readSheetRow(layout, r.row, r.cells));
}

/** Marks that may need a row uploaded, or its stale status cleared: changed, failed, checked ("Will …"), or not from the server. */
export function mayUpload(m: RowMarks): boolean {
  return m.changed || !m.downloaded || FAILED_STATUSES.includes(m.status) || m.status.startsWith('Will ');
}

/**
 * The rows whose marks `want` picks (all their cells), after reading every row's marks; the marks come back too,
 * for what the action says about the rows it did not read.
 */
export async function rowsByMarks(host: WorkbookHost, sheet: string, layout: Layout, used: number, want: (m: RowMarks) => boolean, onProgress?: ProgressListener): Promise<{ rows: SheetRow[]; marks: RowMarks[] }> {
  const marks = await readMarks(host, sheet, layout, used);
  const picked = marks.filter(want).map((m) => m.row);
  const phase = 'Finding changed rows';
  onProgress?.({ phase, done: 0, total: picked.length });
  const rows = await readWholeRows(host, sheet, layout, picked, (done) => onProgress?.({ phase, done: Math.min(done, picked.length), total: picked.length }));
  return { rows, marks };
}
