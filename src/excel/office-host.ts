/**
 * The only module that calls the Excel JavaScript API. Each method is one Excel.run with one sync,
 * unless a value must be read before it can be used (said where it happens).
 * Works the same on real Excel (pass the global `Excel`) and on the simulated API.
 */
import type { CellArea, CellsChanged, HostCellValue, Selection, SheetFormat, WorkbookHost } from './workbook-host';
import { parseAddress } from './simulated/addresses';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Context = any;
export interface ExcelApi {
  run<T>(batch: (context: Context) => Promise<T>): Promise<T>;
}

const PROTECTION_OPTIONS = { allowInsertRows: true, allowFormatColumns: true, allowFormatRows: true, allowSort: true, allowAutoFilter: true };

function rows(area: CellArea): number[] {
  return Array.from({ length: area.rowCount }, (_, i) => area.row + i);
}

export function createOfficeHost(excel: ExcelApi): WorkbookHost {
  // Protection state this host set, so a write to a protected sheet needs no extra read to know it.
  const protectedSheets = new Map<string, boolean>();

  /** Runs edits with protection lifted and restored in the same request. */
  async function editSheet(sheet: string, edit: (ws: Context, context: Context) => void): Promise<void> {
    await excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      let wasProtected = protectedSheets.get(sheet);
      if (wasProtected === undefined) {
        // Unknown (e.g. the pane was reloaded): one read of the protection state first.
        ws.protection.load('protected');
        await context.sync();
        wasProtected = ws.protection.protected as boolean;
        protectedSheets.set(sheet, wasProtected);
      }
      if (wasProtected) ws.protection.unprotect();
      edit(ws, context);
      if (wasProtected) ws.protection.protect(PROTECTION_OPTIONS);
      await context.sync();
    });
  }

  const host: WorkbookHost = {
    async createSheet(name, options = {}) {
      await excel.run(async (context) => {
        const sheets = context.workbook.worksheets;
        const existing = sheets.getItemOrNullObject(name);
        existing.load('isNullObject');
        await context.sync(); // must know whether a sheet of that name exists before replacing it
        if (!existing.isNullObject) existing.name = `~old ${Date.now()}`.slice(0, 31);
        const sheet = sheets.add(name);
        if (options.hidden) sheet.visibility = 'Hidden';
        else sheet.activate();
        if (!existing.isNullObject) existing.delete();
        await context.sync();
      });
      protectedSheets.set(name, false);
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
        return sheet.name as string;
      });
    },
    async activateSheet(name) {
      await excel.run(async (context) => {
        context.workbook.worksheets.getItem(name).activate();
        await context.sync();
      });
    },
    async writeValues(sheet, row, column, values) {
      if (values.length === 0) return;
      await editSheet(sheet, (ws) => {
        ws.getRangeByIndexes(row, column, values.length, values[0].length).values = values;
      });
    },
    async readValues(sheet, area) {
      return excel.run(async (context) => {
        const range = context.workbook.worksheets.getItem(sheet).getRangeByIndexes(area.row, area.column, area.rowCount, area.columnCount);
        range.load('values');
        await context.sync();
        return range.values as HostCellValue[][];
      });
    },
    async usedRowCount(sheet) {
      return excel.run(async (context) => {
        const used = context.workbook.worksheets.getItem(sheet).getUsedRangeOrNullObject(true);
        used.load('isNullObject, rowIndex, rowCount');
        await context.sync();
        return used.isNullObject ? 0 : (used.rowIndex as number) + (used.rowCount as number);
      });
    },
    async deleteRows(sheet, row, rowCount) {
      await editSheet(sheet, (ws) => ws.getRangeByIndexes(row, 0, rowCount, 1).getEntireRow().delete('Up'));
    },
    async formatSheet(sheet, format: SheetFormat) {
      await editSheet(sheet, (ws) => {
        for (const column of format.columns) {
          const range = ws.getRangeByIndexes(0, column.index, 1, 1);
          if (column.width !== undefined) range.format.columnWidth = column.width;
          if (column.hidden) range.columnHidden = true;
        }
        for (const column of format.columns) {
          if (column.numberFormat) ws.getRangeByIndexes(format.dataRows.row, column.index, format.dataRows.rowCount, 1).numberFormat = column.numberFormat;
        }
        for (const area of format.unlocked) ws.getRangeByIndexes(area.row, area.column, area.rowCount, area.columnCount).format.protection.locked = false;
        for (const area of format.shaded ?? []) ws.getRangeByIndexes(area.row, area.column, area.rowCount, area.columnCount).format.fill.color = area.fill;
        for (const area of format.bold ?? []) ws.getRangeByIndexes(area.row, area.column, area.rowCount, area.columnCount).format.font.bold = true;
        for (const v of format.validations) {
          const range = ws.getRangeByIndexes(v.row, v.column, v.rowCount, v.columnCount);
          range.dataValidation.clear();
          range.dataValidation.rule = { list: { inCellDropDown: true, source: typeof v.source === 'string' ? v.source : v.source.join(',') } };
        }
        for (const f of format.conditionalFills ?? []) {
          const cf = ws.getRangeByIndexes(f.row, f.column, f.rowCount, f.columnCount).conditionalFormats.add('CellValue');
          cf.cellValue.format.fill.color = f.fill;
          if (f.fontColor) cf.cellValue.format.font.color = f.fontColor;
          cf.cellValue.rule = { formula1: `="${f.equals}"`, operator: 'EqualTo' };
        }
        if (format.freezeRows) ws.freezePanes.freezeRows(format.freezeRows);
      });
    },
    async protect(sheet) {
      await excel.run(async (context) => {
        const ws = context.workbook.worksheets.getItem(sheet);
        if (protectedSheets.get(sheet) !== false) ws.protection.unprotect(); // protect() fails on a protected sheet
        ws.protection.protect(PROTECTION_OPTIONS);
        await context.sync();
      });
      protectedSheets.set(sheet, true);
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
        return protection.protected as boolean;
      });
    },
    async getSelection(): Promise<Selection> {
      return excel.run(async (context) => {
        const range = context.workbook.getSelectedRange();
        range.load('rowIndex, rowCount');
        const ws = range.worksheet;
        ws.load('name');
        await context.sync();
        return { sheet: ws.name as string, rows: rows({ row: range.rowIndex, column: 0, rowCount: range.rowCount, columnCount: 1 }) };
      });
    },
    async select(sheet, area) {
      await excel.run(async (context) => {
        const ws = context.workbook.worksheets.getItem(sheet);
        ws.activate();
        ws.getRangeByIndexes(area.row, area.column, area.rowCount, area.columnCount).select();
        await context.sync();
      });
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
      await excel.run(async (context) => {
        context.workbook.settings.add(key, value);
        await context.sync();
      });
    },
    async onCellsChanged(sheet, handler: (change: CellsChanged) => void) {
      return excel.run(async (context) => {
        const subscription = context.workbook.worksheets.getItem(sheet).onChanged.add(async (event: { address: string }) => {
          handler({ sheet, ...parseAddress(event.address) });
        });
        await context.sync();
        return async () => {
          // An event handler is removed through the request context that added it.
          subscription.remove();
          await subscription.context.sync();
        };
      });
    },
    async onSelectionChanged(handler: (selection: Selection) => void) {
      return excel.run(async (context) => {
        const subscription = context.workbook.worksheets.onSelectionChanged.add(async () => {
          handler(await host.getSelection());
        });
        await context.sync();
        return async () => {
          // An event handler is removed through the request context that added it.
          subscription.remove();
          await subscription.context.sync();
        };
      });
    },
  };
  return host;
}
