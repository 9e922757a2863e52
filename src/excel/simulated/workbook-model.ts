/**
 * The in-memory workbook behind the simulated Excel API, and what a person can do to it
 * (type, pick from a dropdown, paste, insert rows, select), with Excel's rules:
 * locked cells on a protected sheet refuse edits, list validation refuses other values,
 * and, like Excel, change events do not fire for dropdown picks or pastes.
 */
import { parseAddress, type Area } from './addresses';
import { cellValue, writeCellValue, type StoredFormula } from './formulas';

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

export type ChangeListener = (sheet: SheetModel, area: Area, source: 'Local' | 'Remote') => void;
export type SelectionListener = (sheet: SheetModel, area: Area) => void;
export type ActivationListener = (sheet: SheetModel) => void;

export type UserResult = { ok: true } | { ok: false; message: string };

const PROTECTED_MESSAGE = "The cell or chart you're trying to change is on a protected sheet. To make a change, unprotect the sheet.";
const VALIDATION_MESSAGE = "This value doesn't match the data validation restrictions defined for this cell.";

function excelSerialToParts(serial: number): { y: number; m: number; d: number } {
  // 1900 date system: serial 60 is Excel's fictitious 1900-02-29.
  const days = serial > 60 ? serial - 1 : serial;
  const date = new Date(Date.UTC(1899, 11, 31) + Math.floor(days) * 86400000);
  return { y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate() };
}

/** Formats a cell's value the way Excel shows it, for the date formats the engine uses. */
export function formatValue(value: Value, numberFormat: string | undefined): string {
  if (typeof value === 'number' && numberFormat && /[dmy]/i.test(numberFormat) && numberFormat !== 'General') {
    const { y, m, d } = excelSerialToParts(value);
    return numberFormat.toLowerCase().replace(/yyyy|yy|mm|m|dd|d/g, (token) => {
      switch (token) {
        case 'yyyy': return String(y);
        case 'yy': return String(y % 100).padStart(2, '0');
        case 'mm': return String(m).padStart(2, '0');
        case 'm': return String(m);
        case 'dd': return String(d).padStart(2, '0');
        default: return String(d);
      }
    });
  }
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return String(value);
}

export class SimulatedWorkbook {
  readonly sheets: SheetModel[] = [];
  readonly settings = new Map<string, string>();
  private active: string | undefined;
  private sel: { sheet: string; areas: Area[] } | undefined;
  private nextId = 1;
  private readonly listeners = new Set<() => void>();
  readonly changeListeners = new Set<ChangeListener>();
  readonly selectionListeners = new Set<SelectionListener>();
  /** worksheets.onActivated: told whenever another sheet becomes the active one. */
  readonly activationListeners = new Set<ActivationListener>();
  /**
   * Requests made (syncCount), the last and the largest request or response (bytes), requests Excel refused for their
   * size, and the bytes of cell values set and loaded (the payload a request count is judged against).
   */
  readonly counters = { syncCount: 0, lastRequestBytes: 0, maxRequestBytes: 0, refusedCount: 0, valueBytesWritten: 0, valueBytesRead: 0 };

  constructor() {
    this.addSheet('Sheet1');
  }

