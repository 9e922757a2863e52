/** What a workbook kind is to the server. A kind is one folder under server/workbooks/. */
import type { Kysely } from 'kysely';
import type { AuditLogEntry, BackOutResponse, BatchLifeEvent, BatchSummary, CellValue, DeleteLifeEventResponse, DownloadedRow, RowError, UploadRequest, UploadResponse, UploadRow, WorkbookDefinition } from '../../src/contract/api';
import type { Database } from '../db/schema';
import type { SqlType, StoredRecord } from './effective-dated.repository';
import type { Place } from './keyset';
import type { DemoPerson } from '../demo/people';
import type { Actor } from './actor';
import type { Population } from './population';
import type { LeasedJob } from './leased-jobs';
import type { RowSearch } from '../../src/contract/row-search';

export type Db = Kysely<Database>;

export interface DownloadPage {
  rows: DownloadedRow[];
  /** Each row's place in the download order (its sort values): the last one starts the next page. */
  places: Place[];
  /** All the rows there are: counted for the first page only (a page without `after` or `keys`). */
  total?: number;
  /** The display rows of the records the request gave to show as they were (`before`), apart from the page's rows. */
  before?: DownloadedRow[];
}

/** Which rows a page holds: `limit` rows after the place given (keyset paging), or only those of the given keys. */
export interface PageRequest {
  limit: number;
  after?: Place;
  keys?: string[];
  /** Only rows of persons in the caller's population. */
  population: Population;
  /** Search before download: only the rows it matches (person numbers, name, group, status), in SQL. */
  search?: RowSearch;
  /**
   * Stored records (rows of the kind's table) to show as they are given, in the same read, answered in `before`: an
   * upload's before-values for the audit trail, from the records it locked (no second display read before writing).
   */
  before?: StoredRecord[];
}

/** A kind's translation of one uploaded row's display values into stored attribute values. */
export interface Resolution {
  attributes?: Record<string, unknown>;
  errors: RowError[];
  /** Keyed kinds: what the user should know about the row once saved (it is saved all the same; the pane shows them). */
  warnings?: RowError[];
  /** The person the row names when the kind found them, even with errors (data access is checked on it). */
  personId?: number;
}

export interface ResolveInput {
  row: UploadRow;
  /** For updates: the attributes of the record in effect on the session date. */
  current?: Record<string, unknown>;
}

/** Who a stored record is for, and what it is, in a user's words: "P10050" and "Executives" or "a Flex Credits balance". */
export interface RecordDescription {
  who: string;
  what: string;
}

/**
 * On any date a subject has at most one record of the kind in effect (a person has one benefits group; balances: one
 * per person and balance type). The engine checks every record a chunk writes against the others, persons locked.
 */
export interface RecordSubject {
  /** Stored attribute columns that say whose record it is; `person_id` must be one of them (that person is locked). */
  columns: string[];
  /** The sheet column a row that would be a second record in effect fails on. */
  column: string;
  /** Set-based (one look-up for all): each record's description, from its stored attributes. */
  describe(db: Db, records: Array<Record<string, unknown>>): Promise<RecordDescription[]>;
}

/** An effective-dated kind declares its table, its attribute columns and how display values resolve; the engine does the rest. */
export interface EffectiveDatedKind {
  definition: WorkbookDefinition;
  /** What users call one row, in messages: "This assignment has a change dated …". */
  recordName: string;
  table: string;
  /** Stored attribute columns (besides key, dates and version) and their SQL types. */
  attributes: Record<string, SqlType>;
  /** One record in effect per subject; a kind without one allows any number of records at once. */
  subject?: RecordSubject;
  /** Lists of values valid on the date, by list name. */
  lists(db: Db, effectiveDate: string): Promise<Record<string, string[]>>;
  /** Display rows effective on the date, in a total order; restricted to `keys` when given, and always to the population (and to the definition's filter, when the kind has one and it is given). */
  download(db: Db, effectiveDate: string, page: PageRequest & { filter?: string }): Promise<DownloadPage>;
  /** Loads the kind's demo records for the demo people (set-based inserts). */
  seedDemo?(db: Db, people: DemoPerson[]): Promise<void>;
  /**
   * Set-based: resolves a whole chunk's rows (one query per lookup, not per row) into attribute values or per-row errors.
   * The engine has already dropped values the row may not set: non-editable columns on updates, non-enterable on inserts.
   */
  resolve(db: Db, inputs: ResolveInput[], effectiveDate: string, sheet?: { filter?: string }): Promise<Resolution[]>;
  /**
   * The sheet column (a date, editable and enterable) in which users set the record's end date (seed: nVision employee
   * benefits' End Date; blank: open). Without it the engine keeps every record open or ends it the day before a change.
   */
  endDateColumn?: string;
  /** Side effects of the written records (inserts and edits), in the same transaction and row fallback (salaries: a person's gender). */
  afterWrite?(db: Db, written: Array<{ key: string; attributes: Record<string, unknown> }>): Promise<void>;
  /** Rules a deletion must pass (e.g. a step-down's sequence): the stored records of the chunk's deletes → errors by key (none: it may go). */
  refuseDeletes?(db: Db, records: Array<{ key: string; attributes: Record<string, unknown> }>, effectiveDate: string): Promise<Map<string, RowError[]>>;
}

