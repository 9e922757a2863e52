/**
 * The only module that calls the Excel JavaScript API. Each method is one Excel.run with one sync,
 * unless a value must be read before it can be used (said where it happens).
 * Typed against Office.js itself, so it runs unchanged on real Excel (pass the global `Excel`)
 * and on the simulated API (`createSimulatedExcel()`).
 */
import type { CellArea, CellsChanged, HostCellValue, Selection, SheetFormat, WorkbookHost } from './workbook-host';
import { parseAddress } from './simulated/addresses';
import { EXCEL_BLOCK_BUDGET_BYTES, estimateJsonBytes } from '../core/chunk';

/** The part of the `Excel` namespace this host uses. */
export interface ExcelApi {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  run<T>(context: OfficeExtension.ClientRequestContext, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
}

/**
 * Users may insert rows for new records, resize columns and use the AutoFilter applied at prepare (Excel allows
 * filtering a protected sheet only with allowAutoFilter and a filter set before protecting). allowSort is on, yet
 * Excel never sorts a range holding locked cells on a protected sheet: the add-in sorts for the user (sortRows).
 * Deleting rows stays with the add-in (it marks them instead).
 */
export const PROTECTION_OPTIONS: Excel.WorksheetProtectionOptions = {
  allowInsertRows: true,
  allowFormatColumns: true,
  allowFormatRows: true,
  allowSort: true,
  allowAutoFilter: true,
};

/** Rows and columns in an Excel worksheet. */
const EXCEL_ROWS = 1048576;
const EXCEL_COLUMNS = 16384;

/** Excel refuses a list typed into the rule beyond this length; longer lists belong on a lists sheet. */
const INLINE_LIST_LIMIT = 255;

function areaRange(ws: Excel.Worksheet, area: CellArea): Excel.Range {
  return ws.getRangeByIndexes(area.row, area.column, area.rowCount, area.columnCount);
}

function inlineList(values: string[]): string {
  const source = values.join(',');
  if (values.some((v) => v.includes(',')) || source.length > INLINE_LIST_LIMIT) {
    throw new Error(`The list "${source.slice(0, 40)}…" cannot be typed into a validation rule; give it as a range on a lists sheet.`);
  }
  return source;
}

/** A formula comparing with text: quotes inside are doubled, as Excel formulas require. */
function textFormula(text: string): string {
  return `="${text.replace(/"/g, '""')}"`;
}

/** One column past the rightmost one the format touches. */
function formatWidth(format: SheetFormat): number {
  const areas: CellArea[] = [
    ...format.unlocked,
    ...(format.shaded ?? []),
    ...(format.bold ?? []),
    ...format.validations,
    ...(format.conditionalFills ?? []),
    ...(format.textCells ?? []),
    ...(format.outlined ?? []),
  ];
  return Math.max(1, ...format.columns.map((c) => c.index + 1), ...areas.map((a) => a.column + a.columnCount));
}

/** An array of one value per cell: Excel refuses an array whose size differs from the range's, even a 1×1 one. */
function filled<T>(rowCount: number, columnCount: number, value: T): T[][] {
  return Array.from({ length: rowCount }, () => Array<T>(columnCount).fill(value));
}

type Step = (ws: Excel.Worksheet) => void;

/**
 * The data rows' number formats, one full-size array per column, split into steps (one request each) that stay
 * under the request budget: a format per cell is what Excel needs, and 100,000 rows of them exceed 5 MB.
 */
function numberFormatSteps(format: SheetFormat): Step[] {
  const { row, rowCount } = format.dataRows;
  const formatted = format.columns.filter((c): c is typeof c & { numberFormat: string } => c.numberFormat !== undefined);
  if (rowCount <= 0 || formatted.length === 0) return [];
  const bytesPerRow = formatted.reduce((n, c) => n + estimateJsonBytes([c.numberFormat]) + 2, 0);
  const rowsPerStep = Math.max(1, Math.floor(EXCEL_BLOCK_BUDGET_BYTES / bytesPerRow));
  const steps: Step[] = [];
  for (let start = row; start < row + rowCount; start += rowsPerStep) {
    const count = Math.min(rowsPerStep, row + rowCount - start);
    steps.push((ws) => {
      for (const column of formatted) ws.getRangeByIndexes(start, column.index, count, 1).numberFormat = filled(count, 1, column.numberFormat);
    });
  }
  return steps;
}

function queueFormat(ws: Excel.Worksheet, format: SheetFormat): void {
  for (const column of format.columns) {
    const range = ws.getRangeByIndexes(0, column.index, 1, 1);
    if (column.width !== undefined) range.format.columnWidth = column.width;
    if (column.hidden !== undefined) range.columnHidden = column.hidden;
  }
  const { row, rowCount } = format.dataRows;
  if (rowCount > 0) {
    // The formatted rows start from a clean state, so formatting again (or retrying) gives the same sheet.
    const block = ws.getRangeByIndexes(row, 0, rowCount, formatWidth(format));
    block.format.protection.locked = true;
    block.dataValidation.clear();
    block.conditionalFormats.clearAll();
  }
  for (const area of format.unlocked) areaRange(ws, area).format.protection.locked = false;
  for (const area of format.shaded ?? []) areaRange(ws, area).format.fill.color = area.fill;
  for (const area of format.bold ?? []) areaRange(ws, area).format.font.bold = true;
  for (const area of format.textCells ?? []) areaRange(ws, area).numberFormat = filled(area.rowCount, area.columnCount, '@');
  for (const area of format.outlined ?? []) outline(areaRange(ws, area));
  for (const v of format.validations) {
    const range = areaRange(ws, v);
    range.dataValidation.clear(); // a rule cannot be set over another one
    range.dataValidation.rule = { list: { inCellDropDown: true, source: typeof v.source === 'string' ? v.source : inlineList(v.source) } };
  }
  for (const f of format.conditionalFills ?? []) {
    const rule = areaRange(ws, f).conditionalFormats.add('CellValue').cellValue;
    rule.format.fill.color = f.fill;
    if (f.fontColor) rule.format.font.color = f.fontColor;
    rule.rule = { formula1: textFormula(f.equals), operator: 'EqualTo' };
  }
  if (format.freezeColumns && format.freezeRows) {
    // freezeAt freezes the rows above and the columns left of the range's lower-right corner, both at once.
    ws.freezePanes.freezeAt(ws.getRangeByIndexes(0, 0, format.freezeRows, format.freezeColumns));
  } else if (format.freezeRows) ws.freezePanes.freezeRows(format.freezeRows);
  if (format.autoFilter) ws.autoFilter.apply(areaRange(ws, format.autoFilter));
}

const EDGES = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight'] as const;

/** A bold border round an input cell; a host without borders (the simulated Excel) shows the cell's fill alone. */
function outline(range: Excel.Range): void {
  const borders = (range.format as Partial<Excel.RangeFormat>).borders;
  if (!borders) return;
  for (const edge of EDGES) {
    const border = borders.getItem(edge);
    border.style = 'Continuous';
    border.weight = 'Thick';
  }
}

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

function isExcelError(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === code;
}

export function createOfficeHost(excel: ExcelApi): WorkbookHost {
  /**
   * Protection state of each sheet as this host last set or read it. Remembering it lets a write to a
   * protected sheet queue unprotect, write and protect in one request, without first reading the state.
   */
  const protectedSheets = new Map<string, boolean>();

  async function editOnce(sheet: string, known: boolean | undefined, steps: Step[]): Promise<void> {
    await excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      let wasProtected = known;
      if (wasProtected === undefined) {
        // Unknown (a sheet this host has not touched, e.g. after the pane reloads): it must be read before
        // the request can say whether to lift protection, so this one time there are two syncs.
        ws.protection.load('protected');
        await context.sync();
        wasProtected = ws.protection.protected;
        protectedSheets.set(sheet, wasProtected);
      }
      if (wasProtected) ws.protection.unprotect();
      for (const [i, step] of steps.entries()) {
        step(ws);
        if (wasProtected && i === steps.length - 1) ws.protection.protect(PROTECTION_OPTIONS);
        await context.sync();
      }
    });
  }

  /** Runs edits with protection lifted and restored in the same request (or, for steps, the same run of requests). */
  async function editSheet(sheet: string, edit: Step | Step[]): Promise<void> {
    const known = protectedSheets.get(sheet);
    const steps = Array.isArray(edit) ? edit : [edit];
    try {
      await editOnce(sheet, known, steps);
    } catch (error) {
      // The person protected the sheet by hand since this host last saw it: the edits were refused
      // (each edit is a write or an idempotent format), so learn the state and do them again.
      if (known !== false || !isExcelError(error, 'InvalidOperation')) throw error;
      protectedSheets.delete(sheet);
      await editOnce(sheet, undefined, steps);
    }
  }

  function subscription(result: OfficeExtension.EventHandlerResult<unknown>): () => Promise<void> {
    return async () => {
      // A handler is removed through the request context that added it.
      await excel.run(result.context, async (context) => {
        result.remove();
        await context.sync();
      });
    };
  }

  const host: WorkbookHost = {
    async createSheet(name, options = {}) {
      await excel.run(async (context) => {
        const sheets = context.workbook.worksheets;
        const existing = sheets.getItemOrNullObject(name);
        existing.load('isNullObject, visibility');
        await context.sync(); // whether a sheet of that name exists decides what the request does
        // The old sheet is renamed out of the way, not deleted first: a workbook must keep one visible sheet.
        if (!existing.isNullObject) existing.name = `~old ${Date.now()}`.slice(0, 31);
        const sheet = sheets.add(name);
        // Very hidden: Excel's Unhide dialog does not offer it, so people cannot show and edit it by hand.
        if (options.hidden) sheet.visibility = 'VeryHidden';
        else sheet.activate();
        // A very hidden sheet cannot be deleted (Worksheet.delete): it is made hidden first.
        if (!existing.isNullObject && existing.visibility === 'VeryHidden') existing.visibility = 'Hidden';
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
      if (values.length === 0 || values[0].length === 0) return;
      await editSheet(sheet, (ws) => {
        ws.getRangeByIndexes(row, column, values.length, values[0].length).values = values;
      });
    },
    async writeAreas(sheet, areas) {
      const nonEmpty = areas.filter((a) => a.values.length > 0 && a.values[0].length > 0);
      if (nonEmpty.length === 0) return;
      await editSheet(sheet, (ws) => {
        for (const a of nonEmpty) ws.getRangeByIndexes(a.row, a.column, a.values.length, a.values[0].length).values = a.values;
      });
    },
    async writeUnlockedAreas(sheet, areas) {
      const nonEmpty = areas.filter((a) => a.values.length > 0 && a.values[0].length > 0);
      if (nonEmpty.length === 0) return;
      await excel.run(async (context) => {
        // No unprotect/protect: Microsoft lists both as clearing the user's undo stack; unlocked cells need neither.
        const ws = context.workbook.worksheets.getItem(sheet);
        for (const a of nonEmpty) ws.getRangeByIndexes(a.row, a.column, a.values.length, a.values[0].length).values = a.values;
        await context.sync();
      });
    },
    async markCells(sheet, marks) {
      if (marks.length === 0) return;
      await editSheet(sheet, (ws) => {
        for (const m of marks) {
          const range = ws.getRangeByIndexes(m.row, m.column, 1, 1);
          if (m.fill) range.format.fill.color = m.fill;
          else range.format.fill.clear();
          // Setting the prompt keeps the cell's rule (a dropdown stays a dropdown); a cell has one validation only.
          range.dataValidation.prompt = m.message ? { showPrompt: true, title: m.message.title, message: m.message.text } : { showPrompt: false, title: '', message: '' };
        }
      });
    },
    async sortRows(sheet, area, column, ascending) {
      await editSheet(sheet, (ws) => areaRange(ws, area).sort.apply([{ key: column - area.column, ascending }]));
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
      return excel.run(async (context) => {
        const ws = context.workbook.worksheets.getItem(sheet);
        const used = (fromColumn > 0 ? ws.getRangeByIndexes(0, fromColumn, EXCEL_ROWS, EXCEL_COLUMNS - fromColumn) : ws).getUsedRangeOrNullObject(true);
        used.load('isNullObject, rowIndex, rowCount');
        await context.sync();
        return used.isNullObject ? 0 : used.rowIndex + used.rowCount;
      });
    },
    async deleteRows(sheet, row, rowCount) {
      if (rowCount <= 0) return;
      await editSheet(sheet, (ws) => ws.getRangeByIndexes(row, 0, rowCount, 1).getEntireRow().delete('Up'));
    },
    async formatSheet(sheet, format) {
      // The first block of number formats goes with the rest of the format, so a small sheet takes one request.
      const [first, ...rest] = numberFormatSteps(format);
      await editSheet(sheet, [(ws) => (queueFormat(ws, format), first?.(ws)), ...rest]);
    },
    async protect(sheet) {
      await excel.run(async (context) => {
        const protection = context.workbook.worksheets.getItem(sheet).protection;
        // protect() fails on a protected sheet; unprotecting an unprotected one does nothing, so lift it first
        // unless this host knows it is off.
        if (protectedSheets.get(sheet) !== false) protection.unprotect();
        protection.protect(PROTECTION_OPTIONS);
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
      await excel.run(async (context) => {
        const ws = context.workbook.worksheets.getItem(sheet);
        ws.activate(); // a range can only be selected on the active sheet
        areaRange(ws, area).select();
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
        context.workbook.settings.add(key, value); // stored in the document, so it travels with the workbook
        await context.sync();
      });
    },
    async onCellsChanged(sheet, handler: (change: CellsChanged) => void) {
      const result = await excel.run(async (context) => {
        const added = context.workbook.worksheets.getItem(sheet).onChanged.add(async (event) => {
          handler({ sheet, ...parseAddress(event.address) });
        });
        await context.sync();
        return added;
      });
      return subscription(result as OfficeExtension.EventHandlerResult<unknown>);
    },
    async onSheetActivated(handler: (sheet: string) => void) {
      const result = await excel.run(async (context) => {
        // The event names the sheet by id; its name is read afterwards (getItem takes a name or an id).
        const added = context.workbook.worksheets.onActivated.add(async (event) => {
          const name = await excel.run(async (c) => {
            const ws = c.workbook.worksheets.getItem(event.worksheetId);
            ws.load('name');
            await c.sync();
            return ws.name;
          }).catch(() => undefined); // the sheet went again before its name was read
          if (name !== undefined) handler(name);
        });
        await context.sync();
        return added;
      });
      return subscription(result as OfficeExtension.EventHandlerResult<unknown>);
    },
    async onSelectionChanged(handler: (selection: Selection) => void) {
      const result = await excel.run(async (context) => {
        // The event names the address only; the rows of every area are read afterwards.
        const added = context.workbook.worksheets.onSelectionChanged.add(async () => {
          handler(await host.getSelection());
        });
        await context.sync();
        return added;
      });
      return subscription(result as OfficeExtension.EventHandlerResult<unknown>);
    },
  };
  return host;
}
