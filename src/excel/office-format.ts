/**
 * Part of the Office.js adapter (with office-host.ts): how a SheetFormat is queued on a worksheet, in one request
 * whatever the number of rows. Only queues operations; the caller syncs.
 */
import type { CellArea, SheetFormat } from './workbook-host';

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

/**
 * One number format for every cell of the range, sent once: "To apply the same update to all cells in a range (…set
 * the same number format for all cells in a range…), set the corresponding property on the range object to the
 * desired (single) value" ("Excel JavaScript API programming overview", Update all cells in a range). Office.js
 * types the property as a 2-D array only, hence the cast. A format per cell would cost bytes per row: 100,000 rows
 * of them are over 5 MB.
 */
function formatEveryCell(range: Excel.Range, numberFormat: string): void {
  (range as unknown as { numberFormat: string }).numberFormat = numberFormat;
}

export function queueFormat(ws: Excel.Worksheet, format: SheetFormat): void {
  for (const column of format.columns) {
    const range = ws.getRangeByIndexes(0, column.index, 1, 1);
    if (column.width !== undefined) range.format.columnWidth = column.width;
    if (column.hidden !== undefined) range.columnHidden = column.hidden;
  }
  const { row, rowCount } = format.dataRows;
  if (rowCount > 0) {
    for (const column of format.columns) if (column.numberFormat !== undefined) formatEveryCell(ws.getRangeByIndexes(row, column.index, rowCount, 1), column.numberFormat);
    // The formatted rows start from a clean state, so formatting again (or retrying) gives the same sheet.
    const block = ws.getRangeByIndexes(row, 0, rowCount, formatWidth(format));
    block.format.protection.locked = true;
    block.dataValidation.clear();
    block.conditionalFormats.clearAll();
  }
  for (const area of format.unlocked) areaRange(ws, area).format.protection.locked = false;
  for (const area of format.shaded ?? []) areaRange(ws, area).format.fill.color = area.fill;
  for (const area of format.bold ?? []) areaRange(ws, area).format.font.bold = true;
  for (const area of format.textCells ?? []) formatEveryCell(areaRange(ws, area), '@');
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
