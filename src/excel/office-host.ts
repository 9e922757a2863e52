/**
 * The Office.js adapter: the only code that calls the Excel JavaScript API, here and in the files it is split into
 * (office-edits.ts: edits in one request; office-format.ts: how a format is queued; office-events.ts: subscriptions).
 * Each method is one Excel.run with one sync, unless a value must be read before it can be used (said where it
 * happens). Typed against Office.js itself, so it runs unchanged on real Excel (pass the global `Excel`) and on the
 * simulated API (`createSimulatedExcel()`).
 */
import type { HostCellValue, HostRead, Selection, WorkbookHost } from './workbook-host';
import { areaRange } from './office-format';
import { editRunner, type ExcelApi } from './office-edits';
import { eventSubscriptions } from './office-events';

export { PROTECTION_OPTIONS, type ExcelApi } from './office-edits';

/** Rows and columns in an Excel worksheet. */
const EXCEL_ROWS = 1048576;
const EXCEL_COLUMNS = 16384;

function rowsOf(areas: Array<{ rowIndex: number; rowCount: number }>, usedRows: number): number[] {
  const rows = new Set<number>();
  for (const area of areas) {
    // A whole-column selection covers every row of the sheet; only those up to the last used one can hold records.
    const wholeColumns = area.rowIndex === 0 && area.rowCount >= EXCEL_ROWS;
    const end = wholeColumns ? Math.min(area.rowCount, usedRows) : area.rowIndex + area.rowCount;
    for (let r = area.rowIndex; r < end; r++) rows.add(r);
  }
  return [...rows].sort((a, b) => a - b);
}

export function createOfficeHost(excel: ExcelApi): WorkbookHost {
  /** Protection of each sheet as this host last set or read it (office-edits.ts says why). */
  const protectedSheets = new Map<string, boolean>();
  const { applyEdits } = editRunner(excel, protectedSheets);
  const nonEmpty = <T extends { values: HostCellValue[][] }>(areas: T[]) => areas.filter((a) => a.values.length > 0 && a.values[0].length > 0);

  /** The used part of a sheet from a column rightwards: cells holding a value or formula. */
  function usedRange(ws: Excel.Worksheet, fromColumn: number): Excel.Range {
    return (fromColumn > 0 ? ws.getRangeByIndexes(0, fromColumn, EXCEL_ROWS, EXCEL_COLUMNS - fromColumn) : ws).getUsedRangeOrNullObject(true);
  }

  const host: WorkbookHost = {
    applyEdits,
    async readMany(reads) {
      return excel.run(async (context) => {
        const answers = reads.map((read: HostRead) => {
          if ('setting' in read) {
            const setting = context.workbook.settings.getItemOrNullObject(read.setting).load('isNullObject, value');
            return () => (setting.isNullObject ? undefined : String(setting.value));
          }
          if ('usedRows' in read) {
            const used = usedRange(context.workbook.worksheets.getItem(read.usedRows), read.fromColumn ?? 0).load('isNullObject, rowIndex, rowCount');
            return () => (used.isNullObject ? 0 : used.rowIndex + used.rowCount);
          }
          const range = areaRange(context.workbook.worksheets.getItem(read.sheet), read.area).load('values');
          return () => range.values as HostCellValue[][];
        });
        await context.sync();
        return answers.map((answer) => answer()) as never;
      });
    },
    async createSheet(name, options = {}) {
      await applyEdits([{ kind: 'sheet', name, hidden: options.hidden }]);
    },
    async sheetExists(name) {
      return excel.run(async (context) => {
        const sheet = context.workbook.worksheets.getItemOrNullObject(name);
        sheet.load('isNullObject');
        await context.sync();
        return !sheet.isNullObject;
      });
    },
    async activeSheet() {
      return excel.run(async (context) => {
        const sheet = context.workbook.worksheets.getActiveWorksheet();
        sheet.load('name');
        await context.sync();
        return sheet.name;
      });
    },
    async activateSheet(name) {
      await excel.run(async (context) => {
        context.workbook.worksheets.getItem(name).activate();
        await context.sync();
      });
    },
    async writeValues(sheet, row, column, values) {
      await applyEdits(nonEmpty([{ values }]).map(() => ({ kind: 'values', sheet, row, column, values })));
    },
    async writeAreas(sheet, areas) {
      await applyEdits(nonEmpty(areas).map((a) => ({ kind: 'values', sheet, row: a.row, column: a.column, values: a.values })));
    },
    async writeUnlockedAreas(sheet, areas) {
      // No unprotect/protect: Microsoft lists both as clearing the user's undo stack; unlocked cells need neither.
      await applyEdits(nonEmpty(areas).map((a) => ({ kind: 'values', sheet, row: a.row, column: a.column, values: a.values, unlockedOnly: true })));
    },
    async markCells(sheet, marks) {
      if (marks.length > 0) await applyEdits([{ kind: 'marks', sheet, marks }]);
    },
    async sortRows(sheet, area, column, ascending) {
      await applyEdits([{ kind: 'sort', sheet, area, column, ascending }]);
    },
    async readValues(sheet, area) {
      return excel.run(async (context) => {
        const range = areaRange(context.workbook.worksheets.getItem(sheet), area);
        range.load('values');
        await context.sync();
        return range.values as HostCellValue[][];
      });
    },
    async usedRowCount(sheet, fromColumn = 0) {
      const [used] = await host.readMany([{ usedRows: sheet, fromColumn }]);
      return used;
    },
    async deleteRows(sheet, row, rowCount) {
      if (rowCount > 0) await applyEdits([{ kind: 'deleteRows', sheet, row, rowCount }]);
    },
    async formatSheet(sheet, format) {
      await applyEdits([{ kind: 'format', sheet, format }]);
    },
    async protect(sheet) {
      await applyEdits([{ kind: 'protect', sheet }]);
    },
    async unprotect(sheet) {
      await excel.run(async (context) => {
        context.workbook.worksheets.getItem(sheet).protection.unprotect();
        await context.sync();
      });
      protectedSheets.set(sheet, false);
    },
    async isProtected(sheet) {
      return excel.run(async (context) => {
        const protection = context.workbook.worksheets.getItem(sheet).protection;
        protection.load('protected');
        await context.sync();
        protectedSheets.set(sheet, protection.protected);
        return protection.protected;
      });
    },
    async getSelection(): Promise<Selection> {
      return excel.run(async (context) => {
        // getSelectedRanges, not getSelectedRange: the latter fails when several areas are selected (Ctrl+click).
        const selected = context.workbook.getSelectedRanges();
        selected.areas.load('rowIndex, rowCount');
        const ws = selected.worksheet;
        ws.load('name');
        const used = ws.getUsedRangeOrNullObject(true);
        used.load('isNullObject, rowIndex, rowCount');
        await context.sync();
        const usedRows = used.isNullObject ? 0 : used.rowIndex + used.rowCount;
        return { sheet: ws.name, rows: rowsOf(selected.areas.items, usedRows) };
      });
    },
    async select(sheet, area) {
      await applyEdits([{ kind: 'select', sheet, area }]);
    },
    async getSetting(key) {
      return excel.run(async (context) => {
        const setting = context.workbook.settings.getItemOrNullObject(key);
        setting.load('isNullObject, value');
        await context.sync();
        return setting.isNullObject ? undefined : String(setting.value);
      });
    },
    async setSetting(key, value) {
      await applyEdits([{ kind: 'setting', key, value }]);
    },
    ...eventSubscriptions(excel, () => host.getSelection()),
  };
  return host;
}
