/** Which rows to upload, found by comparing each row with its downloaded fingerprint (change events are only a hint). */
import type { UploadRow } from '../contract/api';
import { currentFingerprint, FIRST_DATA_ROW, type Layout, type SheetRow } from './sheet-layout';

/**
 * - empty: nothing entered (also a new row with only its Changed or deletion cells filled)
 * - unchanged: downloaded, and its editable values are as downloaded
 * - insert / update: to upload
 * - deleted: already deleted on the server (Status says Deleted); skipped by every later upload
 */
export type RowClass = 'empty' | 'unchanged' | 'insert' | 'update' | 'deleted';

export function classifyRow(layout: Layout, row: SheetRow): RowClass {
  if (row.status === 'Deleted') return 'deleted';
  if (!row.key) return layout.tracked.some((c) => row.values[c.key] !== null) ? 'insert' : 'empty';
  return currentFingerprint(layout, row) === row.original ? 'unchanged' : 'update';
}

/** The row as the server wants it. On updates only editable columns go: seed: "edits in other columns are not uploaded". */
export function toUploadRow(layout: Layout, row: SheetRow, op: 'insert' | 'update' | 'delete'): UploadRow {
  if (op === 'delete') return { rowId: row.row, op, key: row.key, version: row.version, values: {} };
  const columns = layout.dataColumns.filter((c) => (op === 'insert' ? c.enterable || c.editable : c.editable));
  const values = Object.fromEntries(columns.map((c) => [c.key, row.values[c.key] ?? null]));
  return op === 'insert' ? { rowId: row.row, op, values } : { rowId: row.row, op, key: row.key, version: row.version, values };
}

export interface UploadItem {
  row: SheetRow;
  upload: UploadRow;
}

export interface UploadPlan {
  send: UploadItem[];
  /** Downloaded rows with nothing to send (their edits undone, or never edited). */
  unchanged: SheetRow[];
  /** Changed rows left alone because they are marked for deletion. */
  pendingDeletion: SheetRow[];
}

function dataRows(rows: SheetRow[]): SheetRow[] {
  return rows.filter((r) => r.row >= FIRST_DATA_ROW);
}

/** What Upload does with each row: changed or new rows go, rows waiting to be deleted do not. */
export function planUpload(layout: Layout, rows: SheetRow[]): UploadPlan {
  const plan: UploadPlan = { send: [], unchanged: [], pendingDeletion: [] };
  for (const row of dataRows(rows)) {
    const kind = classifyRow(layout, row);
    if (kind === 'unchanged') plan.unchanged.push(row);
    if (kind !== 'insert' && kind !== 'update') continue;
    if (row.marked) plan.pendingDeletion.push(row);
    else plan.send.push({ row, upload: toUploadRow(layout, row, kind) });
  }
  return plan;
}

/** Rows that Upload sends. */
export function rowsToUpload(layout: Layout, rows: SheetRow[]): UploadItem[] {
  return planUpload(layout, rows).send;
}

/** Rows that Delete Marked Rows sends: marked rows the server has; marked new rows only need clearing. */
export function rowsToDelete(layout: Layout, rows: SheetRow[]): { send: UploadItem[]; clear: SheetRow[] } {
  const send: UploadItem[] = [];
  const clear: SheetRow[] = [];
  for (const row of dataRows(rows)) {
    if (!row.marked || classifyRow(layout, row) === 'deleted') continue;
    if (row.key) send.push({ row, upload: toUploadRow(layout, row, 'delete') });
    else clear.push(row);
  }
  return { send, clear };
}
