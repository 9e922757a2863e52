/** The hidden Errors cell of a row: the errors of its last upload, and for a Conflict the server's record beside them. */
import type { DownloadedRow, RowError, RowResult } from '../contract/api';
import type { HostCellValue } from '../excel/workbook-host';

export const CONFLICT = 'Conflict';

/** What the hidden Errors cell holds after a result: its errors, and for a Conflict the server's record (null: deleted). */
export function errorsCellValue(result: Pick<RowResult, 'status' | 'errors' | 'current'>): string {
  if (result.status === CONFLICT && result.current !== undefined) return JSON.stringify({ errors: result.errors, current: result.current });
  return JSON.stringify(result.errors);
}

/** The Errors cell read back: the errors, and the server's record a Conflict came with (undefined when it came with none). */
export function readErrorsCell(raw: HostCellValue | undefined): { errors: RowError[]; current?: DownloadedRow | null } {
  const text = String(raw ?? '');
  if (!text) return { errors: [] };
  try {
    const parsed: unknown = JSON.parse(text);
    if (Array.isArray(parsed)) return { errors: parsed as RowError[] };
    const stored = parsed as { errors?: RowError[]; current?: DownloadedRow | null };
    return { errors: Array.isArray(stored?.errors) ? stored.errors : [], ...(stored && 'current' in stored ? { current: stored.current ?? null } : {}) };
  } catch {
    return { errors: [{ message: text }] };
  }
}
