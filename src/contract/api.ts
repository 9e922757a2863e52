/**
 * The one HTTP contract shared by the server and the task pane.
 * The server parses every request with these schemas, the pane's axios client
 * uses their inferred types, and the OpenAPI document is generated from them.
 */
import { z } from 'zod';
import { extendZodWithOpenApi } from '@asteasolutions/zod-to-openapi';
import { role } from './roles';
import { rowSearch, rowSearchQuery, searchDefinition } from './row-search';
import { isoDate, unstorableCharacter } from './cell-values';
import { batchName } from './batch-api';

export * from './cell-values';
export * from './batch-api';

extendZodWithOpenApi(z);

/** A value as it comes out of an Excel cell (dates already converted to ISO text by the pane when it could read them). */
/** The longest text the server keeps in a cell; longer text fails its row with a message (server/engine/storable-text.ts). */
export const MAX_CELL_TEXT = 4000;
/** Excel's own limit, 32,767 characters in a cell ("Excel specifications and limits"): longer text cannot come from a sheet. */
export const EXCEL_CELL_MAX = 32767;
export const cellValue = z.union([z.string().max(EXCEL_CELL_MAX), z.number(), z.boolean(), z.null()]);
export type CellValue = z.infer<typeof cellValue>;

export const columnType = z.enum(['text', 'number', 'date']);
export type ColumnType = z.infer<typeof columnType>;

export const columnDefinition = z
  .object({
    /** Stable identifier used in payloads, e.g. "benefitsGroup". */
    key: z.string(),
    /** Header text shown in the sheet, without the required marker. */
    header: z.string(),
    type: columnType,
    /** Editable on rows downloaded from the server. */
    editable: z.boolean(),
    /** May be entered on a new (inserted) row, e.g. the person who the new row is for. */
    enterable: z.boolean(),
    /** Required on a new row; shown with a `*` in the header. */
    required: z.boolean(),
    /** Name of a list of values in RowsResponse.lists that feeds an in-cell dropdown. */
    list: z.string().optional(),
    /** Column width in characters (a hint for the sheet layout). */
    width: z.number().optional(),
    /** Hidden in the sheet (keys and reserved columns). */
    hidden: z.boolean().optional(),
    /** Says who the row is about (Person Number, names): such leading columns stay in view when scrolling right. */
    identifying: z.boolean().optional(),
  })
  .openapi('ColumnDefinition');
export type ColumnDefinition = z.infer<typeof columnDefinition>;

/**
 * What one sheet of a kind holds: the records in effect on a session effective date,
 * or the lines of one named batch (which the batch process then runs on the server),
 * or plain keyed records with no date at all (Users: one row per user name).
 */
export const workbookScope = z.enum(['effective-date', 'batch', 'keyed']);
export type WorkbookScope = z.infer<typeof workbookScope>;

export const workbookDefinition = z
  .object({
    kind: z.string().openapi({ example: 'person-benefit-groups' }),
    title: z.string().openapi({ example: 'Person Benefit Groups' }),
    description: z.string(),
    scope: workbookScope,
    columns: z.array(columnDefinition),
    /** Values of a column that get a colour in the sheet (e.g. Row Batch Status COMPLETE green, ERROR red). */
    highlights: z
      .array(z.object({ column: z.string(), equals: z.string(), tone: z.enum(['good', 'bad']) }))
      .optional(),
    /**
     * Batch sheets: the column the server's process fills with each line's outcome. Lines where it equals `failed`
     * are listed with the failed rows, with the text of the `message` column as their error.
     */
    outcome: z.object({ column: z.string(), failed: z.string(), message: z.string() }).optional(),
    /**
     * A workbook to look at, not to change: every column is locked, there are no rows to add and nothing to mark,
     * and the server refuses uploads. `reason` says why, in the user's words, and where changes are made instead.
     */
    readOnly: z.object({ reason: z.string() }).optional(),
    /**
     * An optional filter the pane asks for on Prepare (e.g. one batch's participants); its value goes in the rows
     * query's `filter` and is shown in the title row.
     */
    filter: z.object({ label: z.string(), hint: z.string() }).optional(),
    /**
     * Batch sheets whose lines process life events: the pane offers to back out the selected line's life event (and to
     * delete it once voided); `lineId` is the column holding the Batch Line ID the server knows the line by.
     */
    lifeEvents: z.object({ lineId: z.string() }).optional(),
    /** The least role that may open this workbook at all (e.g. Users: administrator); absent, any signed-in user. */
    role: role.optional(),
    /** Search before download: the kind's group and status (person numbers and name: every kind that downloads). */
    search: searchDefinition.optional(),
  })
  .openapi('WorkbookDefinition');
