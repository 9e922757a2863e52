/** Writing the server's per-row results back into the row's cells. */
import type { RowResult } from '../contract/api';
import type { HostCellValue } from '../excel/workbook-host';
import { CHANGED_MARK, COL, DELETED_FINGERPRINT, toSheetRow, type Layout, type SheetRow } from './sheet-layout';

export function applyResult(layout: Layout, row: SheetRow, result: RowResult): HostCellValue[] {
  if (result.status === 'Upload Failed' || result.status === 'Conflict') {
    // A failed row keeps its edits and its Changed mark, so the next upload sends it again.
    const cells = [...row.cells];
    cells[COL.changed] = CHANGED_MARK;
    cells[COL.status] = result.status;
    cells[layout.errors] = JSON.stringify(result.errors);
    return cells;
  }
  if (result.status === 'Deleted') {
    const cells = [...row.cells];
    cells[COL.changed] = '';
    cells[COL.status] = 'Deleted';
    cells[layout.original] = DELETED_FINGERPRINT;
    cells[layout.errors] = '';
    return cells;
  }
  if (result.key && result.version !== undefined && result.values) {
    const cells = toSheetRow(layout, { key: result.key, version: result.version, values: result.values }, result.status);
    cells[COL.markForDeletion] = row.cells[COL.markForDeletion] ?? '';
    return cells;
  }
  const cells = [...row.cells];
  cells[COL.changed] = '';
  cells[COL.status] = result.status;
  cells[layout.errors] = '';
  return cells;
}
