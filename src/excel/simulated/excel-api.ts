/**
 * A simulated subset of the Excel JavaScript API, with Excel's semantics: proxy objects whose
 * properties must be loaded and synced before they are read, writes queued and applied at sync(),
 * protection and validation rules, *OrNullObject, events, and Excel on the web's 5 MB request limit.
 * Only what `office-host.ts` uses is here.
 */
import { formatAddress, parseAddress, type Area } from './addresses';
import { MAX_COLUMNS, MAX_ROWS, SimulatedWorkbook, type FormatKey, type ProtectionOptions, type SheetModel, type Value } from './workbook-model';
import { cellInputs, checkReadSize } from './range-input';
import { checkDeletable, setVisibility, visibilityOf, type Visibility } from './sheet-visibility';
import { applyAutoFilter, refuseApply, removeAutoFilter } from './autofilter';
import { cellValue, formulaAt, writeCellValue } from './formulas';
import { refuseSort, sortRows, type SortField } from './sort';
import { recordUndoClear } from './undo-log';
import { ClientObject, NOT_FOUND, notLoaded, propertyNames, RequestContext, SimulatedExcelError, sizeOf } from './request-context';
import { dataValidationOf } from './data-validation';

export { propertyNames, REQUEST_LIMIT_BYTES, RequestContext, SimulatedExcelError } from './request-context';

const PROTECTED = "The cell or chart you're trying to change is protected and therefore read-only.";

/**
 * A protected sheet refuses writes to its locked cells (every cell is locked unless unlocked before protecting) and,
 * without allowFormatCells, any format change ("Excel.WorksheetProtection class", "WorksheetProtectionOptions";
 * Microsoft Support "Protect a worksheet"). The whole write fails: no cell of the range changes.
 */
function checkProtection(sheet: SheetModel, area: Area, action: 'values' | 'format'): void {
  if (!sheet.protectedWith) return;
  if (action === 'format') throw new SimulatedExcelError('InvalidOperation', PROTECTED);
  for (let r = area.row; r < area.row + area.rowCount; r++) {
    for (let c = area.column; c < area.column + area.columnCount; c++) {
      if (sheet.isLocked(r, c)) throw new SimulatedExcelError('InvalidOperation', PROTECTED);
    }
  }
}

function forEachCell(area: Area, fn: (row: number, column: number, i: number, j: number) => void): void {
  for (let i = 0; i < area.rowCount; i++) for (let j = 0; j < area.columnCount; j++) fn(area.row + i, area.column + j, i, j);
}

type Resolver = () => { sheet: SheetModel; area: Area } | undefined;

