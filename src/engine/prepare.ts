/** Prepare and Download again: builds the sheet (and its hidden lists sheet) and downloads the rows into it. */
import type { RowsResponse, WorkbookDefinition } from '../contract/api';
import type { ApiClient } from '../api/api-client';
import { blocksBySize } from '../core/chunk';
import { lockedFormat } from '../core/read-only';
import { sheetFormat, textSheetFormat } from '../core/sheet-format';
import { COL, createLayout, ENTRY_ROWS, FIRST_DATA_ROW, listSources, listsSheetName, listsSheetValues, sheetName, titleRows, toSheetRow, type Layout, type TitleScope } from '../core/sheet-layout';
import type { WorkbookHost } from '../excel/workbook-host';
import type { ProgressListener, SheetInfo } from './engine-types';
import { FORMAT_SETTING, type FormatState, type SheetSettings } from './sheet-settings';
import { USED_FROM, withFormula, type SheetRows } from './sheet-rows';

export const PAGE_ROWS = 5000;

export interface PrepareContext {
  host: WorkbookHost;
  api: ApiClient;
  locale: string;
  settings: SheetSettings;
  rows: SheetRows;
}

export function preparer({ host, api, locale, settings, rows }: PrepareContext) {
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
    let page = first ?? (await api.rows(definition.kind, query, undefined, PAGE_ROWS));
    const total = page.total ?? 0; // the first page carries it
    onProgress?.({ phase, done: 0, total });

    const listsSheet = listsSheetName(definition);
    await host.createSheet(listsSheet, { hidden: true });
    const listValues = listsSheetValues(page.lists).values;
    // Text cells: a list value from the server such as "=HYPERLINK(…)" or "-5" stays text, never a formula or number.
    await host.formatSheet(listsSheet, textSheetFormat(listValues));
    await host.writeValues(listsSheet, 0, 0, listValues);
    const sources = listSources(definition, page.lists);

    await host.createSheet(sheet);
    // Formats first, so text such as "00123" (or a batch named "2026") is stored as typed rather than turned into a number by Excel.
    const formattedEnd = FIRST_DATA_ROW + total + entryRowCount;
    const format = sheetFormat(layout, { from: FIRST_DATA_ROW, dataRowCount: total, entryRowCount }, sources);
    await host.formatSheet(sheet, readOnly === undefined ? format : lockedFormat(format));
    await host.writeValues(sheet, 0, 0, titleRows(layout, { ...scope, filter }));

    let written = 0;
    for (;;) {
      for (const block of blocksBySize(page.rows.map((r) => toSheetRow(layout, r)))) {
        const at = FIRST_DATA_ROW + written;
        await host.writeValues(sheet, at, 0, block.map((cells, i) => withFormula(layout, at + i, cells)));
        written += block.length;
        onProgress?.({ phase, done: written, total: Math.max(total, written) });
      }
      if (page.nextCursor === null || page.rows.length === 0) break;
      page = await api.rows(definition.kind, query, page.nextCursor, PAGE_ROWS);
    }
    await rows.writeEntryFormulas(sheet, layout, FIRST_DATA_ROW + written, formattedEnd);
    // seed of issue 9: protection changes only here, at upload write-back and at download (each clears Excel's undo).
    await host.protect(sheet);
    const base = { sheet, kind: definition.kind, title: definition.title };
    const info: SheetInfo = batch
      ? { ...base, scope: 'batch', ...(scope.batchName ? { batchName: scope.batchName } : {}) }
      : { ...base, scope: 'effective-date', effectiveDate: scope.effectiveDate, ...(readOnly === undefined ? {} : { readOnly }), ...(filter ? { filter } : {}) };
    await settings.saveSheetInfo(info);
    await host.setSetting(FORMAT_SETTING + sheet, JSON.stringify({ formattedEnd, sources } satisfies FormatState));
    await host.select(sheet, { row: FIRST_DATA_ROW, column: COL.firstData, rowCount: 1, columnCount: 1 });
    return info;
  }

  /** Unlocks and formats another block of blank rows once the data comes close to the end of the formatted rows. */
  async function growIfNeeded(sheet: string, layout: Layout): Promise<void> {
    const state = await settings.formatState(sheet);
    if (!state) return;
    const used = await host.usedRowCount(sheet, USED_FROM);
    if (used + ENTRY_ROWS / 2 <= state.formattedEnd) return;
    const entryRowCount = used + ENTRY_ROWS - state.formattedEnd;
    await host.formatSheet(sheet, sheetFormat(layout, { from: state.formattedEnd, dataRowCount: 0, entryRowCount }, state.sources));
    await rows.writeEntryFormulas(sheet, layout, state.formattedEnd, state.formattedEnd + entryRowCount);
    await host.setSetting(FORMAT_SETTING + sheet, JSON.stringify({ ...state, formattedEnd: state.formattedEnd + entryRowCount }));
  }

  return { prepareInto, growIfNeeded };
}
