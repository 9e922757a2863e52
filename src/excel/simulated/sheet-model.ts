/** One sheet of the simulated workbook: its cells, formats, validation, protection, freeze panes and used range. */
import type { Area } from './addresses';
import type { StoredFormula } from './formulas';

export type Value = string | number | boolean;

export interface CellData {
  value: Value;
  numberFormat?: string;
  locked?: boolean; // Excel's default is locked
  fill?: string;
  fontColor?: string;
  bold?: boolean;
  /** List validation: values, or a range formula such as "=Lists!$A$1:$A$9". */
  list?: string[] | string;
  /** The input message shown when the cell is selected (data-validation.ts). */
  prompt?: { title: string; message: string };
  /** A formula (formulas.ts); `value` is then unused and the cell shows the formula's result. */
  formula?: StoredFormula;
}

export interface ConditionalFill extends Area {
  equals: string;
  fill: string;
  fontColor?: string;
}

export interface ProtectionOptions {
  allowInsertRows?: boolean;
  allowDeleteRows?: boolean;
  allowFormatColumns?: boolean;
  allowSort?: boolean;
  allowAutoFilter?: boolean;
}

/** Excel's grid size: a range this many rows tall is a set of entire columns. */
export const MAX_ROWS = 1048576;
export const MAX_COLUMNS = 16384;

export type FormatKey = 'numberFormat' | 'locked' | 'fill' | 'fontColor' | 'bold' | 'list' | 'prompt';

export class SheetModel {
  /** Sparse storage: one array per row that holds anything, one object per cell that holds anything. */
  rows: Array<Array<CellData | undefined> | undefined> = [];
  /** Column layout, and formats set on entire columns (new cells in the column take them, as in Excel). */
  columns: Array<{ width?: number; hidden?: boolean; format?: Partial<Pick<CellData, FormatKey>> } | undefined> = [];
  protectedWith: ProtectionOptions | undefined;
  frozenRows = 0;
  frozenColumns = 0;
  hidden = false;
  /** Hidden so that a person cannot unhide it, only code (Excel's VeryHidden; see sheet-visibility.ts). */
  veryHidden = false;
  conditionalFills: ConditionalFill[] = [];
  constructor(
    public name: string,
    public readonly id: string,
  ) {}

  get(row: number, column: number): CellData | undefined {
    return this.rows[row]?.[column];
  }

  /** The cell, created on first write. */
  at(row: number, column: number): CellData {
    const cells = (this.rows[row] ??= []);
    return (cells[column] ??= { value: '' });
  }

  /** A format property as Excel resolves it: the cell's own, else its column's, else Excel's default. */
  formatOf<K extends FormatKey>(row: number, column: number, key: K): CellData[K] | undefined {
    const own = this.get(row, column);
    if (own && key in own) return own[key];
    return this.columns[column]?.format?.[key];
  }

  isLocked(row: number, column: number): boolean {
    return this.formatOf(row, column, 'locked') ?? true; // Excel's default is locked
  }

  /** Sets a format on an area; on entire columns it is kept once per column, not per cell. */
  setFormat<K extends FormatKey>(area: Area, key: K, value: CellData[K] | undefined): void {
    if (area.row === 0 && area.rowCount >= MAX_ROWS) {
      for (let c = area.column; c < area.column + area.columnCount; c++) {
        const info = (this.columns[c] ??= {});
        info.format = { ...info.format, [key]: value };
      }
      for (const cells of this.rows) {
        if (!cells) continue;
        for (let c = area.column; c < Math.min(cells.length, area.column + area.columnCount); c++) if (cells[c]) delete cells[c]![key];
      }
      return;
    }
    for (let r = area.row; r < area.row + area.rowCount; r++) {
      for (let c = area.column; c < area.column + area.columnCount; c++) {
        if (value === undefined && !this.get(r, c)) continue;
        this.at(r, c)[key] = value;
      }
    }
  }

  /** Inserts blank rows that take the formats, locks and validation of the row above (as Excel does). */
  insertRows(row: number, count: number): void {
    const above = row > 0 ? this.rows[row - 1] : undefined;
    // Formats, locks and validation are copied; formulas are not (as in Excel).
    const template = () => above?.map((c) => (c ? { ...c, value: '' as Value, formula: undefined } : undefined));
    this.rows.splice(row, 0, ...Array.from({ length: count }, template));
    for (const f of this.conditionalFills) {
      if (f.row >= row) f.row += count;
      else if (f.row + f.rowCount > row - 1) f.rowCount += count; // a rule reaching the row above grows with it
    }
  }

  deleteRows(row: number, count: number): void {
    this.rows.splice(row, count);
    this.conditionalFills = this.conditionalFills.flatMap((f) => {
      const end = f.row + f.rowCount;
      if (end <= row) return [f];
      if (f.row >= row + count) return [{ ...f, row: f.row - count }];
      const kept = Math.max(0, row - f.row) + Math.max(0, end - (row + count));
      return kept > 0 ? [{ ...f, row: Math.min(f.row, row), rowCount: kept }] : [];
    });
  }

  /** Removes conditional formats from an area, keeping the parts of each rule outside it (as Excel's clearAll does). */
  clearConditionalFills(area: Area): void {
    this.conditionalFills = this.conditionalFills.flatMap((f) => subtract(f, area).map((part) => ({ ...f, ...part })));
  }

  usedRowCount(): number {
    for (let r = this.rows.length - 1; r >= 0; r--) {
      if (this.rows[r]?.some((c) => c !== undefined && (c.value !== '' || c.formula))) return r + 1;
    }
    return 0;
  }

  usedColumnCount(): number {
    let max = 0;
    for (const cells of this.rows) {
      if (!cells) continue;
      for (let c = cells.length - 1; c >= max; c--) if (cells[c] && (cells[c]!.value !== '' || cells[c]!.formula)) max = c + 1;
    }
    return max;
  }
}

/** The parts of `a` outside `b`: up to four rectangles. */
function subtract(a: Area, b: Area): Area[] {
  const top = Math.max(a.row, b.row);
  const bottom = Math.min(a.row + a.rowCount, b.row + b.rowCount);
  const left = Math.max(a.column, b.column);
  const right = Math.min(a.column + a.columnCount, b.column + b.columnCount);
  if (top >= bottom || left >= right) return [a];
  const parts: Area[] = [
    { row: a.row, column: a.column, rowCount: top - a.row, columnCount: a.columnCount },
    { row: bottom, column: a.column, rowCount: a.row + a.rowCount - bottom, columnCount: a.columnCount },
    { row: top, column: a.column, rowCount: bottom - top, columnCount: left - a.column },
    { row: top, column: right, rowCount: bottom - top, columnCount: a.column + a.columnCount - right },
  ];
  return parts.filter((p) => p.rowCount > 0 && p.columnCount > 0);
}
