/**
 * The generic workbook engine: prepare, change tracking, deletion, chunked upload, per-row status and errors.
 * It knows no workbook kind: everything kind-specific comes from the server's definition.
 * Excel is reached only through the WorkbookHost, one request per block of rows.
 * Prepare and download live in prepare.ts, sending and writing back in upload.ts, block reads and writes in
 * sheet-rows.ts, the sheet's stored settings in sheet-settings.ts; this file wires them into the pane's actions.
 */
import type { RowsResponse, WorkbookDefinition } from '../contract/api';
import type { RowSearch } from '../contract/row-search';
import { ApiError, type ApiClient } from '../api/api-client';
import { BATCH_INPUT_AREA, missingBatchNameMessage, readBatchInputs, type BatchInputs } from '../core/batch-cells';
import { readOnlyMessage } from '../core/read-only';
import { classifyRow, planUpload, rowsToDelete } from '../core/row-diff';
import { COL, createLayout, dataColumnByKey, DELETE_MARK, FIRST_DATA_ROW, readSheetRow, rowFailure, rowWarnings, type Layout } from '../core/sheet-layout';
import { clearedRow } from '../core/upload-results';
import type { HostCellValue, WorkbookHost } from '../excel/workbook-host';
import { failedRunMessage, followBatchRun, noBatchMessage } from './batch-run';
import { lifeEventActions } from './life-event-actions';
import type { ProgressListener, SheetInfo, UploadSummary, WorkbookEngine } from './engine-types';
import { conflictActions } from './conflicts';
import { checkAction } from './check';
import { failedRowsOnly } from './retry-failed';
import { suggestionAction } from './use-suggestion';
import { locateRows } from './row-locator';
import { PAGE_ROWS, preparer } from './prepare';
import { FORMAT_SETTING, parseSheetInfo, SHEET_SETTING, sheetSettings, type FormatState } from './sheet-settings';
import { mayUpload, rowsByMarks } from './changed-rows';
import { columnAreas, sheetRows, USED_FROM } from './sheet-rows';
import { failedRow, summarise, uploader, type UploadTarget } from './upload';
import { revertActions } from './revert';
import { pendingDeletion, withNotSent } from './upload-outcome';

export interface EngineOptions {
  host: WorkbookHost;
  api: ApiClient;
  /** The user's locale (navigator.language): dates are shown and read in its format. */
  locale?: string;
  /** How often a running batch process is asked how far it got. */
  pollMs?: number;
  /** Rows per upload chunk (the server's limit unless smaller: the preview page uses a few, to show Cancel on demo data). */
  chunkRows?: number;
}

