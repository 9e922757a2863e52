/**
 * The simulated Range: one area of a sheet, its values, formulas, formats, validation and protection checks, and the
 * range collections of a selection (Excel JavaScript API "Excel.Range", "Excel.RangeAreas").
 */
import { formatAddress, type Area } from './addresses';
import { MAX_COLUMNS, type FormatKey, type SheetModel, type Value } from './workbook-model';
import { cellInputs, checkReadSize } from './range-input';
import { cellValue, formulaAt, writeCellValue } from './formulas';
import { refuseSort, sortRows, type SortField } from './sort';
import { ClientObject, NOT_FOUND, notLoaded, propertyNames, RequestContext, SimulatedExcelError, sizeOf } from './request-context';
import { dataValidationOf } from './data-validation';
import { WorksheetProxy } from './worksheet-proxy';

export const PROTECTED = "The cell or chart you're trying to change is protected and therefore read-only.";

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

export function usedArea(sheet: SheetModel): { sheet: SheetModel; area: Area } | undefined {
  const rowCount = sheet.usedRowCount();
  return rowCount === 0 ? undefined : { sheet, area: { row: 0, column: 0, rowCount, columnCount: Math.max(1, sheet.usedColumnCount()) } };
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
export class RangeAreasProxy extends ClientObject {
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
