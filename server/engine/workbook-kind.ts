/** What a workbook kind is to the server. A kind is one folder under server/workbooks/. */
import type { Kysely } from 'kysely';
import type { CellValue, DownloadedRow, RowError, UploadRow, WorkbookDefinition } from '../../src/contract/api';
import type { Database } from '../db/schema';
import type { SqlType } from './effective-dated.repository';
import type { DemoPerson } from '../demo/people';

export type Db = Kysely<Database>;

export interface DownloadPage {
  rows: DownloadedRow[];
  total: number;
}

/** A kind's translation of one uploaded row's display values into stored attribute values. */
export interface Resolution {
  attributes?: Record<string, unknown>;
  errors: RowError[];
}

export interface ResolveInput {
  row: UploadRow;
  /** For updates: the attributes of the record in effect on the session date. */
  current?: Record<string, unknown>;
}

/** An effective-dated kind declares its table, its attribute columns and how display values resolve; the engine does the rest. */
export interface EffectiveDatedKind {
  definition: WorkbookDefinition;
  /** What users call one row, in messages: "This assignment has a change dated …". */
  recordName: string;
  table: string;
  /** Stored attribute columns (besides key, dates and version) and their SQL types. */
  attributes: Record<string, SqlType>;
  /** Lists of values valid on the date, by list name. */
  lists(db: Db, effectiveDate: string): Promise<Record<string, string[]>>;
  /** Display rows effective on the date, ordered by key; restricted to `keys` when given. */
  download(db: Db, effectiveDate: string, page: { offset: number; limit: number; keys?: string[] }): Promise<DownloadPage>;
  /** Loads the kind's demo records for the demo people (set-based inserts). */
  seedDemo?(db: Db, people: DemoPerson[]): Promise<void>;
  /**
   * Set-based: resolves a whole chunk's rows (one query per lookup, not per row) into attribute values or per-row errors.
   * The engine has already dropped values the row may not set: non-editable columns on updates, non-enterable on inserts.
   */
  resolve(db: Db, inputs: ResolveInput[], effectiveDate: string): Promise<Resolution[]>;
}

export type Values = Record<string, CellValue>;

/** A page of download rows from query rows that carry key, version and the window's total count. */
export function toDownloadPage<R extends { key: string; version: number | string; total: number | string }>(rows: R[], values: (row: R) => Values): DownloadPage {
  return { total: rows.length > 0 ? Number(rows[0].total) : 0, rows: rows.map((r) => ({ key: r.key, version: Number(r.version), values: values(r) })) };
}