export class RangeProxy extends ClientObject {
  constructor(
    ctx: RequestContext,
    private readonly resolver: Resolver,
    orNull = false,
  ) {
    super(ctx, orNull);
  }
  private target(): { sheet: SheetModel; area: Area } {
    const t = this.resolver();
    if (!t) throw new SimulatedExcelError('ItemNotFound', NOT_FOUND);
    return t;
  }
  protected override exists(): boolean {
    return this.resolver() !== undefined;
  }
  protected override read(name: string): unknown {
    const { sheet, area } = this.target();
    switch (name) {
      case 'values':
        checkReadSize(area);
        return Array.from({ length: area.rowCount }, (_, i) => Array.from({ length: area.columnCount }, (_, j) => cellValue(sheet, area.row + i, area.column + j)));
      case 'formulas':
        return Array.from({ length: area.rowCount }, (_, i) => Array.from({ length: area.columnCount }, (_, j) => formulaAt(sheet, area.row + i, area.column + j) ?? cellValue(sheet, area.row + i, area.column + j)));
      case 'rowIndex': return area.row;
      case 'columnIndex': return area.column;
      case 'rowCount': return area.rowCount;
      case 'columnCount': return area.columnCount;
      case 'address': return formatAddress(sheet.name, area);
      default: return super.read(name);
    }
  }
  get values(): Value[][] { return this.get('values'); }
  set values(values: Value[][]) {
    const bytes = sizeOf(values);
    this.ctx.queue(bytes, () => {
      this.ctx.valuesWritten(bytes);
      const { sheet, area } = this.target();
      const input = cellInputs<Value>(values, area);
      checkProtection(sheet, area, 'values');
      forEachCell(area, (r, c, i, j) => {
        const cell = input(i, j);
        if (cell.write) writeCellValue(sheet, r, c, cell.value);
      });
      this.ctx.changed.push({ sheet, area });
    });
  }
  /** Formulas are written as values are (formulas.ts evaluates the shapes the engine writes); the input follows the same rules. */
  set formulas(formulas: Value[][]) {
    this.values = formulas;
  }
  get rowIndex(): number { return this.get('rowIndex'); }
  get columnIndex(): number { return this.get('columnIndex'); }
  get rowCount(): number { return this.get('rowCount'); }
  get columnCount(): number { return this.get('columnCount'); }
  get address(): string { return this.get('address'); }
  set numberFormat(formats: string[][] | string) {
    this.ctx.queue(sizeOf(formats), () => {
      const { sheet, area } = this.target();
      const input = cellInputs(formats, area);
      checkProtection(sheet, area, 'format');
      if (!Array.isArray(formats)) return sheet.setFormat(area, 'numberFormat', formats);
      forEachCell(area, (r, c, i, j) => {
        const cell = input(i, j);
        if (cell.write) sheet.at(r, c).numberFormat = cell.value;
      });
    });
  }
  set columnHidden(hidden: boolean) {
    this.ctx.queue(8, () => {
      const { sheet, area } = this.target();
      checkProtection(sheet, area, 'format');
      for (let c = area.column; c < area.column + area.columnCount; c++) sheet.columns[c] = { ...sheet.columns[c], hidden };
    });
  }
  get formulas(): Value[][] { return this.get('formulas'); }
  get worksheet(): WorksheetProxy {
    return new WorksheetProxy(this.ctx, () => this.resolver()?.sheet);
  }
  /** Where this range is when the request runs (for the simulated AutoFilter, which takes a range). */
  simulatedTarget(): { sheet: SheetModel; area: Area } {
    return this.target();
  }
  /** Range.sort.apply (sort.ts has the rules). */
  get sort() {
    return {
      apply: (fields: SortField[], _matchCase?: boolean, hasHeaders?: boolean) =>
        this.ctx.queue(sizeOf(fields), () => {
          const { sheet, area } = this.target();
          const refusal = refuseSort(sheet, area);
          if (refusal) throw new SimulatedExcelError('InvalidOperation', refusal);
          sortRows(sheet, area, fields, hasHeaders);
        }),
    };
  }
  /** The used part of this range (Range.getUsedRangeOrNullObject): cells holding a value or a formula. */
  getUsedRangeOrNullObject(_valuesOnly?: boolean): RangeProxy {
    return new RangeProxy(this.ctx, () => {
      const t = this.resolver();
      return t && usedWithin(t.sheet, t.area);
    }, true);
  }
  get format() {
    const edit = (fn: (sheet: SheetModel, area: Area) => void, bytes = 16) =>
      this.ctx.queue(bytes, () => {
        const { sheet, area } = this.target();
        checkProtection(sheet, area, 'format');
        fn(sheet, area);
      });
    const set = (key: FormatKey) => (value: unknown) => edit((sheet, area) => sheet.setFormat(area, key, value as never));
    return {
      set columnWidth(width: number) {
        edit((sheet, area) => {
          for (let c = area.column; c < area.column + area.columnCount; c++) sheet.columns[c] = { ...sheet.columns[c], width };
        });
      },
      fill: { set color(color: string) { set('fill')(color); }, clear: () => set('fill')(undefined) },
      font: {
        set bold(bold: boolean) { set('bold')(bold); },
        set color(color: string) { set('fontColor')(color); },
      },
      protection: { set locked(locked: boolean) { set('locked')(locked); } },
    };
  }
  get dataValidation() {
    return dataValidationOf((fn, bytes) =>
      this.ctx.queue(bytes, () => {
        const { sheet, area } = this.target();
        checkProtection(sheet, area, 'format');
        fn(sheet, area);
      }),
    );
  }
  get conditionalFormats() {
    return {
      clearAll: () =>
        this.ctx.queue(8, () => {
          const { sheet, area } = this.target();
          checkProtection(sheet, area, 'format');
          sheet.clearConditionalFills(area);
        }),
      add: (type: string) => {
        if (type !== 'CellValue') throw new SimulatedExcelError('InvalidArgument', `Conditional format type ${type} is not simulated.`);
        const state = { fill: '', fontColor: undefined as string | undefined, formula: '' };
        this.ctx.queue(64, () => {
          const { sheet, area } = this.target();
          checkProtection(sheet, area, 'format');
          const equals = /^="(.*)"$/.exec(state.formula)?.[1].replace(/""/g, '"') ?? state.formula.replace(/^=/, '');
          sheet.conditionalFills.push({ ...area, equals, fill: state.fill, fontColor: state.fontColor });
        });
        return {
          cellValue: {
            format: { fill: { set color(v: string) { state.fill = v; } }, font: { set color(v: string) { state.fontColor = v; } } },
            set rule(rule: { formula1: string; operator: string }) {
              if (rule.operator !== 'EqualTo') throw new SimulatedExcelError('InvalidArgument', 'Only EqualTo is simulated.');
              state.formula = rule.formula1;
            },
          },
        };
      },
    };
  }
  getEntireRow(): RangeProxy {
    return new RangeProxy(this.ctx, () => {
      const t = this.resolver();
      return t && { sheet: t.sheet, area: { row: t.area.row, column: 0, rowCount: t.area.rowCount, columnCount: MAX_COLUMNS } };
    });
  }
  delete(shift: string): void {
    this.ctx.queue(16, () => {
      const { sheet, area } = this.target();
      if (shift !== 'Up' || area.columnCount !== MAX_COLUMNS) throw new SimulatedExcelError('InvalidArgument', 'Only deleting entire rows is simulated.');
      if (sheet.protectedWith && !sheet.protectedWith.allowDeleteRows) throw new SimulatedExcelError('InvalidOperation', PROTECTED);
      sheet.deleteRows(area.row, area.rowCount);
    });
  }
  select(): void {
    this.ctx.queue(16, () => {
      const { sheet, area } = this.target();
      if (this.ctx.model.activeSheet() !== sheet.name) throw new SimulatedExcelError('InvalidOperation', 'You can only select a range on the active sheet.');
      this.ctx.model.setSelection(sheet.name, [area]);
    });
  }
}

