/**
 * Part of the Office.js adapter (with office-host.ts): how a SheetFormat is queued on a worksheet. Only queues
 * operations; the caller syncs.
 */
import type { CellArea, SheetFormat } from './workbook-host';
import { EXCEL_BLOCK_BUDGET_BYTES, estimateJsonBytes } from '../core/chunk';

/** Excel refuses a list typed into the rule beyond this length; longer lists belong on a lists sheet. */
const INLINE_LIST_LIMIT = 255;

export function areaRange(ws: Excel.Worksheet, area: CellArea): Excel.Range {
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

export type Step = (ws: Excel.Worksheet) => void;

/**
 * The data rows' number formats, one full-size array per column, split into steps (one request each) that stay
 * under the request budget: a format per cell is what Excel needs, and 100,000 rows of them exceed 5 MB.
 */
export function numberFormatSteps(format: SheetFormat): Step[] {
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

export function queueFormat(ws: Excel.Worksheet, format: SheetFormat): void {
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
