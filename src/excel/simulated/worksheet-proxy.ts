/**
 * The simulated Worksheet, its protection and the worksheet collection, with their events (Excel JavaScript API
 * "Excel.Worksheet", "Excel.WorksheetProtection", "Excel.WorksheetCollection").
 */
import { formatAddress, parseAddress, type Area } from './addresses';
import { MAX_COLUMNS, MAX_ROWS, type ProtectionOptions, type SheetModel } from './workbook-model';
import { checkDeletable, setVisibility, visibilityOf, type Visibility } from './sheet-visibility';
import { applyAutoFilter, refuseApply, removeAutoFilter } from './autofilter';
import { recordUndoClear } from './undo-log';
import { ClientObject, NOT_FOUND, RequestContext, SimulatedExcelError, sizeOf } from './request-context';
import { PROTECTED, RangeProxy, usedArea } from './range-proxy';

/** Event handlers: added and removed by queued operations, so they take effect at sync (as in Excel). */
export class EventSource<Args> {
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

export class WorksheetCollectionProxy {
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