function usedWithin(sheet: SheetModel, area: Area): { sheet: SheetModel; area: Area } | undefined {
  let top = -1;
  let bottom = -1;
  let left = Number.MAX_SAFE_INTEGER;
  let right = -1;
  const end = Math.min(sheet.rows.length, area.row + area.rowCount);
  for (let r = area.row; r < end; r++) {
    const cells = sheet.rows[r];
    if (!cells) continue;
    for (let c = area.column; c < Math.min(cells.length, area.column + area.columnCount); c++) {
      const cell = cells[c];
      if (!cell || (cell.value === '' && !cell.formula)) continue;
      if (top < 0) top = r;
      bottom = r;
      left = Math.min(left, c);
      right = Math.max(right, c);
    }
  }
  return top < 0 ? undefined : { sheet, area: { row: top, column: left, rowCount: bottom - top + 1, columnCount: right - left + 1 } };
}

function usedArea(sheet: SheetModel): { sheet: SheetModel; area: Area } | undefined {
  const rowCount = sheet.usedRowCount();
  return rowCount === 0 ? undefined : { sheet, area: { row: 0, column: 0, rowCount, columnCount: Math.max(1, sheet.usedColumnCount()) } };
}

/** Event handlers: added and removed by queued operations, so they take effect at sync (as in Excel). */
class EventSource<Args> {
  constructor(
    private readonly ctx: RequestContext,
    private readonly subscribe: (handler: (args: Args) => Promise<unknown>) => () => void,
  ) {}
  add(handler: (args: Args) => Promise<unknown>) {
    let unsubscribe: (() => void) | undefined;
    this.ctx.queue(16, () => (unsubscribe = this.subscribe(handler)));
    return { context: this.ctx, remove: () => this.ctx.queue(16, () => unsubscribe?.()) };
  }
}