export type WorkbookDefinition = z.infer<typeof workbookDefinition>;

export const workbooksResponse = z.object({ workbooks: z.array(workbookDefinition) }).openapi('WorkbooksResponse');
export type WorkbooksResponse = z.infer<typeof workbooksResponse>;

export const kindParams = z.object({ kind: z.string().max(100) });

export const rowsQuery = z.object({
  /** Effective-dated kinds: the session effective date (required by them). */
  effectiveDate: isoDate.optional(),
  /** Batch kinds: the batch whose lines to download; without it, an empty page with the lists. */
  batchName: batchName.optional(),
  /** Kinds whose definition has a `filter`: its value (empty or absent: no filter). */
  filter: z
    .string()
    .trim()
    .max(200)
    .regex(/^[^\p{Cc}]*$/u, 'A filter cannot contain line breaks, tabs or other control characters')
    .openapi({ pattern: '^[^\\u0000-\\u001F\\u007F-\\u009F]*$' }) // as batchName: without the u flag the generator mangles
    .optional(),
  /** Search before download (src/contract/row-search.ts): applied in SQL, with paging and data access. */
  ...rowSearchQuery,
  /** Keyset paging: the `nextCursor` of the page before (opaque); absent for the first page. */
  after: z.string().min(1).max(2000).optional(),
  limit: z.coerce.number().int().min(1).max(10000).default(5000),
});
export type RowsQuery = z.infer<typeof rowsQuery>;

export const downloadedRow = z
  .object({
    key: z.string(),
    version: z.number().int(),
    values: z.record(z.string(), cellValue),
  })
  .openapi('DownloadedRow');
export type DownloadedRow = z.infer<typeof downloadedRow>;

export const rowsResponse = z
  .object({
    kind: z.string(),
    effectiveDate: isoDate.optional(),
    batchName: z.string().optional(),
    /** The filter the rows were narrowed by, when the kind has one and it was given. */
    filter: z.string().optional(),
    /** Batch kinds: false when no batch has that name yet (uploading creates it). */
    batchExists: z.boolean().optional(),
    /** The search the rows were narrowed by, when one was given. */
    search: rowSearch.optional(),
    /** First page of a search by person numbers: the listed numbers of no person the caller can see. */
    unknownPersonNumbers: z.array(z.string()).optional(),
    rows: z.array(downloadedRow),
    /** How many rows the whole download has: on the first page only (counted once). */
    total: z.number().int().optional(),
    /** Pass as `after` for the next page; null when this page is the last. */
    nextCursor: z.string().nullable(),
    /** Lists of values valid on the effective date, by list name (dropdown sources). */
    lists: z.record(z.string(), z.array(z.string())),
  })
  .openapi('RowsResponse');
export type RowsResponse = z.infer<typeof rowsResponse>;

export const rowOperation = z.enum(['insert', 'update', 'delete']);
export type RowOperation = z.infer<typeof rowOperation>;

export const uploadRow = z
  .object({
    /** The pane's identifier for the row (its sheet row number); echoed in the result. */
    rowId: z.number().int().min(0),
    op: rowOperation,
    /** Key from download; absent on inserts. */
    key: z.string().max(100).optional(),
    /** Version from download; required on update and delete. */
    version: z.number().int().optional(),
    values: z.record(z.string(), cellValue).default({}),
  })
  .openapi('UploadRow');
export type UploadRow = z.infer<typeof uploadRow>;

export const MAX_ROWS_PER_CHUNK = 2000;

export const uploadRequest = z
  .object({
    /** Same key on a retried chunk: the server applies it once and answers the same results. */
    idempotencyKey: z.uuid(),
    /** Effective-dated kinds: the session effective date (required by them). */
    effectiveDate: isoDate.optional(),
    /** Batch kinds: the batch the lines belong to; created by the first upload. */
    batchName: batchName.optional(),
    /** Batch kinds: keep every error and information message of each line in the batch's audit log. */
    auditLog: z.boolean().optional(),
    /** Kinds whose definition has a `filter`: the sheet's (e.g. the plan of a Rate Grid), which new rows may leave blank. */
    filter: rowsQuery.shape.filter,
    rows: z.array(uploadRow).min(1).max(MAX_ROWS_PER_CHUNK),
  })
  .openapi('UploadRequest');
