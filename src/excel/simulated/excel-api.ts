/**
 * A simulated subset of the Excel JavaScript API, with Excel's semantics: proxy objects whose
 * properties must be loaded and synced before they are read, writes queued and applied at sync(),
 * protection and validation rules, *OrNullObject, events, and Excel on the web's 5 MB request limit.
 * Only what `office-host.ts` uses is here.
 */
import { formatAddress, parseAddress, type Area } from './addresses';
import { SimulatedWorkbook, type SheetModel, type Value } from './workbook-model';

export const REQUEST_LIMIT_BYTES = 5 * 1024 * 1024;

export class SimulatedExcelError extends Error {
  constructor(
    public readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'RichApi.Error';
  }
}

interface Operation {
  bytes: number;
  apply(): void;
}

function sizeOf(value: unknown): number {
  return value === undefined ? 0 : JSON.stringify(value).length;
}

const PROTECTED = "The cell or chart you're trying to change is protected and therefore read-only.";

export class RequestContext {
  readonly pending: Operation[] = [];
  /** Bytes of the values loaded by the request being synced (the response counts towards the limit too). */
  responseBytes = 0;
  readonly workbook: WorkbookProxy;
  constructor(readonly model: SimulatedWorkbook) {
    this.workbook = new WorkbookProxy(this);
  }
  queue(bytes: number, apply: () => void): void {
    this.pending.push({ bytes: bytes + 64, apply });
  }
  async sync(): Promise<void> {
    const ops = this.pending.splice(0);
    const bytes = ops.reduce((n, op) => n + op.bytes, 0);
    this.model.counters.syncCount++;
    this.model.counters.lastRequestBytes = bytes;
    this.model.counters.maxRequestBytes = Math.max(this.model.counters.maxRequestBytes, bytes);
    if (bytes > REQUEST_LIMIT_BYTES) {
      throw new SimulatedExcelError('RequestPayloadSizeLimitExceeded', 'The request payload size has exceeded the limit. See the documentation: "Resource limits and performance optimization for Office Add-ins".');
    }
    await Promise.resolve();
    this.responseBytes = 0;
    try {
      for (const op of ops) op.apply(); // operations before a failing one stay applied, as in Excel
    } finally {
      if (ops.length > 0) this.model.notify();
    }
    this.model.counters.lastRequestBytes = bytes + this.responseBytes;
    this.model.counters.maxRequestBytes = Math.max(this.model.counters.maxRequestBytes, bytes + this.responseBytes);
    if (bytes + this.responseBytes > REQUEST_LIMIT_BYTES) {
      throw new SimulatedExcelError('RequestPayloadSizeLimitExceeded', 'The response payload size has exceeded the limit. Read fewer cells at a time.');
    }
  }
}

