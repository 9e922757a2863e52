/** Writing the server's per-row results back into the row's cells. */
import type { RowResult } from '../contract/api';
import type { HostCellValue } from '../excel/workbook-host';
import { errorsCellValue } from './errors-cell';
import { COL, currentFingerprint, FAILED_STATUSES, toSheetRow, withCopies, type Layout, type SheetRow } from './sheet-layout';

/** The row's cells after the server answered for it. */
export function applyResult(layout: Layout, row: SheetRow, result: RowResult): HostCellValue[] {
  const cells = [...row.cells];
  while (cells.length < layout.width) cells.push('');
  if (FAILED_STATUSES.includes(result.status)) {
    // A failed row keeps its edits (so its Changed formula still marks it), and the next upload sends it again.
    cells[COL.status] = result.status;
    cells[layout.errors] = errorsCellValue(result); // a Conflict keeps the server's record beside its message
    return cells;
  }
  if (result.status !== 'Deleted' && result.key && result.version !== undefined && result.values) {
    // Saved: the row as the server now holds it (an inserted row gains its key and looked-up values such as the name).
    const saved = toSheetRow(layout, { key: result.key, version: result.version, values: result.values }, result.status);
    saved[COL.markForDeletion] = row.cells[COL.markForDeletion] ?? '';
    // Saved with warnings: the Errors cell keeps them, so selecting the row shows them (its status stays Updated).
    if (result.warnings?.length) saved[layout.errors] = JSON.stringify(result.warnings);
    return saved;
  }
  cells[COL.status] = result.status;
  cells[layout.errors] = '';
  withCopies(layout, cells); // what the row holds is now what the server has: no Changed mark
  if (result.status !== 'Deleted') {
    // Saved, but the server sent no values back: what the sheet holds is now the saved state.
    cells[layout.key] = result.key ?? row.key;
    cells[layout.version] = result.version ?? row.version ?? '';
    cells[layout.original] = currentFingerprint(layout, row);
  }
  return cells;
}

/**
 * A row whose edits were undone, or changed nothing once read as the server reads it ("Executives " for
 * "Executives"): the copies take its cells so the Changed formula clears, and a stale failure no longer applies.
 */
export function clearedRow(row: SheetRow, layout: Layout): HostCellValue[] | undefined {
  // A prediction of Check ("Will update") no longer holds once the edit is undone either.
  const failed = FAILED_STATUSES.includes(row.status) || row.status.startsWith('Will ');
  if (!row.changed && !failed) return undefined;
  const cells = withCopies(layout, [...row.cells]);
  if (failed) {
    cells[COL.status] = '';
    cells[layout.errors] = '';
  }
  return cells;
}
