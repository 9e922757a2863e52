/**
 * The generic workbook engine: prepare, change tracking, deletion, chunked upload, per-row status and errors.
 * It knows no workbook kind: everything kind-specific comes from the server's definition.
 * Excel is reached only through the WorkbookHost, one request per block of rows.
 */
import { MAX_ROWS_PER_CHUNK, type RowResult, type UploadRow, type WorkbookDefinition } from '../contract/api';
import type { ApiClient } from '../api/api-client';
import { chunk, rowsPerBlock } from '../core/chunk';
import { rowsToDelete, rowsToUpload } from '../core/row-diff';
import {
  CHANGED_MARK,
  COL,
  createLayout,
  dataColumnByKey,
  DELETE_MARK,
  FIRST_DATA_ROW,
  listsSheetName,
  listsSheetValues,
  readSheetRow,
  sheetFormat,
  titleRows,
  toSheetRow,
  type Layout,
  type SheetRow,
} from '../core/sheet-layout';
import { applyResult } from '../core/upload-results';
import type { HostCellValue, WorkbookHost } from '../excel/workbook-host';
import type { FailedRow, ProgressListener, SheetInfo, UploadSummary, WorkbookEngine } from './engine-types';

const SETTING_PREFIX = 'benefitsWorkbook.sheet.';
const PAGE_ROWS = 2000;

export interface EngineOptions {
  host: WorkbookHost;
  api: ApiClient;
  locale?: string;
}

