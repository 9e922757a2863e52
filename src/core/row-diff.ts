/** Which rows to upload, found by comparing each row with its downloaded fingerprint (events are only a hint). */
import type { UploadRow } from '../contract/api';
import { currentFingerprint, DELETED_FINGERPRINT, type Layout, type SheetRow } from './sheet-layout';

export type RowClass = 'empty' | 'unchanged' | 'insert' | 'update' | 'deleted';

export function classifyRow(layout: Layout, row: SheetRow): RowClass {
  if (row.original === DELETED_FINGERPRINT || row.status === 'Deleted') return 'deleted';
  if (!row.key) {
    const entered = layout.dataColumns.some((c) => (c.enterable || c.editable) && row.values[c.key] !== null);
    return entered ? 'insert' : 'empty';
  }
  return currentFingerprint(layout, row) === row.original ? 'unchanged' : 'update';
}

/** The row as the server wants it. On updates only editable columns go: edits elsewhere are not uploaded (seed). */
export function toUploadRow(layout: Layout, row: SheetRow, op: 'insert' | 'update' | 'delete'): UploadRow {
  if (op === 'delete') return { rowId: row.row, op, key: row.key, version: row.version, values: {} };
  const columns = layout.dataColumns.filter((c) => (op === 'insert' ? c.enterable || c.editable : c.editable));
  const values = Object.fromEntries(columns.map((c) => [c.key, row.values[c.key] ?? null]));
  return op === 'insert' ? { rowId: row.row, op, values } : { rowId: row.row, op, key: row.key, version: row.version, values };
}

/** Rows that Upload sends: changed or new, and not waiting to be deleted. */
export function rowsToUpload(layout: Layout, rows: SheetRow[]): Array<{ row: SheetRow; upload: UploadRow }> {
  const result = [];
  for (const row of rows) {
    if (row.marked) continue;
    const kind = classifyRow(layout, row);
    if (kind === 'insert' || kind === 'update') result.push({ row, upload: toUploadRow(layout, row, kind) });
  }
  return result;
}

/** Rows that Delete Marked Rows sends: marked rows the server has; marked new rows only need clearing. */
export function rowsToDelete(layout: Layout, rows: SheetRow[]): { send: Array<{ row: SheetRow; upload: UploadRow }>; clear: SheetRow[] } {
  const send = [];
  const clear = [];
  for (const row of rows) {
    if (!row.marked || classifyRow(layout, row) === 'deleted') continue;
    if (row.key) send.push({ row, upload: toUploadRow(layout, row, 'delete') });
    else clear.push(row);
  }
  return { send, clear };
}
