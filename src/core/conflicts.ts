/**
 * Conflicts cell by cell (issue 10): a row someone else changed or deleted since download shows, per column, what the
 * user typed, what was downloaded and what the server holds now; the user keeps theirs or takes the server's.
 * Pure: the server's current record travels in the row's hidden Errors cell, beside the Conflict message.
 */
import type { CellValue, DownloadedRow } from '../contract/api';
import type { HostCellValue } from '../excel/workbook-host';
import { formatIsoForLocale } from './dates';
import { CONFLICT, readErrorsCell } from './errors-cell';
import { normaliseValue } from './fingerprint';
import { COL, toSheetRow, type Layout, type LayoutColumn, type SheetRow } from './sheet-layout';

export interface ConflictCell {
  column: string;
  header: string;
  /** As the user typed it, as downloaded, and as the server holds it now ('' when the record is gone). */
  mine: string;
  downloaded: string;
  theirs: string;
  changedByMe: boolean;
  changedByThem: boolean;
}

export interface ConflictView {
  row: number;
  excelRow: number;
  key: string;
  /** Who the row is about (its identifying columns), for the heading: "P10002 Jamal Ivanova". */
  label: string;
  /** Someone deleted the record: Take theirs removes the row, Keep mine enters it again as a new record. */
  deleted: boolean;
  message: string;
  cells: ConflictCell[];
}

const same = (a: CellValue, b: CellValue) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

function shown(column: LayoutColumn, value: CellValue, locale: string): string {
  if (value === null || value === undefined) return '';
  if (column.type === 'date' && typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return formatIsoForLocale(value, locale);
  return String(value);
}

/** A tracked column's value as downloaded (its hidden copy); other columns cannot be edited, so the cell is the download. */
function downloadedValue(layout: Layout, row: SheetRow, column: LayoutColumn): CellValue {
  const copy = layout.tracked.findIndex((c) => c.key === column.key);
  return copy < 0 ? row.values[column.key] : normaliseValue(column, row.cells[layout.firstCopy + copy], layout.locale);
}

/** The conflict of a row, when its status is Conflict and the server sent its current record. */
export function conflictView(layout: Layout, row: SheetRow): ConflictView | undefined {
  if (row.status !== CONFLICT || !row.key) return undefined;
  const { errors, current } = readErrorsCell(row.cells[layout.errors]);
  if (current === undefined) return undefined;
  const cells = layout.dataColumns
    .filter((c) => !c.hidden)
    .map((c): ConflictCell => {
      const mine = row.values[c.key];
      const downloaded = downloadedValue(layout, row, c);
      const theirs = current ? (current.values[c.key] ?? null) : null;
      return {
        column: c.key,
        header: c.header,
        mine: shown(c, mine, layout.locale),
        downloaded: shown(c, downloaded, layout.locale),
        theirs: shown(c, theirs, layout.locale),
        changedByMe: !same(mine, downloaded),
        changedByThem: current !== null && !same(theirs, downloaded),
      };
    })
    // Every column either side changed; the editable ones too when nothing else shows.
    .filter((cell, _, all) => cell.changedByMe || cell.changedByThem || !all.some((x) => x.changedByMe || x.changedByThem));
  const label = layout.dataColumns
    .filter((c) => c.identifying)
    .map((c) => shown(c, row.values[c.key], layout.locale))
    .filter(Boolean)
    .join(' ');
  return { row: row.row, excelRow: row.row + 1, key: row.key, label, deleted: current === null, message: errors.map((e) => e.message).join(' '), cells };
}

/** The server's record of a conflicting row (null: deleted); undefined when the row is no conflict the pane can resolve. */
export function conflictCurrent(layout: Layout, row: SheetRow): DownloadedRow | null | undefined {
  if (row.status !== CONFLICT) return undefined;
  return readErrorsCell(row.cells[layout.errors]).current;
}

/**
 * Keep mine: the row on the server's current version, holding the server's values with the user's own edits on top
 * (a column the user did not change takes the other user's value, so their change is not undone unseen).
 * Deleted on the server: the row becomes a new record (no key), so the next upload enters it again.
 */
export function keepMineCells(layout: Layout, row: SheetRow, current: DownloadedRow | null): HostCellValue[] {
  if (current === null) {
    const cells = [...row.cells];
    while (cells.length < layout.width) cells.push('');
    for (const at of [COL.status, layout.key, layout.version, layout.original, layout.errors]) cells[at] = '';
    layout.tracked.forEach((_, i) => (cells[layout.firstCopy + i] = ''));
    return cells;
  }
  const cells = toSheetRow(layout, current);
  for (const c of layout.tracked) {
    if (c.editable && !same(row.values[c.key], downloadedValue(layout, row, c))) cells[c.index] = row.cells[c.index] ?? '';
  }
  return cells;
}

/** Take theirs: the row as the server holds it now, no mark; a deleted record's row says Deleted and is skipped from now on. */
export function takeTheirsCells(layout: Layout, row: SheetRow, current: DownloadedRow | null): HostCellValue[] {
  if (current !== null) return toSheetRow(layout, current);
  const cells = [...row.cells];
  while (cells.length < layout.width) cells.push('');
  cells[COL.status] = 'Deleted';
  cells[COL.markForDeletion] = '';
  cells[layout.errors] = '';
  // Back to the downloaded values: the edits went nowhere, and the row no longer shows a change.
  layout.tracked.forEach((c, i) => (cells[c.index] = cells[layout.firstCopy + i]));
  return cells;
}