export function createWorkbookEngine({ host, api, locale = 'en-US' }: EngineOptions): WorkbookEngine {
  let definitionsCache: WorkbookDefinition[] | undefined;

  async function definitions(): Promise<WorkbookDefinition[]> {
    definitionsCache ??= await api.workbooks();
    return definitionsCache;
  }

  async function sheetInfo(sheet: string): Promise<SheetInfo | undefined> {
    const raw = await host.getSetting(SETTING_PREFIX + sheet);
    return raw ? (JSON.parse(raw) as SheetInfo) : undefined;
  }

  async function layoutOf(sheet: string): Promise<{ info: SheetInfo; layout: Layout }> {
    const info = await sheetInfo(sheet);
    if (!info) throw new Error(`The sheet "${sheet}" is not a prepared Benefits Workbook sheet. Prepare one first.`);
    const definition = (await definitions()).find((d) => d.kind === info.kind);
    if (!definition) throw new Error(`The server no longer offers the workbook "${info.title}".`);
    return { info, layout: createLayout(definition, locale) };
  }

  /** Reads every data row, one Excel request per block. */
  async function readRows(sheet: string, layout: Layout): Promise<SheetRow[]> {
    const used = await host.usedRowCount(sheet);
    const block = rowsPerBlock(Array(layout.width).fill('x'.repeat(24)));
    const rows: SheetRow[] = [];
    for (let start = FIRST_DATA_ROW; start < used; start += block) {
      const count = Math.min(block, used - start);
      const values = await host.readValues(sheet, { row: start, column: 0, rowCount: count, columnCount: layout.width });
      values.forEach((cells, i) => rows.push(readSheetRow(layout, start + i, cells)));
    }
    return rows;
  }

  /** Writes changed rows back: per block, the span from its first to its last changed row, in one request. */
  async function writeRows(sheet: string, layout: Layout, rows: SheetRow[], changed: Map<number, HostCellValue[]>): Promise<void> {
    const byRow = new Map(rows.map((r) => [r.row, r]));
    const indexes = [...changed.keys()].sort((a, b) => a - b);
    const block = rowsPerBlock(Array(layout.width).fill('x'.repeat(24)));
    let i = 0;
    while (i < indexes.length) {
      const first = indexes[i];
      let last = first;
      while (i < indexes.length && indexes[i] - first < block) last = indexes[i++];
      const values = [];
      for (let r = first; r <= last; r++) values.push(changed.get(r) ?? byRow.get(r)?.cells ?? Array(layout.width).fill(''));
      await host.writeValues(sheet, first, 0, values.map((cells) => padTo(cells, layout.width)));
    }
  }

  async function send(layout: Layout, info: SheetInfo, items: Array<{ row: SheetRow; upload: UploadRow }>, phase: string, onProgress?: ProgressListener): Promise<Map<number, RowResult>> {
    const results = new Map<number, RowResult>();
    let done = 0;
    onProgress?.({ phase, done, total: items.length });
    for (const piece of chunk(items, MAX_ROWS_PER_CHUNK)) {
      const response = await api.upload(info.kind, { idempotencyKey: crypto.randomUUID(), effectiveDate: info.effectiveDate, rows: piece.map((p) => p.upload) });
      for (const result of response.results) results.set(result.rowId, result);
      done += piece.length;
      onProgress?.({ phase, done, total: items.length });
    }
    return results;
  }

  function summarise(layout: Layout, results: Map<number, RowResult>, unchanged: number): UploadSummary {
    const summary: UploadSummary = { inserted: 0, updated: 0, deleted: 0, failed: 0, unchanged, failedRows: [] };
    for (const result of results.values()) {
      if (result.status === 'Inserted') summary.inserted++;
      else if (result.status === 'Updated') summary.updated++;
      else if (result.status === 'Deleted') summary.deleted++;
      else {
        summary.failed++;
        summary.failedRows.push(failedRow(layout, result.rowId, result.status, result.errors));
      }
    }
    summary.failedRows.sort((a, b) => a.row - b.row);
    return summary;
  }

  function failedRow(layout: Layout, row: number, status: string, errors: SheetRow['errors']): FailedRow {
    return { row, excelRow: row + 1, status, errors: errors.map((e) => ({ ...e, header: dataColumnByKey(layout, e.column)?.header })) };
  }

  async function prepareInto(definition: WorkbookDefinition, effectiveDate: string, onProgress?: ProgressListener): Promise<SheetInfo> {
    const layout = createLayout(definition, locale);
    const sheet = definition.title.slice(0, 31);
    let page = await api.rows(definition.kind, effectiveDate, 0, PAGE_ROWS);
    const total = page.total;
    onProgress?.({ phase: 'Downloading rows', done: 0, total });
    const listsByName = page.lists;
    const lists = listsSheetValues(listsByName);
    await host.createSheet(listsSheetName(definition), { hidden: true });
    await host.writeValues(listsSheetName(definition), 0, 0, lists.values.length && lists.names.length ? lists.values : [['']]);
    await host.createSheet(sheet);
    await host.writeValues(sheet, 0, 0, titleRows(layout, effectiveDate));
    let written = 0;
    for (;;) {
      if (page.rows.length > 0) {
        await host.writeValues(sheet, FIRST_DATA_ROW + written, 0, page.rows.map((r) => toSheetRow(layout, r)));
        written += page.rows.length;
      }
      onProgress?.({ phase: 'Downloading rows', done: written, total });
      if (page.nextOffset === null) break;
      page = await api.rows(definition.kind, effectiveDate, page.nextOffset, PAGE_ROWS);
    }
    await host.formatSheet(sheet, sheetFormat(layout, written, listsByName));
    await host.protect(sheet);
    const info: SheetInfo = { sheet, kind: definition.kind, title: definition.title, effectiveDate };
    await host.setSetting(SETTING_PREFIX + sheet, JSON.stringify(info));
    await host.select(sheet, { row: FIRST_DATA_ROW, column: COL.firstData, rowCount: 1, columnCount: 1 });
    return info;
  }

  const engine: WorkbookEngine = {
    definitions,

    async prepare(kind, effectiveDate, onProgress) {
      const definition = (await definitions()).find((d) => d.kind === kind);
      if (!definition) throw new Error(`There is no workbook called "${kind}".`);
      return prepareInto(definition, effectiveDate, onProgress);
    },

    async activeSheetInfo() {
      return sheetInfo(await host.activeSheet());
    },

    async refresh(sheet, onProgress) {
      const { info, layout } = await layoutOf(sheet);
      return prepareInto(layout.definition, info.effectiveDate, onProgress);
    },

    async markSelectedRowsForDeletion() {
      const selection = await host.getSelection();
      const info = await sheetInfo(selection.sheet);
      if (!info) throw new Error('Select rows on a prepared workbook sheet first.');
      const used = await host.usedRowCount(selection.sheet);
      const rows = selection.rows.filter((r) => r >= FIRST_DATA_ROW && r < used);
      if (rows.length === 0) return 0;
      const first = rows[0];
      const last = rows[rows.length - 1];
      const selected = new Set(rows);
      const current = await host.readValues(selection.sheet, { row: first, column: COL.markForDeletion, rowCount: last - first + 1, columnCount: 1 });
      await host.writeValues(selection.sheet, first, COL.markForDeletion, current.map((cell, i) => [selected.has(first + i) ? DELETE_MARK : cell[0]]));
      return rows.length;
    },

    async countMarkedRows(sheet) {
      const { layout } = await layoutOf(sheet);
      const rows = await readRows(sheet, layout);
      const { send: toSend, clear } = rowsToDelete(layout, rows);
      return toSend.length + clear.length;
    },

    async deleteMarkedRows(sheet, onProgress) {
      const { info, layout } = await layoutOf(sheet);
      const rows = await readRows(sheet, layout);
      const { send: toSend, clear } = rowsToDelete(layout, rows);
      const results = await send(layout, info, toSend, 'Deleting rows', onProgress);
      const changed = new Map<number, HostCellValue[]>();
      for (const row of clear) changed.set(row.row, Array(layout.width).fill(''));
      for (const { row } of toSend) {
        const result = results.get(row.row);
        if (result) changed.set(row.row, applyResult(layout, row, result));
      }
      await writeRows(sheet, layout, rows, changed);
      return summarise(layout, results, 0);
    },

    async upload(sheet, onProgress) {
      const { info, layout } = await layoutOf(sheet);
      onProgress?.({ phase: 'Finding changed rows', done: 0, total: 0 });
      const rows = await readRows(sheet, layout);
      const items = rowsToUpload(layout, rows);
      const results = await send(layout, info, items, 'Uploading rows', onProgress);
      const changed = new Map<number, HostCellValue[]>();
      for (const { row } of items) {
        const result = results.get(row.row);
        if (result) changed.set(row.row, applyResult(layout, row, result));
      }
      await writeRows(sheet, layout, rows, changed);
      const summary = summarise(layout, results, rows.filter((r) => r.key).length - items.filter((i) => i.row.key).length);
      return summary;
    },

    async rowErrors(sheet, row) {
      const { layout } = await layoutOf(sheet);
      if (row < FIRST_DATA_ROW) return undefined;
      const [cells] = await host.readValues(sheet, { row, column: 0, rowCount: 1, columnCount: layout.width });
      const sheetRow = readSheetRow(layout, row, cells);
      if (sheetRow.status !== 'Upload Failed' && sheetRow.status !== 'Conflict') return undefined;
      return failedRow(layout, row, sheetRow.status, sheetRow.errors);
    },

    async failedRows(sheet) {
      const { layout } = await layoutOf(sheet);
      const rows = await readRows(sheet, layout);
      return rows.filter((r) => r.status === 'Upload Failed' || r.status === 'Conflict').map((r) => failedRow(layout, r.row, r.status, r.errors));
    },

    async selectRow(sheet, row) {
      const { layout } = await layoutOf(sheet);
      await host.select(sheet, { row, column: 0, rowCount: 1, columnCount: COL.firstData + layout.dataColumns.length });
    },

    async watch(sheet) {
      const { layout } = await layoutOf(sheet);
      const tracked = layout.dataColumns.filter((c) => c.editable || c.enterable).map((c) => c.index);
      return host.onCellsChanged(sheet, (change) => {
        const touchesData = tracked.some((c) => c >= change.column && c < change.column + change.columnCount);
        const first = Math.max(change.row, FIRST_DATA_ROW);
        const count = change.row + change.rowCount - first;
        if (!touchesData || count <= 0) return;
        // Best effort: Upload finds changed rows by fingerprint even when this never runs.
        void host.writeValues(sheet, first, COL.changed, Array.from({ length: count }, () => [CHANGED_MARK])).catch(() => undefined);
      });
    },
  };
  return engine;
}

function padTo(cells: HostCellValue[], width: number): HostCellValue[] {
  return cells.length >= width ? cells.slice(0, width) : [...cells, ...Array(width - cells.length).fill('')];
}
