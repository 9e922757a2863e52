/**
 * The generic workbook engine: prepare, change tracking, deletion, chunked upload, per-row status and errors.
 * It knows no workbook kind: everything kind-specific comes from the server's definition.
 * Excel is reached only through the WorkbookHost, one request per block of rows.
 */
import { MAX_ROWS_PER_CHUNK, type RowResult, type RowsResponse, type UploadRequest, type WorkbookDefinition } from '../contract/api';
import { ApiError, type ApiClient } from '../api/api-client';
import { BATCH_INPUT_AREA, missingBatchNameMessage, readBatchInputs, type BatchInputs } from '../core/batch-cells';
import { blocksBySize, chunk, contiguousRuns, rowsPerBlock } from '../core/chunk';
import { lockedFormat, readOnlyMessage } from '../core/read-only';
import { classifyRow, planUpload, rowsToDelete, type UploadItem } from '../core/row-diff';
import { sheetFormat, textSheetFormat } from '../core/sheet-format';
import {
  changedFormula,
  COL,
  dataColumnByKey,
  createLayout,
  DELETE_MARK,
  ENTRY_ROWS,
  FIRST_DATA_ROW,
  headerOf,
  listSources,
  listsSheetName,
  listsSheetValues,
  readSheetRow,
  rowFailure,
  sheetName,
  titleRows,
  toSheetRow,
  type Layout,
  type SheetRow,
  type TitleScope,
} from '../core/sheet-layout';
import { applyResult, clearedRow } from '../core/upload-results';
import { localiseDates, withoutHeader } from '../core/error-text';
import type { HostCellValue, WorkbookHost } from '../excel/workbook-host';
import { failedRunMessage, followBatchRun, noBatchMessage } from './batch-run';
import { lifeEventActions } from './life-event-actions';
import type { FailedRow, ProgressListener, SheetInfo, UploadSummary, WorkbookEngine } from './engine-types';
import { markRows } from './cell-errors';
import { cancelRequested } from './progress';
import { revertActions } from './revert';
import { locateRows, type SheetReader } from './row-locator';
import { pendingDeletion, withNotSent } from './upload-outcome';

const SHEET_SETTING = 'benefitsWorkbook.sheet.';
/** Where the formatted rows end and where dropdowns get their values, so the sheet can grow. */
const FORMAT_SETTING = 'benefitsWorkbook.format.';
const PAGE_ROWS = 5000;
/** Used rows are counted from this column: the Changed formulas of blank rows do not make a row used. */
const USED_FROM = COL.markForDeletion;

interface FormatState {
  formattedEnd: number;
  sources: Record<string, string[] | string>;
}

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

/** What an upload chunk is for: the session effective date, or the batch (and whether to keep its audit log). */
type UploadTarget = Pick<UploadRequest, 'effectiveDate' | 'batchName' | 'auditLog'>;