export function createWorkbookEngine({ host, api, locale = 'en-US', pollMs = 1000, chunkRows }: EngineOptions): WorkbookEngine {
  let definitionsCache: Promise<WorkbookDefinition[]> | undefined;
  const settings = sheetSettings(host);
  const { sheetInfo, saveSheetInfo } = settings;
  const sheetRowsIo = sheetRows(host);
  const { readRange, readRows, writeRows, writeAreaBatches, reader } = sheetRowsIo;
  const { prepareInto, growIfNeeded } = preparer({ host, api, locale, rows: sheetRowsIo });
  const { sendAndWriteBack } = uploader(api, sheetRowsIo, host, chunkRows);

  function definitions(): Promise<WorkbookDefinition[]> {
    definitionsCache ??= api.workbooks().catch((error: unknown) => {
      definitionsCache = undefined; // a failed fetch is not remembered
      throw error;
    });
    return definitionsCache;
  }

  /** The Batch Name and Audit Log cells, in one read. */
  async function batchInputs(sheet: string): Promise<BatchInputs> {
    const [cells] = await host.readValues(sheet, BATCH_INPUT_AREA);
    return readBatchInputs(cells ?? []);
  }

  /** The batch cells of a batch sheet; an empty name stops the action (`action` says which, for the message). */
  async function requireBatch(info: SheetInfo, action: string): Promise<BatchInputs> {
    const inputs = await batchInputs(info.sheet);
    if (!inputs.batchName) throw new Error(missingBatchNameMessage(action));
    // Remembered, so the pane names the batch even before the cell is read again.
    if (inputs.batchName !== info.batchName) await saveSheetInfo({ ...info, batchName: inputs.batchName });
    return inputs;
  }

  async function uploadTarget(info: SheetInfo, action: string): Promise<UploadTarget> {
    if (info.scope !== 'batch') return { effectiveDate: info.effectiveDate, ...(info.filter ? { filter: info.filter } : {}) };
    const { batchName, auditLog } = await requireBatch(info, action);
    return { batchName, auditLog };
  }

  /** The first page of a batch's lines; the batch must exist (a sheet is never replaced by an empty one by mistake). */
  async function existingBatch(kind: string, batchName: string, search?: RowSearch): Promise<RowsResponse> {
    const page = await api.rows(kind, { batchName, search }, undefined, PAGE_ROWS);
    if (!page.batchExists) throw new Error(noBatchMessage(batchName));
    return page;
  }

  /** `stored`: the sheet's info when the caller has read it already (in one request with what it reads next). */
  async function layoutOf(sheet: string, stored?: { info: SheetInfo | undefined }): Promise<{ info: SheetInfo; layout: Layout }> {
    const info = stored ? stored.info : await sheetInfo(sheet);
    if (!info) throw new Error(`The sheet "${sheet}" is not a prepared Benefits Workbook sheet. Prepare one first.`);
    const definition = (await definitions()).find((d) => d.kind === info.kind);
    if (!definition) throw new Error(`The server no longer offers the workbook "${info.title}".`);
    return { info, layout: createLayout(definition, locale) };
  }

  /** Stops an action that would change a read-only sheet's records, saying why and where changes are made. */
  async function writableLayout(sheet: string, action: string, stored?: { info: SheetInfo | undefined }): Promise<{ info: SheetInfo; layout: Layout }> {
    const found = await layoutOf(sheet, stored);
    const message = readOnlyMessage(found.layout.definition, action);
    if (message) throw new Error(message);
    return found;
  }

  /** Finds every changed or new row (only the failed ones on a retry), uploads them, writes each row's status. */
  async function uploadRows(sheet: string, onProgress: ProgressListener | undefined, failedOnly: boolean, signal?: AbortSignal): Promise<UploadSummary> {
    // The sheet's info, its format and its used rows in one request.
    const [stored, format, used] = await host.readMany([{ setting: SHEET_SETTING + sheet }, { setting: FORMAT_SETTING + sheet }, { usedRows: sheet, fromColumn: USED_FROM }]);
    const { info, layout } = await writableLayout(sheet, 'upload changes', { info: parseSheetInfo(stored) });
    const target = await uploadTarget(info, 'upload');
    // The marks first, then only the rows they pick: changed, failed, or new.
    const { rows, marks } = await rowsByMarks(host, sheet, layout, used, mayUpload, onProgress);
    const all = planUpload(layout, rows);
    const plan = failedOnly ? failedRowsOnly(layout, all) : all;
    const undone = plan.unchanged.flatMap((row) => {
      const cells = clearedRow(row, layout);
      return cells ? [{ row, cells }] : [];
    });
    const untouched = marks.filter((m) => !mayUpload(m) && m.status !== 'Deleted').length;
    const sent = await sendAndWriteBack(info, target, layout, plan.send, undone, 'Uploading rows', onProgress, used, signal);
    await growIfNeeded(sheet, layout, format ? (JSON.parse(format) as FormatState) : undefined, sent.usedNow);
    const summary = summarise(layout, sent.results, plan.unchanged.length + untouched, sent.where, sent.keys);
    return withNotSent({ ...summary, ...pendingDeletion(layout, plan) }, sent.notSent);
  }

  const engine: WorkbookEngine = {
    definitions,
    batches: (kind) => api.batches(kind),

    async prepare(kind, scope, onProgress, signal) {
      const definition = (await definitions()).find((d) => d.kind === kind);
      if (!definition) throw new Error(`There is no workbook called "${kind}".`);
      // A batch name nobody used yet prepares an empty sheet with that name: the first upload creates the batch.
      const batchName = 'batchName' in scope ? scope.batchName?.trim() : undefined;
      return prepareInto(definition, 'effectiveDate' in scope ? scope : { batchName, search: scope.search }, onProgress, undefined, signal);
    },

    async activeSheetInfo() {
      const info = await sheetInfo(await host.activeSheet());
      if (info?.scope !== 'batch') return info;
      // The name as the Batch Name cell holds it now, typed since the last upload or not.
      const { batchName } = await batchInputs(info.sheet);
      return { ...info, batchName: batchName || undefined };
    },

    // The sheet's search (and filter) is kept: Download again brings the same rows, as they are now.
    async refresh(sheet, onProgress, signal) {
      const { info, layout } = await layoutOf(sheet);
      if (info.scope !== 'batch') return prepareInto(layout.definition, info, onProgress, undefined, signal);
      // seed: Download replaces the lines with the batch's, keeping what the user typed in the batch cells.
      const inputs = await requireBatch(info, 'download');
      return prepareInto(layout.definition, { ...inputs, search: info.search }, onProgress, await existingBatch(info.kind, inputs.batchName, info.search), signal);
    },

    async markSelectedRowsForDeletion(sheet) {
      const { layout } = await writableLayout(sheet, 'mark rows for deletion');
      const selection = await host.getSelection();
      // The pane names the sheet it acts on; rows selected on another one are not marked there.
      if (selection.sheet !== sheet) throw new Error(`Select the rows to delete on the sheet "${sheet}", then click Mark selected rows for deletion.`);
      const used = await host.usedRowCount(selection.sheet, USED_FROM);
      const selected = [...new Set(selection.rows)].filter((r) => r >= FIRST_DATA_ROW && r < used).sort((a, b) => a - b);
      if (selected.length === 0) return 0;
      const rows = await readRange(selection.sheet, layout, selected[0], selected[selected.length - 1] + 1);
      const wanted = new Set(selected);
      const marks = new Map<number, HostCellValue>();
      for (const row of rows) {
        const kind = classifyRow(layout, row);
        if (wanted.has(row.row) && kind !== 'empty' && kind !== 'deleted') marks.set(row.row, DELETE_MARK);
      }
      // Mark for Deletion is unlocked: written without lifting protection, so the user's undo stack is kept.
      await writeAreaBatches(selection.sheet, columnAreas(COL.markForDeletion, marks), true);
      return marks.size;
    },

    async countMarkedRows(sheet) {
      const { layout } = await layoutOf(sheet);
      const { send: toSend, clear } = rowsToDelete(layout, await readRows(sheet, layout));
      return toSend.length + clear.length;
    },

    async deleteMarkedRows(sheet, onProgress, signal) {
      const { info, layout } = await writableLayout(sheet, 'delete rows');
      const target = await uploadTarget(info, 'delete the marked rows');
      const used = await host.usedRowCount(sheet, USED_FROM);
      const { rows } = await rowsByMarks(host, sheet, layout, used, (m) => m.marked, onProgress);
      const { send: toSend, clear } = rowsToDelete(layout, rows);
      // A marked row the server never had is only cleared.
      const cleared = clear.map((row) => ({ row, cells: Array<HostCellValue>(layout.width).fill('') }));
      const sent = await sendAndWriteBack(info, target, layout, toSend, cleared, 'Deleting rows', onProgress, used, signal);
      return withNotSent(summarise(layout, sent.results, 0, sent.where, sent.keys), sent.notSent);
    },

    upload: (sheet, onProgress, signal) => uploadRows(sheet, onProgress, false, signal),
    retryFailedRows: (sheet, onProgress) => uploadRows(sheet, onProgress, true),
    ...checkAction({ api, writableLayout, uploadTarget, readRows, reader: (sheet, layout) => reader(sheet, layout), writeRows: (sheet, layout, cells) => writeRows(sheet, layout, cells) }),
    ...suggestionAction({ host, writableLayout, readRows, reader: (sheet, layout) => reader(sheet, layout) }),

    async processBatch(sheet, onProgress, signal) {
      const { info, layout } = await layoutOf(sheet);
      if (info.scope !== 'batch') throw new Error(`The workbook "${info.title}" has no batch to process.`);
      const inputs = await requireBatch(info, 'process the batch');
      // The process runs on the server's lines: edits still in the sheet would be lost by the download that follows.
      const unsent = planUpload(layout, await readRows(sheet, layout, onProgress)).send.length;
      if (unsent > 0) {
        throw new Error(`${unsent === 1 ? '1 row has changes that are' : `${unsent} rows have changes that are`} not uploaded. Upload them first, then process the batch.`);
      }
      // One key per click: a start resent by the client's retries answers the same run.
      const started = await api.startBatchJob(info.kind, inputs.batchName, { idempotencyKey: crypto.randomUUID() }).catch(noBatchWhen404(inputs.batchName));
      const job = await followBatchRun(api, info.kind, inputs.batchName, started, pollMs, onProgress, signal);
      if (job.status === 'failed') throw new Error(failedRunMessage(job));
      // The lines downloaded after the run stay within the sheet's search.
      await prepareInto(layout.definition, { ...inputs, search: info.search }, onProgress, await existingBatch(info.kind, inputs.batchName, info.search));
      return job;
    },

    async auditLog(sheet) {
      const { info } = await layoutOf(sheet);
      if (info.scope !== 'batch') throw new Error(`The workbook "${info.title}" has no audit log.`);
      const { batchName } = await requireBatch(info, 'show the audit log');
      return api.auditLog(info.kind, batchName).catch(noBatchWhen404(batchName));
    },

    ...lifeEventActions({
      api,
      host,
      layoutOf,
      requireBatch,
      readRows,
      readRow: async (sheet, layout, row) => (await readRange(sheet, layout, row, row + 1))[0],
      reload: async (info, layout, inputs, onProgress) => void (await prepareInto(layout.definition, { ...inputs, search: info.search }, onProgress, await existingBatch(info.kind, inputs.batchName, info.search))),
    }),

    ...conflictActions({
      layoutOf: writableLayout,
      readRows: (sheet, layout) => readRows(sheet, layout),
      readRow: async (sheet, layout, row) => (await readRange(sheet, layout, row, row + 1))[0],
      locate: async (sheet, layout, row, key) => (await locateRows(reader(sheet, layout), layout, [{ ...readSheetRow(layout, row, []), key }])).get(row),
      writeRows: (sheet, layout, cells) => writeRows(sheet, layout, cells),
      async sendRows(info, layout, items, onProgress) {
        const { results, where, keys } = await sendAndWriteBack(info, await uploadTarget(info, 'upload'), layout, items, [], 'Uploading rows', onProgress);
        return summarise(layout, results, 0, where, keys);
      },
    }),

    ...revertActions({ host, definitions, sheetInfo, layoutOf, readRows, readRange, writeRows: (sheet, layout, cells) => writeRows(sheet, layout, cells), usedRows: (sheet) => host.usedRowCount(sheet, USED_FROM) }),

    async rowErrors(sheet, row) {
      const { layout } = await layoutOf(sheet);
      if (row < FIRST_DATA_ROW) return undefined;
      const [sheetRow] = await readRange(sheet, layout, row, row + 1);
      const failure = rowFailure(layout, sheetRow) ?? rowWarnings(sheetRow);
      return failure && failedRow(layout, row, failure.status, failure.errors, sheetRow.key);
    },

    async failedRows(sheet) {
      const { layout } = await layoutOf(sheet);
      const rows = await readRows(sheet, layout);
      return rows.flatMap((r) => {
        const failure = rowFailure(layout, r);
        return failure ? [failedRow(layout, r.row, failure.status, failure.errors, r.key)] : [];
      });
    },

    async selectRow(sheet, row, key) {
      const { layout } = await layoutOf(sheet);
      // A row with a key is found by it: a sort since the list was made may have moved it.
      const at = key ? (await locateRows(reader(sheet, layout), layout, [{ ...readSheetRow(layout, row, []), key }])).get(row) : row;
      if (at === undefined) throw new Error('That row is no longer in the sheet. Download again to see the current rows.');
      await host.select(sheet, { row: at, column: 0, rowCount: 1, columnCount: COL.firstData + layout.dataColumns.length });
    },

    async sortRows(sheet, columnKey, ascending) {
      const { layout } = await layoutOf(sheet);
      const column = dataColumnByKey(layout, columnKey);
      if (!column) throw new Error(`The workbook has no column "${columnKey}" to sort by.`);
      const used = await host.usedRowCount(sheet, USED_FROM);
      if (used <= FIRST_DATA_ROW + 1) return;
      // Whole rows, hidden columns too, so every row keeps its key, copies and fingerprint.
      await host.sortRows(sheet, { row: FIRST_DATA_ROW, column: 0, rowCount: used - FIRST_DATA_ROW, columnCount: layout.width }, column.index, ascending);
    },
  };
  return engine;
}

/** A 404 about a batch means its name is unknown: say so in the words the pane uses everywhere. */
function noBatchWhen404(batchName: string) {
  return (error: unknown): never => {
    throw error instanceof ApiError && error.status === 404 ? new Error(noBatchMessage(batchName)) : error;
  };
}