export type UploadRequest = z.infer<typeof uploadRequest>;

export const rowStatus = z.enum(['Inserted', 'Updated', 'Deleted', 'Upload Failed', 'Conflict']);
export type RowStatus = z.infer<typeof rowStatus>;

export const rowError = z
  .object({
    /** Column key the error is about, when it is about one column. */
    column: z.string().optional(),
    message: z.string(),
    /** A value close to what was typed that the column accepts ("Did you mean"): the pane offers to put it in the cell. */
    suggestion: z.object({ column: z.string(), value: z.string() }).optional(),
  })
  .openapi('RowError');
export type RowError = z.infer<typeof rowError>;

export const rowResult = z
  .object({
    rowId: z.number().int(),
    status: rowStatus,
    errors: z.array(rowError),
    /**
     * A saved row (Inserted, Updated) the user should look at again: the pane shows these like errors, but the row
     * is saved (Group Life Plans: a plan switched between X of Salary and % of Salary).
     */
    warnings: z.array(rowError).optional(),
    /** After a successful insert or update: the row as the server now holds it. */
    key: z.string().optional(),
    version: z.number().int().optional(),
    values: z.record(z.string(), cellValue).optional(),
    /**
     * A Conflict on an effective-dated kind: the record as the server holds it now on the session date (null: it is
     * gone, someone deleted it), so the pane can show, column by column, what changed and let the user choose.
     */
    current: z.union([downloadedRow, z.null()]).optional(),
  })
  .openapi('RowResult');
export type RowResult = z.infer<typeof rowResult>;

export const uploadResponse = z.object({ results: z.array(rowResult) }).openapi('UploadResponse');
export type UploadResponse = z.infer<typeof uploadResponse>;

/** Check (a dry run of an upload): the same rows, no idempotency key; nothing is written. */
export const checkRequest = uploadRequest.omit({ idempotencyKey: true }).openapi('CheckRequest');
export type CheckRequest = z.infer<typeof checkRequest>;

export const checkResult = z
  .object({
    rowId: z.number().int(),
    /** The status an upload of the same rows would give this row now. */
    status: rowStatus,
    errors: z.array(rowError),
    /** Batch kinds: what processing would refuse, found before it runs (life event, option, beneficiary totals). */
    processingErrors: z.array(rowError).optional(),
    /** What the server would warn about when saving this row (a plan switched between X of Salary and % of Salary). */
    warnings: z.array(rowError).optional(),
  })
  .openapi('CheckResult');
export type CheckResult = z.infer<typeof checkResult>;

export const checkResponse = z.object({ results: z.array(checkResult) }).openapi('CheckResponse');
export type CheckResponse = z.infer<typeof checkResponse>;


export const signInRequest = z
  .object({
    username: z.string().min(1).max(200).refine((u) => !unstorableCharacter(u), 'A user name has no control characters or broken characters'),
    password: z.string().min(1).max(200),
  })
  .openapi('SignInRequest');
export type SignInRequest = z.infer<typeof signInRequest>;

export const signInResponse = z
  .object({ token: z.string(), user: z.object({ username: z.string(), displayName: z.string(), role }) })
  .openapi('SignInResponse');
export type SignInResponse = z.infer<typeof signInResponse>;

/** The shortest password a user may set (NIST SP 800-63B asks at least 8; we ask more, passphrases welcome). */
export const MIN_PASSWORD_LENGTH = 12;
export const newPassword = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `A password needs at least ${MIN_PASSWORD_LENGTH} characters; a few words in a row make a good one`)
  .max(200, 'A password has at most 200 characters');

export const changePasswordRequest = z.object({ currentPassword: z.string().min(1).max(200), newPassword }).openapi('ChangePasswordRequest');
export type ChangePasswordRequest = z.infer<typeof changePasswordRequest>;

export const messageResponse = z.object({ message: z.string() }).openapi('MessageResponse');
export type MessageResponse = z.infer<typeof messageResponse>;

export const healthResponse = z.object({ status: z.literal('ok'), database: z.string() }).openapi('HealthResponse');

export const errorResponse = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    }),
  })
  .openapi('ErrorResponse');
export type ErrorResponse = z.infer<typeof errorResponse>;
