/**
 * The in-memory workbook behind the simulated Excel API, and what a person can do to it
 * (type, pick from a dropdown, paste, insert rows, select), with Excel's rules:
 * locked cells on a protected sheet refuse edits, list validation refuses other values,
 * and, like Excel, change events do not fire for dropdown picks or pastes.
 */
import { parseAddress, type Area } from './addresses';
import { cellValue, writeCellValue } from './formulas';
import { SheetModel, type Value } from './sheet-model';

export { MAX_COLUMNS, MAX_ROWS, SheetModel, type CellData, type ConditionalFill, type FormatKey, type ProtectionOptions, type Value } from './sheet-model';

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
    const resolveList = (list: string[] | string | undefined) => this.resolveList(list);
    const value = cellValue(s, row, column);
    const text = formatValue(value, s.formatOf(row, column, 'numberFormat'));
    const conditional = s.conditionalFills.find(
      (f) => row >= f.row && row < f.row + f.rowCount && column >= f.column && column < f.column + f.columnCount && text === f.equals,
    );
    return {
      value,
      text,
      locked: s.isLocked(row, column),
      hasList: s.formatOf(row, column, 'list') !== undefined,
      /** Resolved when read: a list from a range is read from its sheet, which only the selected cell's dropdown needs. */
      get list() {
        return resolveList(s.formatOf(row, column, 'list'));
      },
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