/** Base of every proxy: properties are readable only after load() and sync(). */
class ClientObject {
  private readonly loaded = new Map<string, unknown>();
  constructor(protected readonly ctx: RequestContext) {}
  load(props?: string | string[] | Record<string, unknown>): this {
    const names = typeof props === 'string' ? props.split(',').map((p) => p.trim()) : Array.isArray(props) ? props : Object.keys(props ?? {});
    this.ctx.queue(sizeOf(names), () => {
      for (const name of names) {
        const value = this.read(name);
        this.loaded.set(name, value);
        this.ctx.responseBytes += sizeOf(value);
      }
    });
    return this;
  }
  protected read(name: string): unknown {
    throw new SimulatedExcelError('InvalidArgument', `The property '${name}' cannot be loaded.`);
  }
  protected get<T>(name: string): T {
    if (!this.loaded.has(name)) {
      throw new SimulatedExcelError(
        'PropertyNotLoaded',
        `The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
      );
    }
    return this.loaded.get(name) as T;
  }
}

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

function matrixOrScalar<T>(value: T | T[][], i: number, j: number): T {
  return Array.isArray(value) ? (value as T[][])[i][j] : value;
}

type Resolver = () => { sheet: SheetModel; area: Area } | undefined;

export class RangeProxy extends ClientObject {
  constructor(
    ctx: RequestContext,
    private readonly resolver: Resolver,
  ) {
    super(ctx);
  }
  private target(): { sheet: SheetModel; area: Area } {
    const t = this.resolver();
    if (!t) throw new SimulatedExcelError('ItemNotFound', 'The requested resource doesn\'t exist.');
    return t;
  }
  protected override read(name: string): unknown {
    if (name === 'isNullObject') return this.resolver() === undefined;
    const { sheet, area } = this.target();
    switch (name) {
      case 'values':
        return Array.from({ length: area.rowCount }, (_, i) => Array.from({ length: area.columnCount }, (_, j) => sheet.get(area.row + i, area.column + j)?.value ?? ''));
      case 'rowIndex': return area.row;
      case 'columnIndex': return area.column;
      case 'rowCount': return area.rowCount;
      case 'columnCount': return area.columnCount;
      case 'address': return formatAddress(sheet.name, area);
      default: return super.read(name);
    }
  }
  get isNullObject(): boolean { return this.get('isNullObject'); }
  get values(): Value[][] { return this.get('values'); }
  set values(values: Value[][]) {
    this.ctx.queue(sizeOf(values), () => {
      const { sheet, area } = this.target();
      if (Array.isArray(values) && (values.length !== area.rowCount || values.some((r) => r.length !== area.columnCount))) {
        throw new SimulatedExcelError('InvalidArgument', 'The number of rows or columns in the input array doesn\'t match the size or dimensions of the range.');
      }
      checkProtection(sheet, area, 'values');
      forEachCell(area, (r, c, i, j) => (sheet.at(r, c).value = matrixOrScalar(values, i, j)));
    });
  }
  get rowIndex(): number { return this.get('rowIndex'); }
  get columnIndex(): number { return this.get('columnIndex'); }
  get rowCount(): number { return this.get('rowCount'); }
  get columnCount(): number { return this.get('columnCount'); }
  get address(): string { return this.get('address'); }
  set numberFormat(formats: string[][] | string) {
    this.ctx.queue(sizeOf(formats), () => {
      const { sheet, area } = this.target();
      checkProtection(sheet, area, 'format');
      forEachCell(area, (r, c, i, j) => (sheet.at(r, c).numberFormat = matrixOrScalar(formats, i, j)));
    });
  }
  set columnHidden(hidden: boolean) {
    this.ctx.queue(8, () => {
      const { sheet, area } = this.target();
      checkProtection(sheet, area, 'format');
      for (let c = area.column; c < area.column + area.columnCount; c++) sheet.columns[c] = { ...sheet.columns[c], hidden };
    });
  }
  get worksheet(): WorksheetProxy {
    return new WorksheetProxy(this.ctx, () => this.resolver()?.sheet);
  }
  get format() {
    const edit = (fn: (sheet: SheetModel, r: number, c: number) => void, bytes = 16) =>
      this.ctx.queue(bytes, () => {
        const { sheet, area } = this.target();
        checkProtection(sheet, area, 'format');
        forEachCell(area, (r, c) => fn(sheet, r, c));
      });
    return {
      set columnWidth(width: number) {
        edit((sheet, _r, c) => (sheet.columns[c] = { ...sheet.columns[c], width }));
      },
      fill: { set color(color: string) { edit((sheet, r, c) => (sheet.at(r, c).fill = color)); } },
      font: {
        set bold(bold: boolean) { edit((sheet, r, c) => (sheet.at(r, c).bold = bold)); },
        set color(color: string) { edit((sheet, r, c) => (sheet.at(r, c).fontColor = color)); },
      },
      protection: { set locked(locked: boolean) { edit((sheet, r, c) => (sheet.at(r, c).locked = locked)); } },
    };
  }
  get dataValidation() {
    const edit = (fn: (sheet: SheetModel, r: number, c: number) => void, bytes: number) =>
      this.ctx.queue(bytes, () => {
        const { sheet, area } = this.target();
        checkProtection(sheet, area, 'format');
        forEachCell(area, (r, c) => fn(sheet, r, c));
      });
    return {
      clear: () => edit((sheet, r, c) => { const cell = sheet.get(r, c); if (cell) delete cell.list; }, 8),
      set rule(rule: { list?: { inCellDropDown: boolean; source: string } }) {
        if (!rule.list) throw new SimulatedExcelError('InvalidArgument', 'Only list validation is simulated.');
        const source = rule.list.source;
        if (!source.startsWith('=') && source.length > 255) throw new SimulatedExcelError('InvalidArgument', 'A list source typed in directly is limited to 255 characters.');
        const list = source.startsWith('=') ? source : source.split(',').map((s) => s.trim());
        edit((sheet, r, c) => (sheet.at(r, c).list = list), sizeOf(source));
      },
    };
  }
  get conditionalFormats() {
    return {
      add: (type: string) => {
        if (type !== 'CellValue') throw new SimulatedExcelError('InvalidArgument', `Conditional format type ${type} is not simulated.`);
        const state = { fill: '', fontColor: undefined as string | undefined, formula: '' };
        this.ctx.queue(64, () => {
          const { sheet, area } = this.target();
          checkProtection(sheet, area, 'format');
          const equals = state.formula.replace(/^="?|"$/g, '');
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
      return t && { sheet: t.sheet, area: { row: t.area.row, column: 0, rowCount: t.area.rowCount, columnCount: 16384 } };
    });
  }
  delete(shift: string): void {
    this.ctx.queue(16, () => {
      const { sheet, area } = this.target();
      if (shift !== 'Up' || area.columnCount !== 16384) throw new SimulatedExcelError('InvalidArgument', 'Only deleting entire rows is simulated.');
      if (sheet.protectedWith && !sheet.protectedWith.allowDeleteRows) throw new SimulatedExcelError('InvalidOperation', PROTECTED);
      sheet.rows.splice(area.row, area.rowCount);
    });
  }
  select(): void {
    this.ctx.queue(16, () => {
      const { sheet, area } = this.target();
      if (this.ctx.model.activeSheet() !== sheet.name) throw new SimulatedExcelError('InvalidOperation', 'You can only select a range on the active sheet.');
      this.ctx.model.setSelection(sheet.name, area);
    });
  }
}

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
  ) {
    super(ctx);
  }
  private target(): SheetModel {
    const sheet = this.resolver();
    if (!sheet) throw new SimulatedExcelError('ItemNotFound', 'The requested resource doesn\'t exist.');
    return sheet;
  }
  protected override read(name: string): unknown {
    if (name === 'isNullObject') return this.resolver() === undefined;
    const sheet = this.target();
    if (name === 'name') return sheet.name;
    if (name === 'id') return sheet.id;
    if (name === 'visibility') return sheet.hidden ? 'Hidden' : 'Visible';
    return super.read(name);
  }
  get isNullObject(): boolean { return this.get('isNullObject'); }
  get name(): string { return this.get('name'); }
  set name(name: string) { this.ctx.queue(sizeOf(name), () => { this.target().name = name; }); }
  get id(): string { return this.get('id'); }
  set visibility(v: 'Hidden' | 'Visible') { this.ctx.queue(16, () => { this.target().hidden = v === 'Hidden'; }); }
  getRange(address: string): RangeProxy {
    const area = parseAddress(address);
    return new RangeProxy(this.ctx, () => ({ sheet: this.target(), area }));
  }
  getRangeByIndexes(row: number, column: number, rowCount: number, columnCount: number): RangeProxy {
    if (rowCount < 1 || columnCount < 1) throw new SimulatedExcelError('InvalidArgument', 'The argument is invalid or missing or has an incorrect format.');
    return new RangeProxy(this.ctx, () => ({ sheet: this.target(), area: { row, column, rowCount, columnCount } }));
  }
  getUsedRangeOrNullObject(_valuesOnly?: boolean): RangeProxy {
    return new RangeProxy(this.ctx, () => {
      const sheet = this.target();
      const rowCount = sheet.usedRowCount();
      return rowCount === 0 ? undefined : { sheet, area: { row: 0, column: 0, rowCount, columnCount: Math.max(1, sheet.usedColumnCount()) } };
    });
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
      if (this.ctx.model.visibleSheetNames().filter((n) => n !== sheet.name).length === 0 && !sheet.hidden) {
        throw new SimulatedExcelError('InvalidOperation', 'A workbook must contain at least one visible worksheet.');
      }
      this.ctx.model.removeSheet(sheet.name);
    });
  }
  get freezePanes() {
    return { freezeRows: (count: number) => this.ctx.queue(8, () => { this.target().frozenRows = count; }) };
  }
  private protectionProxy: ClientObject | undefined;
  get protection() {
    const sheet = () => this.target();
    const ctx = this.ctx;
    if (this.protectionProxy) return this.protectionProxy as typeof state;
    const state = new (class extends ClientObject {
      protected override read(name: string): unknown {
        if (name === 'protected') return sheet().protectedWith !== undefined;
        return super.read(name);
      }
      get protected(): boolean { return this.get('protected'); }
      protect(options?: Record<string, boolean>): void {
        ctx.queue(sizeOf(options), () => {
          const ws = sheet();
          if (ws.protectedWith) throw new SimulatedExcelError('InvalidOperation', 'The worksheet is already protected.');
          ws.protectedWith = { ...options };
        });
      }
      unprotect(): void {
        ctx.queue(8, () => { sheet().protectedWith = undefined; });
      }
    })(ctx);
    this.protectionProxy = state;
    return state;
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

class WorksheetCollectionProxy {
  constructor(private readonly ctx: RequestContext) {}
  add(name: string): WorksheetProxy {
    this.ctx.queue(sizeOf(name), () => {
      if (this.ctx.model.sheet(name)) throw new SimulatedExcelError('ItemAlreadyExists', 'A resource with the same name or identifier already exists.');
      if (name.length > 31 || /[\\/?*[\]:]/.test(name)) throw new SimulatedExcelError('InvalidArgument', 'The sheet name is not valid.');
      this.ctx.model.addSheet(name);
    });
    return new WorksheetProxy(this.ctx, () => this.ctx.model.sheet(name));
  }
  getItem(name: string): WorksheetProxy {
    // Bound to the sheet found when first used, so a rename in the same batch keeps pointing at it.
    let bound: SheetModel | undefined;
    return new WorksheetProxy(this.ctx, () => (bound ??= this.ctx.model.sheet(name) ?? this.ctx.model.sheetById(name)));
  }
  getItemOrNullObject(name: string): WorksheetProxy {
    return this.getItem(name);
  }
  getActiveWorksheet(): WorksheetProxy {
    return new WorksheetProxy(this.ctx, () => this.ctx.model.sheet(this.ctx.model.activeSheet()));
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
    super(ctx);
  }
  protected override read(name: string): unknown {
    if (name === 'isNullObject') return !this.ctx.model.settings.has(this.key);
    if (name === 'value') {
      if (!this.ctx.model.settings.has(this.key)) return null; // a null object's properties load as null
      return JSON.parse(this.ctx.model.settings.get(this.key) as string);
    }
    return super.read(name);
  }
  get isNullObject(): boolean { return this.get('isNullObject'); }
  get value(): unknown { return this.get('value'); }
}

class WorkbookProxy {
  readonly worksheets: WorksheetCollectionProxy;
  constructor(private readonly ctx: RequestContext) {
    this.worksheets = new WorksheetCollectionProxy(ctx);
  }
  getSelectedRange(): RangeProxy {
    return new RangeProxy(this.ctx, () => {
      const sel = this.ctx.model.selection();
      const sheet = this.ctx.model.sheet(sel.sheet);
      return sheet && { sheet, area: { row: sel.row, column: sel.column, rowCount: sel.rowCount, columnCount: sel.columnCount } };
    });
  }
  get settings() {
    return {
      add: (key: string, value: unknown) => this.ctx.queue(sizeOf(value) + key.length, () => this.ctx.model.settings.set(key, JSON.stringify(value))),
      getItemOrNullObject: (key: string) => new SettingProxy(this.ctx, key),
    };
  }
}

export interface SimulatedExcel {
  run<T>(batch: (context: RequestContext) => Promise<T>): Promise<T>;
  readonly workbook: SimulatedWorkbook;
}

/** The simulated `Excel` namespace: `run` gives each batch a fresh request context, as Excel does. */
export function createSimulatedExcel(workbook = new SimulatedWorkbook()): SimulatedExcel {
  return {
    workbook,
    run: async (batch) => batch(new RequestContext(workbook)),
  };
}