export type Values = Record<string, CellValue>;

/** A page of download rows from query rows that carry key, version and place (and the total, on a first page). */
export function toDownloadPage<R extends { key: string; version: number | string; place: Place }>(page: { rows: R[]; total?: number; before?: R[] }, values: (row: R) => Values): DownloadPage {
  const row = (r: R): DownloadedRow => ({ key: r.key, version: Number(r.version), values: values(r) });
  return { total: page.total, places: page.rows.map((r) => r.place), rows: page.rows.map(row), ...(page.before ? { before: page.before.map(row) } : {}) };
}

/** A batch kind's upload: the lines of one named batch (created by its first upload). */
export type BatchUploadRequest = Omit<UploadRequest, 'effectiveDate' | 'batchName'> & { batchName: string; auditLog?: boolean };

export interface BatchPage extends DownloadPage {
  batchExists: boolean;
}

/**
 * A batch kind: the sheet holds the lines of one named batch in an interim table, and a batch process
 * (run by the engine's job runner, in units such as one participant's lines) applies them.
 */
export interface BatchKind {
  definition: WorkbookDefinition;
  lists(db: Db): Promise<Record<string, string[]>>;
  /** The batch's lines in line order; no batch of that name → no rows, batchExists false. */
  download(db: Db, batchName: string, page: PageRequest): Promise<BatchPage>;
  /** Applies one chunk of line changes (the engine has claimed the idempotency key and opened the transaction). */
  upload(db: Db, request: Omit<BatchUploadRequest, 'idempotencyKey'>, actor: Actor): Promise<UploadResponse>;
  /**
   * Check only (a dry run, in the transaction that will be rolled back, after `upload` ran): what processing would
   * refuse that can be told before it runs, by rowId.
   */
  checkProcessing?(db: Db, request: Omit<BatchUploadRequest, 'idempotencyKey'>, results: UploadResponse['results']): Promise<Map<number, RowError[]>>;
  processor: BatchProcessor;
  /** The existing batches, newest first, with their line counts by status and last run (one look-up for all). */
  listBatches(db: Db): Promise<BatchSummary[]>;
  /** The batch's audit log (lines of the population only), oldest first; an unknown batch is a not_found AppError. */
  auditLog(db: Db, batchName: string, population: Population): Promise<AuditLogEntry[]>;
  /** Batch kinds whose lines process life events: back one out, and delete it once voided (each owns its transaction). */
  lifeEvents?: LifeEventActions;
  seedDemo?(db: Db, people: DemoPerson[]): Promise<void>;
}

/** What can be done to the life event a batch line processed, addressed by the batch and its Batch Line ID. */
export interface LifeEventActions {
  /** A line of a person outside the actor's population answers as a line that does not exist. */
  describe(db: Db, batchName: string, lineId: number, actor: Actor): Promise<BatchLifeEvent>;
  backOut(db: Db, batchName: string, lineId: number, actor: Actor): Promise<BackOutResponse>;
  deleteVoided(db: Db, batchName: string, lineId: number, actor: Actor): Promise<DeleteLifeEventResponse>;
}

/** A running job as the processor sees it: the leased job and its batch. */
export type JobContext = LeasedJob<{ batchId: number }, string>;

export interface UnitOutcome {
  done: number;
  completed: number;
  errors: number;
}

/** What a batch process does; the engine's runner claims the job, leases it and calls these in transactions. */
export interface BatchProcessor {
  /** The batch's id, the number of lines a new run will process (and what to say when none); undefined when there is no such batch. */
  prepareRun(db: Db, batchName: string, population: Population): Promise<{ batchId: number; total: number; nothingToDo?: string } | undefined>;
  /**
   * The next unit (e.g. a group of participants) after `job.after` that still has lines for this run (of the job's
   * population); undefined when the run is done. The runner stores the unit with the unit's results, so a resumed run
   * starts after it.
   */
  nextUnit(db: Db, job: JobContext): Promise<string | undefined>;
  /** Processes one unit in the caller's transaction; every line it finishes is marked with the job, so it never runs twice. */
  processUnit(db: Db, job: JobContext, unit: string): Promise<UnitOutcome>;
}

/**
 * A read-only kind: rows to look at as of a session effective date (narrowed by the definition's filter when the
 * user gives one). Its definition has `readOnly`; the engine refuses every upload to it.
 */