  // ----- structure (used by the simulated API) -----
  sheet(name: string): SheetModel | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }
  sheetById(id: string): SheetModel | undefined {
    return this.sheets.find((s) => s.id === id);
  }
  addSheet(name: string): SheetModel {
    const sheet = new SheetModel(name, `{sheet-${this.nextId++}}`);
    this.sheets.push(sheet);
    this.active ??= name;
    return sheet;
  }
  removeSheet(name: string): void {
    const i = this.sheets.findIndex((s) => s.name.toLowerCase() === name.toLowerCase());
    if (i >= 0) this.sheets.splice(i, 1);
    if (this.active?.toLowerCase() === name.toLowerCase()) this.changeActive(this.visibleSheetNames()[0]);
    if (this.sel?.sheet.toLowerCase() === name.toLowerCase()) this.sel = undefined;
  }
  setActive(name: string): void {
    this.changeActive(this.sheet(name)?.name);
    this.sel = { sheet: this.active ?? name, areas: [{ row: 0, column: 0, rowCount: 1, columnCount: 1 }] };
  }
  /** Makes a sheet the active one; when that is another sheet, onActivated fires (after the change, never inside it). */
  private changeActive(name: string | undefined): void {
    const changed = name !== this.active;
    this.active = name;
    const sheet = name === undefined ? undefined : this.sheet(name);
    if (changed && sheet) setTimeout(() => this.activationListeners.forEach((listener) => listener(sheet)), 0);
  }
  setSelection(sheet: string, areas: Area[]): void {
    this.sel = { sheet, areas };
  }
  /** Every area of the selection (Ctrl+click makes several). */
  selectedAreas(): { sheet: string; areas: Area[] } {
    return this.sel ?? { sheet: this.activeSheet(), areas: [{ row: 0, column: 0, rowCount: 1, columnCount: 1 }] };
  }
  /** Tells change listeners (worksheet onChanged) that values changed. */
  valuesChanged(sheet: SheetModel, area: Area): void {
    for (const listener of this.changeListeners) listener(sheet, area, 'Local');
  }
  resolveList(list: string[] | string | undefined): string[] | undefined {
    if (list === undefined || Array.isArray(list)) return list;
    const formula = list.startsWith('=') ? list.slice(1) : list;
    if (!formula.includes('!')) return formula.split(',').map((s) => s.trim());
    const sheetName = formula.slice(0, formula.lastIndexOf('!')).replace(/^'|'$/g, '');
    const sheet = this.sheet(sheetName);
    if (!sheet) return [];
    const area = parseAddress(formula);
    const values: string[] = [];
    const last = Math.min(area.row + area.rowCount, sheet.rows.length);
    for (let r = area.row; r < last; r++) {
      const v = sheet.get(r, area.column)?.value;
      if (v !== undefined && v !== '') values.push(formatValue(v, sheet.formatOf(r, area.column, 'numberFormat')));
    }
    return values;
  }
  notify(): void {
    for (const listener of this.listeners) listener();
  }

  // ----- what a UI reads -----
  sheetNames(): string[] {
    return this.sheets.map((s) => s.name);
  }
  visibleSheetNames(): string[] {
    return this.sheets.filter((s) => !s.hidden).map((s) => s.name);
  }
  activeSheet(): string {
    return this.active ?? this.sheets[0]?.name ?? '';
  }
  activate(sheet: string): void {
    this.setActive(sheet);
    this.notify();
  }
  cell(sheet: string, row: number, column: number) {
    const s = this.requireSheet(sheet);
    const value = cellValue(s, row, column);
    const text = formatValue(value, s.formatOf(row, column, 'numberFormat'));
    const conditional = s.conditionalFills.find(
      (f) => row >= f.row && row < f.row + f.rowCount && column >= f.column && column < f.column + f.columnCount && text === f.equals,
    );
    return {
      value,
      text,
      locked: s.isLocked(row, column),
      list: this.resolveList(s.formatOf(row, column, 'list')),
      prompt: s.formatOf(row, column, 'prompt'),
      fill: conditional?.fill ?? s.formatOf(row, column, 'fill'),
      fontColor: conditional?.fontColor ?? s.formatOf(row, column, 'fontColor'),
      bold: s.formatOf(row, column, 'bold') ?? false,
    };
  }
  dimensions(sheet: string): { rowCount: number; columnCount: number } {
    const s = this.requireSheet(sheet);
    return { rowCount: s.usedRowCount(), columnCount: s.usedColumnCount() };
  }
  columnInfo(sheet: string, column: number): { width?: number; hidden: boolean } {
    const info = this.requireSheet(sheet).columns[column];
    return { width: info?.width, hidden: info?.hidden ?? false };
  }
  isProtected(sheet: string): boolean {
    return this.requireSheet(sheet).protectedWith !== undefined;
  }
  frozenRows(sheet: string): number {
    return this.requireSheet(sheet).frozenRows;
  }
  frozenColumns(sheet: string): number {
    return this.requireSheet(sheet).frozenColumns;
  }
  selection(): { sheet: string; row: number; column: number; rowCount: number; columnCount: number } {
    const sel = this.selectedAreas();
    return { sheet: sel.sheet, ...sel.areas[0] };
  }
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  // ----- what a person does -----
  userEdit(sheet: string, row: number, column: number, value: Value): UserResult {
    return this.userWrite(sheet, row, column, [[value]], { validate: true, fireChange: true });
  }
  /** A dropdown pick: validated like typing, but Excel raises no change event for it. */
  userPickFromList(sheet: string, row: number, column: number, value: Value): UserResult {
    return this.userWrite(sheet, row, column, [[value]], { validate: true, fireChange: false });
  }
  /** A paste: protection applies; validation and change events do not (as in Excel). */
  userPaste(sheet: string, row: number, column: number, values: Value[][]): UserResult {
    return this.userWrite(sheet, row, column, values, { validate: false, fireChange: false });
  }
  userInsertRows(sheet: string, row: number, count: number): UserResult {
    const s = this.requireSheet(sheet);
    if (s.protectedWith && !s.protectedWith.allowInsertRows) return { ok: false, message: PROTECTED_MESSAGE };
    s.insertRows(row, count);
    this.notify();
    return { ok: true };
  }
  userSelect(sheet: string, area: Area): void {
    this.userSelectAreas(sheet, [area]);
  }
  /** A multi-area selection (Ctrl+click). */
  userSelectAreas(sheet: string, areas: Area[]): void {
    const s = this.requireSheet(sheet);
    this.setSelection(s.name, areas);
    this.changeActive(s.name);
    for (const listener of this.selectionListeners) listener(s, areas[0]);
    this.notify();
  }

  private userWrite(sheet: string, row: number, column: number, values: Value[][], how: { validate: boolean; fireChange: boolean }): UserResult {
    const s = this.requireSheet(sheet);
    for (let r = 0; r < values.length; r++) {
      for (let c = 0; c < values[r].length; c++) {
        if (s.protectedWith && s.isLocked(row + r, column + c)) return { ok: false, message: PROTECTED_MESSAGE };
        const list = this.resolveList(s.formatOf(row + r, column + c, 'list'));
        const v = values[r][c];
        if (how.validate && list && v !== '' && !list.includes(String(v))) return { ok: false, message: VALIDATION_MESSAGE };
      }
    }
    values.forEach((cells, r) => cells.forEach((v, c) => writeCellValue(s, row + r, column + c, v)));
    const area = { row, column, rowCount: values.length, columnCount: values[0]?.length ?? 1 };
    if (how.fireChange) this.valuesChanged(s, area);
    this.notify();
    return { ok: true };
  }

  private requireSheet(name: string): SheetModel {
    const s = this.sheet(name);
    if (!s) throw new Error(`There is no sheet named "${name}".`);
    return s;
  }
}
