/** Upload and Delete marked rows: sending rows in chunks, writing each answered row back where it is now, the summary. */
import { MAX_ROWS_PER_CHUNK, type RowResult, type UploadRequest } from '../contract/api';
import type { ApiClient } from '../api/api-client';
import { chunk } from '../core/chunk';
import type { UploadItem } from '../core/row-diff';
import { FAILED_STATUSES, headerOf, type Layout, type SheetRow } from '../core/sheet-layout';
import { applyResult } from '../core/upload-results';
import { localiseDates, withoutHeader } from '../core/error-text';
import type { HostCellValue, WorkbookHost } from '../excel/workbook-host';
import { markRows } from './cell-errors';
import { cancelRequested } from './progress';
import type { FailedRow, ProgressListener, SheetInfo, UploadSummary } from './engine-types';
import { locateRows } from './row-locator';
import type { SheetRows, WriteShape } from './sheet-rows';

/** What an upload chunk is for: the session effective date, or the batch (and whether to keep its audit log). */
export type UploadTarget = Pick<UploadRequest, 'effectiveDate' | 'batchName' | 'auditLog' | 'filter'>;

export function failedRow(layout: Layout, row: number, status: string, errors: SheetRow['errors'], key?: string): FailedRow {
  // Each error's text once named by its column, dates in the person's format (the pane shows `message`).
  const named = errors.map((e) => ({ ...e, header: headerOf(layout, e.column) }));
  return { row, excelRow: row + 1, ...(key ? { key } : {}), status, errors: named.map((e) => ({ ...e, message: localiseDates(withoutHeader(e.header, e.message), layout.locale) })) };
}

/** Answers by the rows' current places (`where`: sent row → current row). */
export function summarise(layout: Layout, results: Map<number, RowResult>, unchanged: number, where: Map<number, number>, keys: Map<number, string>): UploadSummary {
  const summary: UploadSummary = { inserted: 0, updated: 0, deleted: 0, failed: 0, unchanged, failedRows: [] };
  for (const result of results.values()) {
    if (result.warnings?.length) {
      const row = where.get(result.rowId) ?? result.rowId;
      summary.warnedRows = [...(summary.warnedRows ?? []), failedRow(layout, row, result.status, result.warnings, keys.get(result.rowId))];
    }
    if (result.status === 'Inserted') summary.inserted++;
    else if (result.status === 'Updated') summary.updated++;
    else if (result.status === 'Deleted') summary.deleted++;
    else {
      summary.failed++;
      const row = where.get(result.rowId) ?? result.rowId;
      summary.failedRows.push(failedRow(layout, row, result.status, result.errors, keys.get(result.rowId)));
    }
  }
  summary.failedRows.sort((a, b) => a.row - b.row);
  summary.warnedRows?.sort((a, b) => a.row - b.row);
  return summary;
}

/** `chunkRows`: rows per chunk when smaller than the server's limit (the preview page uses a few, to show Cancel). */
export function uploader(api: ApiClient, rows: SheetRows, host: WorkbookHost, chunkRows = MAX_ROWS_PER_CHUNK) {
  /** Sends the rows in chunks, in order; results of chunks already answered are kept when a later one fails. */
  async function send(info: SheetInfo, target: UploadTarget, items: UploadItem[], phase: string, results: Map<number, RowResult>, onProgress?: ProgressListener, signal?: AbortSignal): Promise<void> {
    let done = 0;
    onProgress?.({ phase, done, total: items.length });
    for (const piece of chunk(items, Math.min(chunkRows, MAX_ROWS_PER_CHUNK))) {
      if (cancelRequested(signal)) return; // after the chunk in flight, never inside one: unsent rows keep their marks
      // One key per chunk, made once: the client's retries resend it unchanged, so the server applies the chunk once.
      const response = await api.upload(info.kind, { idempotencyKey: crypto.randomUUID(), ...target, rows: piece.map((p) => p.upload) });
      for (const result of response.results) results.set(result.rowId, result);
      done += piece.length;
      onProgress?.({ phase, done, total: items.length });
    }
  }

  /**
   * Sends the items and writes each answered row back, even when a later chunk could not be sent. Every row is
   * written where it is now, found by its key (row-locator.ts), so hidden (filtered) rows get their status too.
   */
  async function sendAndWriteBack(info: SheetInfo, target: UploadTarget, layout: Layout, items: UploadItem[], extra: Array<{ row: SheetRow; cells: HostCellValue[] }>, phase: string, onProgress?: ProgressListener, usedBefore?: number, signal?: AbortSignal) {
    const { sheet } = info;
    const results = new Map<number, RowResult>();
    const where = new Map<number, number>();
    const reader = rows.reader(sheet, layout, usedBefore);
    const shapes = new Map<number, WriteShape>();
    try {
      await send(info, target, items, phase, results, onProgress, signal);
    } finally {
      const answered = items.filter(({ row }) => results.has(row.row));
      for (const [from, to] of await locateRows(reader, layout, [...answered.map((i) => i.row), ...extra.map((e) => e.row)])) where.set(from, to);
      const cellsByRow = new Map<number, HostCellValue[]>();
      const before = new Map<number, HostCellValue[]>(); // the cells as read: only those that change go back
      for (const { row, cells } of extra) {
        if (!where.has(row.row)) continue;
        cellsByRow.set(where.get(row.row)!, cells);
        before.set(where.get(row.row)!, row.cells);
        shapes.set(where.get(row.row)!, row.key ? 'fromStatus' : 'whole');
      }
      for (const { row } of answered) {
        if (!where.has(row.row)) continue;
        const result = results.get(row.row)!;
        cellsByRow.set(where.get(row.row)!, applyResult(layout, row, result));
        before.set(where.get(row.row)!, row.cells);
        shapes.set(where.get(row.row)!, FAILED_STATUSES.includes(result.status) ? 'statusAndErrors' : row.key ? 'fromStatus' : 'whole');
      }
      onProgress?.({ phase: 'Writing row statuses', done: 0, total: cellsByRow.size });
      await rows.writeRows(sheet, layout, cellsByRow, (row) => shapes.get(row) ?? 'whole', before);
      // Each failing cell marked with its message; marks of rows now saved, or no longer changed, cleared.
      const marked = [...answered.map(({ row }) => ({ before: row, result: results.get(row.row) })), ...extra.map(({ row }) => ({ before: row, result: undefined }))];
      await markRows(host, sheet, layout, marked.flatMap((m) => (where.has(m.before.row) ? [{ ...m, at: where.get(m.before.row)! }] : [])));
      onProgress?.({ phase: 'Writing row statuses', done: cellsByRow.size, total: cellsByRow.size });
    }
    const keys = new Map(items.filter((i) => i.row.key).map((i) => [i.row.row, i.row.key]));
    const notSent = items.length - items.filter(({ row }) => results.has(row.row)).length;
    return { results, where, keys, notSent, usedNow: reader.lastUsed ?? usedBefore ?? 0 };
  }

  return { sendAndWriteBack };
}
