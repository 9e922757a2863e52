/**
 * Check: the changed rows (and those marked for deletion) go to the server in a dry run, and each gets the status
 * the upload would give it ("Will update", "Will fail: …") in its Status cell. Nothing else in the sheet changes:
 * the rows keep their edits and Changed marks, and nothing is saved.
 */
import { MAX_ROWS_PER_CHUNK, type CheckResult, type UploadRequest } from '../contract/api';
import type { ApiClient } from '../api/api-client';
import { isPredictedWarning, predictedStatus } from '../core/check-status';
import { chunk } from '../core/chunk';
import { planUpload, rowsToDelete, type UploadItem } from '../core/row-diff';
import { COL, headerOf, type Layout, type SheetRow } from '../core/sheet-layout';
import type { HostCellValue } from '../excel/workbook-host';
import type { FailedRow, ProgressListener, SheetInfo } from './engine-types';
import { cancelRequested } from './progress';
import { locateRows, type SheetReader } from './row-locator';

export interface CheckSummary {
  willInsert: number;
  willUpdate: number;
  willDelete: number;
  willFail: number;
  /** Rows that would be saved but fail in the batch process (batch sheets). */
  failInProcessing: number;
  failedRows: FailedRow[];
  /** Rows an upload would save with a warning (a plan switched between X of Salary and % of Salary), with it. */
  warnedRows: FailedRow[];
  /** Rows not checked because Cancel was clicked (Cancel stops before the next chunk; checked rows keep their statuses). */
  notChecked: number;
}

/** What Check needs of the engine. */
export interface CheckContext {
  api: ApiClient;
  writableLayout(sheet: string, action: string): Promise<{ info: SheetInfo; layout: Layout }>;
  uploadTarget(info: SheetInfo, action: string): Promise<Pick<UploadRequest, 'effectiveDate' | 'batchName' | 'auditLog' | 'filter'>>;
  readRows(sheet: string, layout: Layout, onProgress?: ProgressListener): Promise<SheetRow[]>;
  reader(sheet: string, layout: Layout): SheetReader;
  writeRows(sheet: string, layout: Layout, cellsByRow: Map<number, HostCellValue[]>): Promise<void>;
}

export function checkAction(ctx: CheckContext) {
  return {
    async checkChanges(sheet: string, onProgress?: ProgressListener, signal?: AbortSignal): Promise<CheckSummary> {
      const { info, layout } = await ctx.writableLayout(sheet, 'check changes');
      const target = await ctx.uploadTarget(info, 'check');
      const rows = await ctx.readRows(sheet, layout, onProgress);
      const items: UploadItem[] = [...planUpload(layout, rows).send, ...rowsToDelete(layout, rows).send];
      const results = new Map<number, CheckResult>();
      const phase = 'Checking rows';
      onProgress?.({ phase, done: 0, total: items.length });
      for (const piece of chunk(items, MAX_ROWS_PER_CHUNK)) {
        if (cancelRequested(signal)) break; // between chunks, never inside one: the rows not sent keep their cells
        const response = await ctx.api.check(info.kind, { ...target, rows: piece.map((p) => p.upload) });
        for (const result of response.results) results.set(result.rowId, result);
        onProgress?.({ phase, done: results.size, total: items.length });
      }
      // Each row is written where it is now (found by its key), with its cells as read: only Status and the errors change.
      const where = await locateRows(ctx.reader(sheet, layout), layout, items.map((i) => i.row));
      const cellsByRow = new Map<number, HostCellValue[]>();
      const summary: CheckSummary = { willInsert: 0, willUpdate: 0, willDelete: 0, willFail: 0, failInProcessing: 0, failedRows: [], warnedRows: [], notChecked: items.length - results.size };
      for (const { row } of items) {
        const result = results.get(row.row);
        const at = where.get(row.row);
        if (!result || at === undefined) continue;
        const { status, errors } = predictedStatus(result);
        const cells = [...row.cells];
        cells[COL.status] = status;
        cells[layout.errors] = errors.length ? JSON.stringify(errors) : '';
        cellsByRow.set(at, cells);
        if (result.status === 'Inserted') summary.willInsert++;
        else if (result.status === 'Updated') summary.willUpdate++;
        else if (result.status === 'Deleted') summary.willDelete++;
        else summary.willFail++;
        if (errors.length > 0) {
          const listed = { row: at, excelRow: at + 1, ...(row.key ? { key: row.key } : {}), status, errors: errors.map((e) => ({ ...e, header: headerOf(layout, e.column) })) };
          if (isPredictedWarning(status)) summary.warnedRows.push(listed);
          else {
            if (!result.errors.length) summary.failInProcessing++;
            summary.failedRows.push(listed);
          }
        }
      }
      await ctx.writeRows(sheet, layout, cellsByRow);
      summary.failedRows.sort((a, b) => a.row - b.row);
      summary.warnedRows.sort((a, b) => a.row - b.row);
      return summary;
    },
  };
}