export class WorksheetProxy extends ClientObject {
  constructor(
    ctx: RequestContext,
    private readonly resolver: () => SheetModel | undefined,
    orNull = false,
  ) {
    super(ctx, orNull);
  }
  private target(): SheetModel {
    const sheet = this.resolver();
    if (!sheet) throw new SimulatedExcelError('ItemNotFound', NOT_FOUND);
    return sheet;
  }
  protected override exists(): boolean {
    return this.resolver() !== undefined;
  }
  protected override read(name: string): unknown {
    const sheet = this.target();
    if (name === 'name') return sheet.name;
    if (name === 'id') return sheet.id;
    if (name === 'visibility') return visibilityOf(sheet);
    return super.read(name);
  }
  get name(): string { return this.get('name'); }
  set name(name: string) {
    this.ctx.queue(sizeOf(name), () => {
      recordUndoClear(this.ctx.model, 'Worksheet.name');
      if (this.ctx.model.sheet(name) && this.ctx.model.sheet(name) !== this.target()) throw new SimulatedExcelError('ItemAlreadyExists', 'A resource with the same name or identifier already exists.');
      this.target().name = name;
    });
  }
  get id(): string { return this.get('id'); }
  get visibility(): Visibility { return this.get('visibility'); }
  set visibility(v: Visibility) {
    this.ctx.queue(16, () => {
      recordUndoClear(this.ctx.model, 'Worksheet.visibility');
      setVisibility(this.ctx.model, this.target(), v);
    });
  }
  /** getRange() is the whole sheet; getRange("A1:C3") an area. */
  getRange(address?: string): RangeProxy {
    const area = address ? parseAddress(address) : { row: 0, column: 0, rowCount: MAX_ROWS, columnCount: MAX_COLUMNS };
    return new RangeProxy(this.ctx, () => ({ sheet: this.target(), area }));
  }
  getRangeByIndexes(row: number, column: number, rowCount: number, columnCount: number): RangeProxy {
    return new RangeProxy(this.ctx, () => {
      // Checked by Excel when the request runs, so the request fails rather than the call.
      if (rowCount < 1 || columnCount < 1 || row < 0 || column < 0 || row + rowCount > MAX_ROWS || column + columnCount > MAX_COLUMNS) {
        throw new SimulatedExcelError('InvalidArgument', 'The argument is invalid or missing or has an incorrect format.');
      }
      return { sheet: this.target(), area: { row, column, rowCount, columnCount } };
    });
  }
  /** The used range: from A1 to the last row and column holding a value. (Excel without valuesOnly also counts formatted cells; the host asks for values only.) */
  getUsedRangeOrNullObject(_valuesOnly?: boolean): RangeProxy {
    return new RangeProxy(this.ctx, () => usedArea(this.target()), true);
  }
  getUsedRange(_valuesOnly?: boolean): RangeProxy {
    // An empty sheet's used range is A1.
    return new RangeProxy(this.ctx, () => usedArea(this.target()) ?? { sheet: this.target(), area: { row: 0, column: 0, rowCount: 1, columnCount: 1 } });
  }
  activate(): void {
    this.ctx.queue(16, () => {
      const sheet = this.target();
      if (sheet.hidden) throw new SimulatedExcelError('InvalidOperation', 'A hidden sheet cannot be activated.');
      this.ctx.model.setActive(sheet.name);
    });
  }
  delete(): void {
    this.ctx.queue(16, () => {
      const sheet = this.target();
      checkDeletable(sheet);
      if (this.ctx.model.visibleSheetNames().filter((n) => n !== sheet.name).length === 0 && !sheet.hidden) {
        throw new SimulatedExcelError('InvalidOperation', 'A workbook must contain at least one visible worksheet.');
      }
      recordUndoClear(this.ctx.model, 'Worksheet.delete');
      this.ctx.model.removeSheet(sheet.name);
    });
  }
  get freezePanes() {
    return {
      freezeRows: (count: number) => this.ctx.queue(8, () => { this.target().frozenRows = count; }),
      /** Freezes the rows above and the columns left of the range's bottom-right corner (FreezePanes.freezeAt). */
      freezeAt: (range: RangeProxy) =>
        this.ctx.queue(8, () => {
          const sheet = this.target();
          const { area } = range.simulatedTarget();
          sheet.frozenRows = area.row + area.rowCount;
          sheet.frozenColumns = area.column + area.columnCount;
        }),
    };
  }
  /** Worksheet.autoFilter (autofilter.ts has the rules). */
  get autoFilter() {
    return {
      apply: (range: RangeProxy, columnIndex?: number, criteria?: { filterOn: string; values?: string[] }) =>
        this.ctx.queue(64 + sizeOf(criteria), () => {
          const sheet = this.target();
          const { area } = range.simulatedTarget();
          const refusal = refuseApply(sheet, area);
          if (refusal) throw new SimulatedExcelError('InvalidOperation', refusal);
          applyAutoFilter(sheet, area, columnIndex, criteria?.values);
        }),
      remove: () =>
        this.ctx.queue(8, () => {
          const sheet = this.target();
          if (sheet.protectedWith) throw new SimulatedExcelError('InvalidOperation', PROTECTED);
          removeAutoFilter(sheet);
        }),
    };
  }
  private protectionProxy: ProtectionProxy | undefined;
  get protection(): ProtectionProxy {
    this.protectionProxy ??= new ProtectionProxy(this.ctx, () => this.target());
    return this.protectionProxy;
  }
  get onChanged() {
    return new EventSource<{ address: string; worksheetId: string; source: string; changeType: string }>(this.ctx, (handler) => {
      const listener = (sheet: SheetModel, area: Area, source: 'Local' | 'Remote') => {
        const me = this.resolver();
        if (me && sheet === me) void handler({ address: formatAddress(sheet.name, area).split('!')[1], worksheetId: sheet.id, source, changeType: 'RangeEdited' });
      };
      this.ctx.model.changeListeners.add(listener);
      return () => this.ctx.model.changeListeners.delete(listener);
    });
  }
}