export interface ReadOnlyKind {
  definition: WorkbookDefinition & { readOnly: NonNullable<WorkbookDefinition['readOnly']> };
  lists?(db: Db, effectiveDate: string): Promise<Record<string, string[]>>;
  /** Display rows as of the date, in a stable order for paging; a filter value that names nothing is a not_found AppError. */
  download(db: Db, effectiveDate: string, page: PageRequest & { filter?: string }): Promise<DownloadPage>;
  seedDemo?(db: Db, people: DemoPerson[]): Promise<void>;
}

/** A keyed kind's uploaded row, values narrowed to what the row may set, with the stored record on updates. */
export interface KeyedResolveInput {
  row: UploadRow;
  /** The record's key: the stored key on updates, the typed key column on inserts. */
  key: string;
  /** For updates: the stored attributes (every column of `attributes`). */
  current?: Record<string, unknown>;
}

/** One row a keyed chunk is about to write, for the kind's cross-row rules and side effects. */
export interface KeyedChange {
  rowId: number;
  op: 'insert' | 'update' | 'delete';
  key: string;
  /** Stored attributes before the chunk (absent on inserts). */
  before?: Record<string, unknown>;
  /** Attributes after it (absent on deletes). */
  after?: Record<string, unknown>;
}

/**
 * A keyed kind (definition scope 'keyed'): plain records with a natural key (a user name, a group code), no session
 * effective date and no start and end dates. The engine (server/engine/keyed-upload.service.ts) does the rest, as for
 * the other kinds: once per idempotency key, locks on the keys, the optimistic version check (Conflict with the
 * record as it is now), "already exists" on inserts, the key column not modifiable once saved (from the definition:
 * the column named `keyColumn`), set-based generic writes of `attributes` into `table` (columns `keyColumn`, the
 * attributes and `version`), each refused row rolled back alone, the audit trail, did-you-mean, and Check.
 * Register it in server/engine/registry.ts like any kind; its definition has scope 'keyed' and names no date.
 */
export interface KeyedKind {
  definition: WorkbookDefinition & { scope: 'keyed' };
  /** What users call one row, in messages: "This user was changed by someone else …". */
  recordName: string;
  table: string;
  /** The sheet column (definition key) holding the record's key, and its stored column (the same name by default). */
  keyColumn: string;
  storedKeyColumn?: string;
  /**
   * Keys the server assigns (a Benefit ID from a sequence): new rows get these, whatever the key cell holds (the key
   * column is then not enterable); `keyType` is the stored key column's type.
   */
  assignKeys?(db: Db, count: number, inserts: UploadRow[]): Promise<string[]>;
  keyType?: SqlType;
  /** Stored attribute columns (besides key and version) and their SQL types. */
  attributes: Record<string, SqlType>;
  lists(db: Db): Promise<Record<string, string[]>>;
  /** Display rows in a total order for keyset paging; restricted to `keys` when given (the population is the kind's to apply). */
  download(db: Db, page: PageRequest): Promise<DownloadPage>;
  /** Set-based: a whole chunk's inserts and updates into attribute values (besides the key) or per-row errors. */
  resolve(db: Db, inputs: KeyedResolveInput[], actor: Actor): Promise<Resolution[]>;
  /** Deletes the kind refuses, by key ("used by 3 persons"); keys absent from the map may be deleted. */
  canDelete?(db: Db, keys: string[], actor: Actor): Promise<Map<string, RowError[]>>;
  /** Kinds whose rules span rows (the last administrator): their chunks run one at a time, rules checked inside. */
  serialize?: boolean;
  /** Rules across the rows of the chunk and the stored ones (run after resolve and canDelete): errors by rowId. */
  checkChanges?(db: Db, changes: KeyedChange[], actor: Actor): Promise<Map<number, RowError[]>>;
  /** How a deleted row is removed, when not by deleting the record (Users: the account is disabled). */
  remove?(db: Db, keys: string[]): Promise<void>;
  /** Side effects of the written rows, in the same transaction (Users: a disabled user's sessions end). */
  afterWrite?(db: Db, changes: KeyedChange[], actor: Actor): Promise<void>;
  seedDemo?(db: Db, people: DemoPerson[]): Promise<void>;
}

export type WorkbookKind = EffectiveDatedKind | BatchKind | ReadOnlyKind | KeyedKind;

export function isKeyedKind(kind: WorkbookKind): kind is KeyedKind {
  return kind.definition.scope === 'keyed';
}

export function isBatchKind(kind: WorkbookKind): kind is BatchKind {
  return kind.definition.scope === 'batch';
}

export function isReadOnlyKind(kind: WorkbookKind): kind is ReadOnlyKind {
  return kind.definition.readOnly !== undefined;
}