export function createWorkbookEngine({ host, api, locale = 'en-US', pollMs = 1000, chunkRows = MAX_ROWS_PER_CHUNK }: EngineOptions): WorkbookEngine {
  let definitionsCache: Promise<WorkbookDefinition[]> | undefined;

  function definitions(): Promise<WorkbookDefinition[]> {
    definitionsCache ??= api.workbooks().catch((error: unknown) => {
      definitionsCache = undefined; // a failed fetch is not remembered
      throw error;
    });
    return definitionsCache;
  }

  async function sheetInfo(sheet: string): Promise<SheetInfo | undefined> {
    const raw = await host.getSetting(SHEET_SETTING + sheet);
    // Sheets prepared before batch kinds existed have no scope: they are effective-dated.
    return raw ? { scope: 'effective-date', ...(JSON.parse(raw) as Omit<SheetInfo, 'scope'>) } : undefined;
  }

  async function saveSheetInfo(info: SheetInfo): Promise<void> {
    await host.setSetting(SHEET_SETTING + info.sheet, JSON.stringify(info));
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
    if (info.scope !== 'batch') return { effectiveDate: info.effectiveDate };
    const { batchName, auditLog } = await requireBatch(info, action);
    return { batchName, auditLog };
  }

  /** The first page of a batch's lines; the batch must exist (a sheet is never replaced by an empty one by mistake). */
  async function existingBatch(kind: string, batchName: string): Promise<RowsResponse> {
    const page = await api.rows(kind, { batchName }, 0, PAGE_ROWS);
    if (!page.batchExists) throw new Error(noBatchMessage(batchName));
    return page;
  }

  async function layoutOf(sheet: string): Promise<{ info: SheetInfo; layout: Layout }> {
    const info = await sheetInfo(sheet);
    if (!info) throw new Error(`The sheet "${sheet}" is not a prepared Benefits Workbook sheet. Prepare one first.`);
    const definition = (await definitions()).find((d) => d.kind === info.kind);
    if (!definition) throw new Error(`The server no longer offers the workbook "${info.title}".`);
    return { info, layout: createLayout(definition, locale) };
  }

  /** Stops an action that would change a read-only sheet's records, saying why and where changes are made. */
  async function writableLayout(sheet: string, action: string): Promise<{ info: SheetInfo; layout: Layout }> {
    const found = await layoutOf(sheet);
    const message = readOnlyMessage(found.layout.definition, action);
    if (message) throw new Error(message);
    return found;
  }

  /** Reads rows [first, end), one Excel request per block. */
  async function readRange(sheet: string, layout: Layout, first: number, end: number, onBlock?: (done: number) => void): Promise<SheetRow[]> {
    const block = rowsPerBlock(layout.width);
    const rows: SheetRow[] = [];
    for (let start = first; start < end; start += block) {
      const count = Math.min(block, end - start);
      const values = await host.readValues(sheet, { row: start, column: 0, rowCount: count, columnCount: layout.width });
      values.forEach((cells, i) => rows.push(readSheetRow(layout, start + i, cells)));
      onBlock?.(rows.length);
    }
    return rows;
  }

  async function readRows(sheet: string, layout: Layout, onProgress?: ProgressListener): Promise<SheetRow[]> {
    const used = await host.usedRowCount(sheet, USED_FROM);
    const total = Math.max(0, used - FIRST_DATA_ROW);
    return readRange(sheet, layout, FIRST_DATA_ROW, used, (done) => onProgress?.({ phase: 'Finding changed rows', done, total }));
  }

  /** Writes whole rows back (each with its Changed formula): runs of consecutive rows, many runs per Excel request. */
  async function writeRows(sheet: string, layout: Layout, cellsByRow: Map<number, HostCellValue[]>): Promise<void> {
    const areas = contiguousRuns([...cellsByRow.keys()], rowsPerBlock(layout.width)).map((run) => ({
      row: run.row,
      column: 0,
      values: Array.from({ length: run.rowCount }, (_, i) => withFormula(layout, run.row + i, padTo(cellsByRow.get(run.row + i) ?? [], layout.width))),
    }));
    await writeAreaBatches(sheet, areas);
  }

  /** The Changed formula of blank rows [first, end), where new records are entered. */
  async function writeEntryFormulas(sheet: string, layout: Layout, first: number, end: number): Promise<void> {
    const rows = Array.from({ length: end - first }, (_, i) => [changedFormula(layout, first + i)] as HostCellValue[]);
    let at = first;
    for (const block of blocksBySize(rows)) {
      await host.writeValues(sheet, at, COL.changed, block);
      at += block.length;
    }
  }

  /** Writes one column's value into rows, in runs of consecutive rows, many runs per Excel request. */
  function columnAreas(column: number, valueByRow: Map<number, HostCellValue>) {
    return contiguousRuns([...valueByRow.keys()], 50000).map((run) => ({
      row: run.row,
      column,
      values: Array.from({ length: run.rowCount }, (_, i) => [valueByRow.get(run.row + i) ?? '']),
    }));
  }

  /** One request per batch of areas that fits the request budget, never one per row. */
  async function writeAreaBatches(sheet: string, areas: Array<{ row: number; column: number; values: HostCellValue[][] }>, unlockedOnly = false): Promise<void> {
    for (const batch of blocksBySize(areas)) await (unlockedOnly ? host.writeUnlockedAreas(sheet, batch) : host.writeAreas(sheet, batch));
  }

  function reader(sheet: string, layout: Layout): SheetReader {
    return {
      usedRows: () => host.usedRowCount(sheet, USED_FROM),
      rows: (first, end) => readRange(sheet, layout, first, end),
      async keys(first, end) {
        const keys: string[] = [];
        for (let start = first; start < end; start += 50000) {
          const values = await host.readValues(sheet, { row: start, column: layout.key, rowCount: Math.min(50000, end - start), columnCount: 1 });
          for (const [key] of values) keys.push(String(key ?? '').trim());
        }
        return keys;
      },
    };
  }

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

  function failedRow(layout: Layout, row: number, status: string, errors: SheetRow['errors'], key?: string): FailedRow {
    // Each error's text once named by its column, dates in the person's format (the pane shows `message`).
    const named = errors.map((e) => ({ ...e, header: headerOf(layout, e.column) }));
    return { row, excelRow: row + 1, ...(key ? { key } : {}), status, errors: named.map((e) => ({ ...e, message: localiseDates(withoutHeader(e.header, e.message), layout.locale) })) };
  }

  /** Answers by the rows' current places (`where`: sent row → current row). */
  function summarise(layout: Layout, results: Map<number, RowResult>, unchanged: number, where: Map<number, number>, keys: Map<number, string>): UploadSummary {
    const summary: UploadSummary = { inserted: 0, updated: 0, deleted: 0, failed: 0, unchanged, failedRows: [] };
    for (const result of results.values()) {
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
    return summary;
  }

  /**
   * Sends the items and writes each answered row back, even when a later chunk could not be sent. Every row is
   * written where it is now, found by its key (row-locator.ts), so hidden (filtered) rows get their status too.
   */
  async function sendAndWriteBack(info: SheetInfo, target: UploadTarget, layout: Layout, items: UploadItem[], extra: Array<{ row: SheetRow; cells: HostCellValue[] }>, phase: string, onProgress?: ProgressListener, signal?: AbortSignal) {
    const { sheet } = info;
    const results = new Map<number, RowResult>();
    const where = new Map<number, number>();
    try {
      await send(info, target, items, phase, results, onProgress, signal);
    } finally {
      const answered = items.filter(({ row }) => results.has(row.row));
      for (const [from, to] of await locateRows(reader(sheet, layout), layout, [...answered.map((i) => i.row), ...extra.map((e) => e.row)])) where.set(from, to);
      const cellsByRow = new Map<number, HostCellValue[]>();
      for (const { row, cells } of extra) if (where.has(row.row)) cellsByRow.set(where.get(row.row)!, cells);
      for (const { row } of answered) if (where.has(row.row)) cellsByRow.set(where.get(row.row)!, applyResult(layout, row, results.get(row.row)!));
      onProgress?.({ phase: 'Writing row statuses', done: 0, total: cellsByRow.size });
      await writeRows(sheet, layout, cellsByRow);
      // Each failing cell marked with its message; marks of rows now saved, or no longer changed, cleared.
      const marked = [...answered.map(({ row }) => ({ before: row, result: results.get(row.row) })), ...extra.map(({ row }) => ({ before: row, result: undefined }))];
      await markRows(host, sheet, layout, marked.flatMap((m) => (where.has(m.before.row) ? [{ ...m, at: where.get(m.before.row)! }] : [])));
      onProgress?.({ phase: 'Writing row statuses', done: cellsByRow.size, total: cellsByRow.size });
    }
    const keys = new Map(items.filter((i) => i.row.key).map((i) => [i.row.row, i.row.key]));
    return { results, where, keys, notSent: items.length - items.filter(({ row }) => results.has(row.row)).length };
  }

  /** Unlocks and formats another block of blank rows once the data comes close to the end of the formatted rows. */
  async function growIfNeeded(sheet: string, layout: Layout): Promise<void> {
    const raw = await host.getSetting(FORMAT_SETTING + sheet);
    if (!raw) return;
    const state = JSON.parse(raw) as FormatState;
    const used = await host.usedRowCount(sheet, USED_FROM);
    if (used + ENTRY_ROWS / 2 <= state.formattedEnd) return;
    const entryRowCount = used + ENTRY_ROWS - state.formattedEnd;
    await host.formatSheet(sheet, sheetFormat(layout, { from: state.formattedEnd, dataRowCount: 0, entryRowCount }, state.sources));
    await writeEntryFormulas(sheet, layout, state.formattedEnd, state.formattedEnd + entryRowCount);
    await host.setSetting(FORMAT_SETTING + sheet, JSON.stringify({ ...state, formattedEnd: state.formattedEnd + entryRowCount }));
  }

  /** Builds the sheet and downloads into it; `first` is the first page when the caller already asked for it. */
  async function prepareInto(definition: WorkbookDefinition, scope: TitleScope, onProgress?: ProgressListener, first?: RowsResponse): Promise<SheetInfo> {
    const layout = createLayout(definition, locale);
    const sheet = sheetName(definition.title);
    const phase = 'Downloading rows';
    const batch = definition.scope === 'batch';
    const readOnly = definition.readOnly?.reason;
    const filter = (definition.filter && scope.filter?.trim()) || undefined;
    const query = batch ? { batchName: scope.batchName || undefined } : { effectiveDate: scope.effectiveDate, filter };
    // A read-only sheet has no blank rows for new records.
    const entryRowCount = readOnly === undefined ? ENTRY_ROWS : 0;
    if (!first) onProgress?.({ phase: 'Asking the server for the rows', done: 0, total: 0 }); // shown from the first second
    let page = first ?? (await api.rows(definition.kind, query, 0, PAGE_ROWS));
    onProgress?.({ phase, done: 0, total: page.total });

    const listsSheet = listsSheetName(definition);
    await host.createSheet(listsSheet, { hidden: true });
    const listValues = listsSheetValues(page.lists).values;
    // Text cells: a list value from the server such as "=HYPERLINK(…)" or "-5" stays text, never a formula or number.
    await host.formatSheet(listsSheet, textSheetFormat(listValues));
    await host.writeValues(listsSheet, 0, 0, listValues);
    const sources = listSources(definition, page.lists);

    await host.createSheet(sheet);
    // Formats first, so text such as "00123" (or a batch named "2026") is stored as typed rather than turned into a number by Excel.
    const formattedEnd = FIRST_DATA_ROW + page.total + entryRowCount;
    const format = sheetFormat(layout, { from: FIRST_DATA_ROW, dataRowCount: page.total, entryRowCount }, sources);
    await host.formatSheet(sheet, readOnly === undefined ? format : lockedFormat(format));
    await host.writeValues(sheet, 0, 0, titleRows(layout, { ...scope, filter }));

    let written = 0;
    for (;;) {
      for (const block of blocksBySize(page.rows.map((r) => toSheetRow(layout, r)))) {
        const at = FIRST_DATA_ROW + written;
        await host.writeValues(sheet, at, 0, block.map((cells, i) => withFormula(layout, at + i, cells)));
        written += block.length;
        onProgress?.({ phase, done: written, total: Math.max(page.total, written) });
      }
      if (page.nextOffset === null || page.rows.length === 0) break;
      page = await api.rows(definition.kind, query, page.nextOffset, PAGE_ROWS);
    }
    await writeEntryFormulas(sheet, layout, FIRST_DATA_ROW + written, formattedEnd);
    // seed of issue 9: protection changes only here, at upload write-back and at download (each clears Excel's undo).
    await host.protect(sheet);
    const base = { sheet, kind: definition.kind, title: definition.title };
    const info: SheetInfo = batch
      ? { ...base, scope: 'batch', ...(scope.batchName ? { batchName: scope.batchName } : {}) }
      : { ...base, scope: 'effective-date', effectiveDate: scope.effectiveDate, ...(readOnly === undefined ? {} : { readOnly }), ...(filter ? { filter } : {}) };
    await saveSheetInfo(info);
    await host.setSetting(FORMAT_SETTING + sheet, JSON.stringify({ formattedEnd, sources } satisfies FormatState));
    await host.select(sheet, { row: FIRST_DATA_ROW, column: COL.firstData, rowCount: 1, columnCount: 1 });
    return info;
  }

  const engine: WorkbookEngine = {
    definitions,

    async prepare(kind, scope, onProgress) {
      const definition = (await definitions()).find((d) => d.kind === kind);
      if (!definition) throw new Error(`There is no workbook called "${kind}".`);
      // A batch name nobody used yet prepares an empty sheet with that name: the first upload creates the batch.
      const batchName = 'batchName' in scope ? scope.batchName?.trim() : undefined;
      return prepareInto(definition, 'effectiveDate' in scope ? scope : { batchName }, onProgress);
    },

    async activeSheetInfo() {
      const info = await sheetInfo(await host.activeSheet());
      if (info?.scope !== 'batch') return info;
      // The name as the Batch Name cell holds it now, typed since the last upload or not.
      const { batchName } = await batchInputs(info.sheet);
      return { ...info, batchName: batchName || undefined };
    },

    async refresh(sheet, onProgress) {
      const { info, layout } = await layoutOf(sheet);
      if (info.scope !== 'batch') return prepareInto(layout.definition, info, onProgress);
      // seed: Download replaces the lines with the batch's, keeping what the user typed in the batch cells.
      const inputs = await requireBatch(info, 'download');
      return prepareInto(layout.definition, inputs, onProgress, await existingBatch(info.kind, inputs.batchName));
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
      const { send: toSend, clear } = rowsToDelete(layout, await readRows(sheet, layout, onProgress));
      // A marked row the server never had is only cleared.
      const cleared = clear.map((row) => ({ row, cells: Array<HostCellValue>(layout.width).fill('') }));
      const sent = await sendAndWriteBack(info, target, layout, toSend, cleared, 'Deleting rows', onProgress, signal);
      return withNotSent(summarise(layout, sent.results, 0, sent.where, sent.keys), sent.notSent);
    },

    async upload(sheet, onProgress, signal) {
      const { info, layout } = await writableLayout(sheet, 'upload changes');
      const target = await uploadTarget(info, 'upload');
      const plan = planUpload(layout, await readRows(sheet, layout, onProgress));
      const undone = plan.unchanged.flatMap((row) => {
        const cells = clearedRow(row, layout);
        return cells ? [{ row, cells }] : [];
      });
      const sent = await sendAndWriteBack(info, target, layout, plan.send, undone, 'Uploading rows', onProgress, signal);
      await growIfNeeded(sheet, layout);
      return withNotSent({ ...summarise(layout, sent.results, plan.unchanged.length, sent.where, sent.keys), ...pendingDeletion(layout, plan) }, sent.notSent);
    },

    async processBatch(sheet, onProgress) {
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
      const job = await followBatchRun(api, info.kind, inputs.batchName, started, pollMs, onProgress);
      if (job.status === 'failed') throw new Error(failedRunMessage(job));
      await prepareInto(layout.definition, inputs, onProgress, await existingBatch(info.kind, inputs.batchName));
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
      reload: async (info, layout, inputs, onProgress) => void (await prepareInto(layout.definition, inputs, onProgress, await existingBatch(info.kind, inputs.batchName))),
    }),

    ...revertActions({ host, definitions, sheetInfo, layoutOf, readRows, readRange, writeRows, usedRows: (sheet) => host.usedRowCount(sheet, USED_FROM) }),

    async rowErrors(sheet, row) {
      const { layout } = await layoutOf(sheet);
      if (row < FIRST_DATA_ROW) return undefined;
      const [sheetRow] = await readRange(sheet, layout, row, row + 1);
      const failure = rowFailure(layout, sheetRow);
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

/** The row's cells with its Changed formula (it names the row, so it is made where the row is written). */
function withFormula(layout: Layout, row: number, cells: HostCellValue[]): HostCellValue[] {
  const copy = [...cells];
  copy[COL.changed] = changedFormula(layout, row);
  return copy;
}

function padTo(cells: HostCellValue[], width: number): HostCellValue[] {
  return cells.length >= width ? cells.slice(0, width) : [...cells, ...Array<HostCellValue>(width - cells.length).fill('')];
}
