/** Prepare and Download again: builds the sheet (and its hidden lists sheet) and downloads the rows into it. */
import type { RowsResponse, WorkbookDefinition } from '../contract/api';
import type { ApiClient } from '../api/api-client';
import { lockedFormat } from '../core/read-only';
import { sheetFormat, textSheetFormat } from '../core/sheet-format';
import { COL, createLayout, ENTRY_ROWS, FIRST_DATA_ROW, listSources, listsSheetName, listsSheetValues, sheetName, titleRows, toSheetRow, type Layout, type TitleScope } from '../core/sheet-layout';
import type { WorkbookHost } from '../excel/workbook-host';
import type { ProgressListener, SheetInfo } from './engine-types';
import { requestBatcher } from './request-batcher';
import { cancelRequested } from './progress';
import { FORMAT_SETTING, SHEET_SETTING, type FormatState } from './sheet-settings';
import { withFormula, type SheetRows } from './sheet-rows';

export const PAGE_ROWS = 5000;

export interface PrepareContext {
  host: WorkbookHost;
  api: ApiClient;
  locale: string;
  rows: SheetRows;
}

export function preparer({ host, api, locale, rows }: PrepareContext) {
  /**
   * Builds the sheet and downloads into it; `first` is the first page when the caller already asked for it. Cancel
   * (`signal`) stops before the next page: the rows so far stay, and the title and the sheet's info say it is incomplete.
   */
  async function prepareInto(definition: WorkbookDefinition, scope: TitleScope, onProgress?: ProgressListener, first?: RowsResponse, signal?: AbortSignal): Promise<SheetInfo> {
    const layout = createLayout(definition, locale);
    const sheet = sheetName(definition.title);
    const phase = 'Downloading rows';
    const isBatch = definition.scope === 'batch';
    const readOnly = definition.readOnly?.reason;
    const filter = (definition.filter && scope.filter?.trim()) || undefined;
    const isKeyed = definition.scope === 'keyed';
    const search = scope.search;
    const query = { ...(isBatch ? { batchName: scope.batchName || undefined } : isKeyed ? {} : { effectiveDate: scope.effectiveDate, filter }), search };
    // A read-only sheet has no blank rows for new records.
    const entryRowCount = readOnly === undefined ? ENTRY_ROWS : 0;
    if (!first) onProgress?.({ phase: 'Asking the server for the rows', done: 0, total: 0 }); // shown from the first second
    let page = first ?? (await api.rows(definition.kind, query, undefined, PAGE_ROWS));
    const total = page.total ?? 0; // the first page carries it
    const unknown = page.unknownPersonNumbers?.length ? { unknownPersonNumbers: page.unknownPersonNumbers } : {};
    onProgress?.({ phase, done: 0, total });

    // Every edit goes into as few requests as its size allows: the sheets, their formats, the rows, protection and
    // settings of a sheet of 1,000 rows take one request (and one before it, asking whether the sheets exist).
    const batch = requestBatcher(host);
    const listsSheet = listsSheetName(definition);
    const listValues = listsSheetValues(page.lists).values;
    await batch.add({ kind: 'sheet', name: listsSheet, hidden: true });
    // Text cells: a list value from the server such as "=HYPERLINK(…)" or "-5" stays text, never a formula or number.
    await batch.add({ kind: 'format', sheet: listsSheet, format: textSheetFormat(listValues) });
    await batch.write(listsSheet, 0, 0, listValues);
    const sources = listSources(definition, page.lists);

    await batch.add({ kind: 'sheet', name: sheet });
    // Formats first, so text such as "00123" (or a batch named "2026") is stored as typed rather than turned into a number by Excel.
    const formattedEnd = FIRST_DATA_ROW + total + entryRowCount;
    const format = sheetFormat(layout, { from: FIRST_DATA_ROW, dataRowCount: total, entryRowCount }, sources);
    await batch.add({ kind: 'format', sheet, format: readOnly === undefined ? format : lockedFormat(format) });
    await batch.write(sheet, 0, 0, titleRows(layout, { ...scope, filter }));

    let queued = 0;
    let written = 0;
    let cancelled = false;
    const onSent = (count: number) => {
      written += count;
      onProgress?.({ phase, done: written, total: Math.max(total, queued) });
    };
    for (;;) {
      const at = FIRST_DATA_ROW + queued;
      await batch.write(sheet, at, 0, page.rows.map((r, i) => withFormula(layout, at + i, toSheetRow(layout, r))), { onSent });
      queued += page.rows.length;
      if (page.nextCursor === null || page.rows.length === 0) break;
      if (cancelRequested(signal)) {
        cancelled = true; // after the page in flight: the rows so far are written, the title says the rest is missing
        break;
      }
      page = await api.rows(definition.kind, query, page.nextCursor, PAGE_ROWS);
    }
    if (cancelled) await batch.write(sheet, 0, 0, titleRows(layout, { ...scope, filter, cancelledAt: { done: queued, total } }).slice(0, 1));
    await rows.writeEntryFormulas(batch, sheet, layout, FIRST_DATA_ROW + queued, formattedEnd);
    // seed of issue 9: protection changes only here, at upload write-back and at download (each clears Excel's undo).
    await batch.add({ kind: 'protect', sheet });
    const base = { sheet, kind: definition.kind, title: definition.title, ...(search ? { search } : {}), ...(cancelled ? { incomplete: true } : {}), ...unknown };
    const info: SheetInfo = isBatch
      ? { ...base, scope: 'batch', ...(scope.batchName ? { batchName: scope.batchName } : {}) }
      : isKeyed
        ? { ...base, scope: 'keyed' }
        : { ...base, scope: 'effective-date', effectiveDate: scope.effectiveDate, ...(readOnly === undefined ? {} : { readOnly }), ...(filter ? { filter } : {}) };
    await batch.add({ kind: 'setting', key: SHEET_SETTING + sheet, value: JSON.stringify(info) });
    await batch.add({ kind: 'setting', key: FORMAT_SETTING + sheet, value: JSON.stringify({ formattedEnd, sources } satisfies FormatState) });
    await batch.add({ kind: 'select', sheet, area: { row: FIRST_DATA_ROW, column: COL.firstData, rowCount: 1, columnCount: 1 } });
    await batch.flush();
    return info;
  }

  /** Unlocks and formats another block of blank rows once the data (`used` rows) comes close to the end of the formatted rows. */
  async function growIfNeeded(sheet: string, layout: Layout, state: FormatState | undefined, used: number): Promise<void> {
    if (!state || used + ENTRY_ROWS / 2 <= state.formattedEnd) return;
    const entryRowCount = used + ENTRY_ROWS - state.formattedEnd;
    const batch = requestBatcher(host);
    await batch.add({ kind: 'format', sheet, format: sheetFormat(layout, { from: state.formattedEnd, dataRowCount: 0, entryRowCount }, state.sources) });
    await rows.writeEntryFormulas(batch, sheet, layout, state.formattedEnd, state.formattedEnd + entryRowCount);
    await batch.add({ kind: 'setting', key: FORMAT_SETTING + sheet, value: JSON.stringify({ ...state, formattedEnd: state.formattedEnd + entryRowCount }) });
    await batch.flush();
  }

  return { prepareInto, growIfNeeded };
}
