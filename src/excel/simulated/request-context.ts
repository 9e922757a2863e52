/**
 * One simulated Excel request: what is queued until sync(), how big it is, and the proxies' base (properties readable
 * only after load() and sync()). Counted as Excel on the web counts a request:
 * - office.js sends one request per context.sync() that has something queued, and nothing for one that has not
 *   (ClientRequestContext.syncPrivate: `if (!req.hasActions)`); Excel.run syncs once more after the batch function
 *   (ClientRequestContext._runCommon: `ctx.sync(runBodyResult)`), so anything queued and not synced still goes.
 * - its size is the JSON text of its actions (one per property set, method call or load, with the values) and of the
 *   object paths they use (one per proxy made: a sheet, a range...), in UTF-8 (src/core/request-size.ts says why);
 *   "Excel on the web has a payload size limit for requests and responses of 5MB" ("Resource limits and performance
 *   optimization for Office Add-ins"), each direction on its own.
 */
import { EXCEL_PAYLOAD_LIMIT_BYTES, jsonBytes } from '../../core/request-size';
import type { Area } from './addresses';
import type { WorkbookProxy } from './excel-api';
import { ExcelRuleError } from './range-input';
import type { SheetModel, SimulatedWorkbook } from './workbook-model';

export const REQUEST_LIMIT_BYTES = EXCEL_PAYLOAD_LIMIT_BYTES;
/** An action in office.js's message besides its arguments: {"Id":…,"ActionType":…,"Name":"…","ObjectPathId":…,"ArgumentInfo":{"Arguments":[…]}}. */
export const ACTION_BYTES = 96;
/** An object path and the action that instantiates it: {"Id":…,"ObjectPathType":…,"Name":"GetRangeByIndexes","ParentObjectPathId":…,"ArgumentInfo":{…}}. */
export const OBJECT_PATH_BYTES = 160;
/** A result in the response besides its value: {"ActionId":…,"Value":{…}}. */
const RESULT_BYTES = 48;

export class SimulatedExcelError extends ExcelRuleError {}

interface Operation {
  bytes: number;
  apply(): void;
}

export function sizeOf(value: unknown): number {
  return jsonBytes(value);
}

export class RequestContext {
  readonly pending: Operation[] = [];
  /** Bytes of the object paths made since the last sync. */
  private pendingObjectBytes = 0;
  /** Values changed by this request; Excel raises onChanged for them after the request, as for a person's edit. */
  changed: Array<{ sheet: SheetModel; area: Area }> = [];
  /** Bytes of the values loaded by the request being synced (the response). */
  responseBytes = 0;
  /** context.workbook (set by createSimulatedExcel: the proxies live in excel-api.ts). */
  workbook!: WorkbookProxy;
  constructor(readonly model: SimulatedWorkbook) {}
  queue(bytes: number, apply: () => void): void {
    this.pending.push({ bytes: bytes + ACTION_BYTES, apply });
  }
  /** A proxy was made (worksheets.getItem, getRangeByIndexes…): its object path goes with the request that uses it. */
  objectMade(): void {
    this.pendingObjectBytes += OBJECT_PATH_BYTES;
  }
  /** Cell values set by the request (values, formulas), counted apart as the request's payload of cell values. */
  valuesWritten(bytes: number): void {
    this.model.counters.valueBytesWritten += bytes;
  }
  /** A property loaded while the request runs: its value goes into the response. */
  loaded(name: string, value: unknown): void {
    const bytes = sizeOf(value);
    this.responseBytes += bytes + RESULT_BYTES;
    if (name === 'values' || name === 'formulas') this.model.counters.valueBytesRead += bytes;
  }
  get hasPending(): boolean {
    return this.pending.length > 0;
  }
  async sync(): Promise<void> {
    const ops = this.pending.splice(0);
    const objects = this.pendingObjectBytes;
    this.pendingObjectBytes = 0;
    if (ops.length === 0) return; // office.js sends nothing for a sync with nothing queued
    const counters = this.model.counters;
    const bytes = ops.reduce((n, op) => n + op.bytes, objects);
    counters.syncCount++;
    counters.lastRequestBytes = bytes;
    counters.maxRequestBytes = Math.max(counters.maxRequestBytes, bytes);
    if (bytes > REQUEST_LIMIT_BYTES) {
      counters.refusedCount++;
      throw new SimulatedExcelError('RequestPayloadSizeLimitExceeded', 'The request payload size has exceeded the limit. See the documentation: "Resource limits and performance optimization for Office Add-ins".');
    }
    await Promise.resolve();
    this.responseBytes = 0;
    try {
      for (const op of ops) op.apply(); // operations before a failing one stay applied, as in Excel
    } finally {
      this.model.notify();
      const changed = this.changed.splice(0);
      // Events reach the add-in after the request has completed, never inside it.
      if (changed.length > 0) setTimeout(() => changed.forEach((c) => this.model.valuesChanged(c.sheet, c.area)), 0);
    }
    counters.lastRequestBytes = Math.max(bytes, this.responseBytes);
    counters.maxRequestBytes = Math.max(counters.maxRequestBytes, this.responseBytes);
    if (this.responseBytes > REQUEST_LIMIT_BYTES) {
      counters.refusedCount++;
      // "Error handling with the application-specific JavaScript APIs": a response over the limit is its own error code.
      throw new SimulatedExcelError('ResponsePayloadSizeLimitExceeded', 'The response payload size has exceeded the limit. Read fewer cells at a time.');
    }
  }
}

/** The property names of load('a, b'), load(['a', 'b']) and load({ a: true, b: true }). */
export function propertyNames(props?: string | string[] | Record<string, unknown>): string[] {
  const list = typeof props === 'string' ? props.split(',') : Array.isArray(props) ? props : Object.keys(props ?? {});
  return list.map((p) => p.trim()).filter((p) => p !== '');
}

export function notLoaded(name: string): string {
  return `The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`;
}

export const NOT_FOUND = "The requested resource doesn't exist.";

/**
 * Base of every proxy: properties are readable only after load() and sync().
 * A proxy from a *OrNullObject method loads isNullObject = true and null properties when its target is missing;
 * any other proxy fails the request with ItemNotFound.
 */
export class ClientObject {
  private readonly loaded = new Map<string, unknown>();
  constructor(
    protected readonly ctx: RequestContext,
    protected readonly orNull = false,
  ) {
    ctx.objectMade();
  }
  get context(): RequestContext {
    return this.ctx;
  }
  load(props?: string | string[] | Record<string, unknown>): this {
    const names = propertyNames(props);
    this.ctx.queue(sizeOf(names), () => this.loadNow(names));
    return this;
  }
  /** Runs a load while the request is being processed. */
  loadNow(names: string[]): void {
    const missing = !this.exists();
    if (missing && !this.orNull) throw new SimulatedExcelError('ItemNotFound', NOT_FOUND);
    for (const name of names) {
      const value = name === 'isNullObject' ? missing : missing ? null : this.read(name);
      this.loaded.set(name, value);
      this.ctx.loaded(name, value);
    }
  }
  /** Whether the object this proxy stands for is there (checked when the request runs). */
  protected exists(): boolean {
    return true;
  }
  get isNullObject(): boolean {
    return this.get('isNullObject');
  }
  protected read(name: string): unknown {
    throw new SimulatedExcelError('InvalidArgument', `The property '${name}' cannot be loaded.`);
  }
  protected get<T>(name: string): T {
    if (!this.loaded.has(name)) throw new SimulatedExcelError('PropertyNotLoaded', notLoaded(name));
    return this.loaded.get(name) as T;
  }
}
