/**
 * A simulated subset of the Excel JavaScript API, with Excel's semantics: proxy objects whose
 * properties must be loaded and synced before they are read, writes queued and applied at sync(),
 * protection and validation rules, *OrNullObject, events, and Excel on the web's 5 MB request limit.
 * Only what `office-host.ts` uses is here: the workbook, its settings and `Excel.run` in this file, ranges in
 * range-proxy.ts, worksheets and their protection in worksheet-proxy.ts.
 */
import { SimulatedWorkbook } from './workbook-model';
import { ClientObject, RequestContext, SimulatedExcelError, sizeOf } from './request-context';
import { RangeAreasProxy, RangeProxy } from './range-proxy';
import { WorksheetCollectionProxy } from './worksheet-proxy';

export { propertyNames, REQUEST_LIMIT_BYTES, RequestContext, SimulatedExcelError } from './request-context';

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