class ProtectionProxy extends ClientObject {
  constructor(
    ctx: RequestContext,
    private readonly sheet: () => SheetModel,
  ) {
    super(ctx);
  }
  protected override read(name: string): unknown {
    if (name === 'protected') return this.sheet().protectedWith !== undefined;
    if (name === 'options') return { ...this.sheet().protectedWith };
    return super.read(name);
  }
  get protected(): boolean { return this.get('protected'); }
  get options(): ProtectionOptions { return this.get('options'); }
  protect(options?: ProtectionOptions): void {
    this.ctx.queue(sizeOf(options), () => {
      const ws = this.sheet();
      if (ws.protectedWith) throw new SimulatedExcelError('InvalidOperation', 'The worksheet is already protected.');
      recordUndoClear(this.ctx.model, 'WorksheetProtection.protect');
      ws.protectedWith = { ...options };
    });
  }
  /** Unprotecting a sheet that is not protected does nothing (no error), as in Excel. */
  unprotect(): void {
    this.ctx.queue(8, () => {
      recordUndoClear(this.ctx.model, 'WorksheetProtection.unprotect');
      this.sheet().protectedWith = undefined;
    });
  }
}

/** A range collection: load('rowIndex, rowCount') (or 'items/rowIndex') loads those properties of every item. */
class RangeCollectionProxy {
  private loadedItems: RangeProxy[] | undefined;
  constructor(
    private readonly ctx: RequestContext,
    private readonly resolver: () => { sheet: SheetModel; areas: Area[] } | undefined,
  ) {}
  load(props?: string | string[]): this {
    const names = propertyNames(props).map((n) => n.replace(/^items\//, ''));
    this.ctx.queue(sizeOf(names), () => {
      const t = this.resolver();
      if (!t) throw new SimulatedExcelError('ItemNotFound', NOT_FOUND);
      const items = t.areas.map((area) => new RangeProxy(this.ctx, () => ({ sheet: t.sheet, area })));
      items.forEach((item) => item.loadNow(names));
      this.loadedItems = items;
    });
    return this;
  }
  get items(): RangeProxy[] {
    if (!this.loadedItems) throw new SimulatedExcelError('PropertyNotLoaded', notLoaded('items'));
    return this.loadedItems;
  }
}

/** The selection's areas (getSelectedRanges). */
class RangeAreasProxy extends ClientObject {
  readonly areas: RangeCollectionProxy;
  constructor(
    ctx: RequestContext,
    private readonly resolver: () => { sheet: SheetModel; areas: Area[] } | undefined,
  ) {
    super(ctx);
    this.areas = new RangeCollectionProxy(ctx, resolver);
  }
  get worksheet(): WorksheetProxy {
    return new WorksheetProxy(this.ctx, () => this.resolver()?.sheet);
  }
}

class WorksheetCollectionProxy {
  constructor(private readonly ctx: RequestContext) {}
  add(name: string): WorksheetProxy {
    this.ctx.queue(sizeOf(name), () => {
      if (this.ctx.model.sheet(name)) throw new SimulatedExcelError('ItemAlreadyExists', 'A resource with the same name or identifier already exists.');
      if (name.length > 31 || /[\\/?*[\]:]/.test(name) || name.trim() === '') throw new SimulatedExcelError('InvalidArgument', 'The sheet name is not valid.');
      this.ctx.model.addSheet(name);
    });
    let bound: SheetModel | undefined;
    return new WorksheetProxy(this.ctx, () => (bound ??= this.ctx.model.sheet(name)));
  }
  getItem(name: string): WorksheetProxy {
    return new WorksheetProxy(this.ctx, this.finder(name));
  }
  getItemOrNullObject(name: string): WorksheetProxy {
    return new WorksheetProxy(this.ctx, this.finder(name), true);
  }
  /** Bound to the sheet found when first used, so a rename in the same batch keeps pointing at it (as Excel's ids do). */
  private finder(name: string): () => SheetModel | undefined {
    let bound: SheetModel | undefined;
    return () => (bound ??= this.ctx.model.sheet(name) ?? this.ctx.model.sheetById(name));
  }
  getActiveWorksheet(): WorksheetProxy {
    return new WorksheetProxy(this.ctx, () => this.ctx.model.sheet(this.ctx.model.activeSheet()));
  }
  /** Raised when any sheet becomes the active one: a person's tab switch or the add-in's activate() ("Work with events": both trigger events). */
  get onActivated() {
    return new EventSource<{ type: 'WorksheetActivated'; worksheetId: string }>(this.ctx, (handler) => {
      const listener = (sheet: SheetModel) => void handler({ type: 'WorksheetActivated', worksheetId: sheet.id });
      this.ctx.model.activationListeners.add(listener);
      return () => this.ctx.model.activationListeners.delete(listener);
    });
  }
  get onSelectionChanged() {
    return new EventSource<{ address: string; worksheetId: string }>(this.ctx, (handler) => {
      const listener = (sheet: SheetModel, area: Area) => void handler({ address: formatAddress(sheet.name, area).split('!')[1], worksheetId: sheet.id });
      this.ctx.model.selectionListeners.add(listener);
      return () => this.ctx.model.selectionListeners.delete(listener);
    });
  }
}

class SettingProxy extends ClientObject {
  constructor(
    ctx: RequestContext,
    private readonly key: string,
  ) {
    super(ctx, true);
  }
  protected override exists(): boolean {
    return this.ctx.model.settings.has(this.key);
  }
  protected override read(name: string): unknown {
    if (name === 'value') return JSON.parse(this.ctx.model.settings.get(this.key) as string);
    if (name === 'key') return this.key;
    return super.read(name);
  }
  get value(): unknown { return this.get('value'); }
}

export class WorkbookProxy {
  readonly worksheets: WorksheetCollectionProxy;
  constructor(private readonly ctx: RequestContext) {
    this.worksheets = new WorksheetCollectionProxy(ctx);
  }
  getSelectedRange(): RangeProxy {
    return new RangeProxy(this.ctx, () => {
      const sel = this.ctx.model.selectedAreas();
      const sheet = this.ctx.model.sheet(sel.sheet);
      if (sel.areas.length > 1) throw new SimulatedExcelError('InvalidSelection', 'The current selection is invalid for this operation.');
      return sheet && { sheet, area: sel.areas[0] };
    });
  }
  getSelectedRanges(): RangeAreasProxy {
    return new RangeAreasProxy(this.ctx, () => {
      const sel = this.ctx.model.selectedAreas();
      const sheet = this.ctx.model.sheet(sel.sheet);
      return sheet && { sheet, areas: sel.areas };
    });
  }
  /** Settings are stored in the document as JSON, as Excel's are. */
  get settings() {
    return {
      add: (key: string, value: unknown) => this.ctx.queue(sizeOf(value) + key.length, () => this.ctx.model.settings.set(key, JSON.stringify(value))),
      getItemOrNullObject: (key: string) => new SettingProxy(this.ctx, key),
    };
  }
}

export interface SimulatedExcel {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  /** Runs a batch on an earlier request's context, as Excel.run(context, batch) does (to remove an event handler). */
  run<T>(context: OfficeExtension.ClientRequestContext, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  readonly workbook: SimulatedWorkbook;
}

/**
 * The simulated `Excel` namespace. `run` gives each batch a fresh request context, as Excel does.
 * The context is typed as Office.js's, so code written against the real API runs here unchanged;
 * calling something that is not simulated fails with a TypeError.
 */
export function createSimulatedExcel(workbook = new SimulatedWorkbook()): SimulatedExcel {
  type Batch<T> = (context: Excel.RequestContext) => Promise<T>;
  function newContext(): RequestContext {
    const context = new RequestContext(workbook);
    context.workbook = new WorkbookProxy(context);
    return context;
  }
  async function run<T>(first: Batch<T> | OfficeExtension.ClientRequestContext, second?: Batch<T>): Promise<T> {
    const [context, batch] = typeof first === 'function' ? [newContext(), first] : [first as unknown as RequestContext, second!];
    if (!(context instanceof RequestContext)) throw new SimulatedExcelError('InvalidArgument', 'Only a context from this simulated Excel can be reused.');
    const result = await batch(context as unknown as Excel.RequestContext);
    // Excel.run syncs once more after the batch: what was queued and not synced still goes (one more request).
    if (context.hasPending) await context.sync();
    return result;
  }
  return { workbook, run };
}
