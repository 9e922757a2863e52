/**
 * The generic workbook engine's public surface, used by the task pane.
 * The engine knows nothing of any one workbook kind: it reads the kind's definition from the server.
 */
import type { ConflictActions } from './conflicts';
import type { AuditLogEntry, BackOutResponse, BatchJob, BatchLifeEvent, BatchSummary, DeleteLifeEventResponse, RowError, WorkbookDefinition, WorkbookScope } from '../contract/api';
import type { CheckSummary } from './check';
import type { RowSearch } from '../contract/row-search';

export interface Progress {
  /** What is happening, in plain words: "Uploading rows", "Writing the sheet". */
  phase: string;
  done: number;
  total: number;
  /** An estimate of the seconds left in this phase, once its first chunks have shown the pace (progress.ts). */
  secondsLeft?: number;
}
export type ProgressListener = (progress: Progress) => void;

/** Which workbook a worksheet holds; stored in the workbook's settings so it survives reopening. */
export interface SheetInfo {
  sheet: string;
  kind: string;
  title: string;
  /** What the sheet holds: the records on a session effective date, or the lines of one batch. */
  scope: WorkbookScope;
  /** Effective-dated sheets: the session effective date (ISO). */
  effectiveDate?: string;
  /** Batch sheets: the name in the Batch Name cell (none until one is entered). */
  batchName?: string;
  /** Read-only sheets: why nothing can be uploaded (the definition's reason), for the pane to say. */
  readOnly?: string;
  /** Kinds with a filter: the value the sheet was prepared with (e.g. a batch name), kept for Download again. */
  filter?: string;
  /** Search before download: the rows the sheet was narrowed to, kept for Download again (and every re-download). */
  search?: RowSearch;
  /** Listed person numbers of no person the user can see (from the download's first page), for the pane to name. */
  unknownPersonNumbers?: string[];
  /** Prepare was cancelled before every page arrived: the sheet holds only some rows (Download again completes it). */
  incomplete?: boolean;
}

/** What to prepare: the records on a date, or a batch's lines (no name, or a new one: an empty sheet to start a batch). */
export type PrepareScope = ({ effectiveDate: string; filter?: string } | { batchName?: string }) & { search?: RowSearch };

export interface FailedRow {
  /** 0-based sheet row. */
  row: number;
  /** Excel row number shown to the user (row + 1). */
  excelRow: number;
  /** The row's hidden key (rows the server has): the row is found by it, wherever a sort moved it. */
  key?: string;
  status: string;
  errors: Array<RowError & { header?: string }>;
}

export interface UploadSummary {
  inserted: number;
  updated: number;
  deleted: number;
  failed: number;
  /** Rows that needed no upload. */
  unchanged: number;
  failedRows: FailedRow[];
  /** Saved rows the server warns about (a plan switched between X of Salary and % of Salary), with its warnings. */
  warnedRows?: FailedRow[];
  /** Changed rows not uploaded because they are marked for deletion, as people name them ("row 5 (P10020 Ann Lee)"). */
  pendingDeletion?: string[];
  /** Rows not sent because Cancel was clicked: they keep their Changed (or deletion) mark. */
  notSent?: number;
}

export interface WorkbookEngine extends ConflictActions {
  definitions(): Promise<WorkbookDefinition[]>;
  /** The existing batches of a batch kind (name, lines, last run, lines by status), to pick from on Prepare. */
  batches(kind: string): Promise<BatchSummary[]>;
  /** Creates the sheet for a kind and date (or batch), downloads the rows into it (replaces the sheet on refresh). */
  /** Cancel (`signal`) stops after the page in flight and leaves the rows so far, in a sheet whose title says it is incomplete. */
  prepare(kind: string, scope: PrepareScope, onProgress?: ProgressListener, signal?: AbortSignal): Promise<SheetInfo>;
  /** The prepared workbook sheet that is active, if the active sheet is one. */
  activeSheetInfo(): Promise<SheetInfo | undefined>;
  /** Downloads again into the same sheet (same kind and date; a batch sheet: the batch named in its Batch Name cell). */
  refresh(sheet: string, onProgress?: ProgressListener, signal?: AbortSignal): Promise<SheetInfo>;
  /** Writes the deletion mark into the Mark for Deletion cell of every selected data row of this sheet (refused when the selection is on another). */
  markSelectedRowsForDeletion(sheet: string): Promise<number>;
  /** Counts rows carrying a deletion mark. */
  countMarkedRows(sheet: string): Promise<number>;
  /** The marked rows as people name them (person numbers, Batch Line IDs), for the delete confirmation. */
  markedRowLabels(sheet: string): Promise<string[]>;
  /** Rows with changes not uploaded (changed, new, or marked for deletion): what a Prepare over this sheet would lose. */
  unsentRowCount(sheet: string): Promise<number>;
  /** Rows with changes not uploaded on the sheet a Prepare of this kind would replace (0 when there is none). */
  unsentBeforePrepare(kind: string): Promise<number>;
  /** Puts the selected rows back to their downloaded values and clears their marks; answers how many rows it put back. */
  revertSelectedRows(sheet: string): Promise<number>;
  /** Uploads the deletions of marked rows (the pane confirms first). */
  deleteMarkedRows(sheet: string, onProgress?: ProgressListener, signal?: AbortSignal): Promise<UploadSummary>;
  /** Finds every changed or new row (events or not), uploads them in chunks, writes each row's status. */
  /** Uploads only the changed rows whose last upload (or check) failed; other edits stay unsent. */
  retryFailedRows(sheet: string, onProgress?: ProgressListener): Promise<UploadSummary>;
  /** Check: sends the changed and marked rows in a dry run and writes each row's predicted status ("Will update", "Will fail: …"). */
  checkChanges(sheet: string, onProgress?: ProgressListener, signal?: AbortSignal): Promise<CheckSummary>;
  /** "Did you mean": writes the suggested value in the failed row's cell, or in every cell of that column holding the same typo. */
  useSuggestion(sheet: string, failed: FailedRow, suggestion: { column: string; value: string }, everywhere: boolean): Promise<number>;
  upload(sheet: string, onProgress?: ProgressListener, signal?: AbortSignal): Promise<UploadSummary>;
  /** Errors of one row (from the last upload), for the selected-row error list. */
  rowErrors(sheet: string, row: number): Promise<FailedRow | undefined>;
  /** Every row whose status is a failure, for the summary list. */
  failedRows(sheet: string): Promise<FailedRow[]>;
  /** Selects a row in the sheet (from the failed-rows summary): the row with this key, else the row at `row`. */
  selectRow(sheet: string, row: number, key?: string): Promise<void>;
  /**
   * Sorts the data rows by one of the kind's columns. Excel cannot sort locked cells on a protected sheet, so the
   * add-in lifts protection for the sort, which clears Excel's undo history. Edits not uploaded move with their rows.
   */
  sortRows(sheet: string, columnKey: string, ascending: boolean): Promise<void>;
  /**
   * Batch sheets: runs the batch process on the batch's lines (refused while lines have changes not uploaded),
   * reports its progress, then downloads each line's result into the sheet. Answers the finished run.
   */
  processBatch(sheet: string, onProgress?: ProgressListener, signal?: AbortSignal): Promise<BatchJob>;
  /** Batch sheets: the batch's audit log (kept for lines uploaded with Audit Log set to Yes). */
  auditLog(sheet: string): Promise<AuditLogEntry[]>;
  /** Batch sheets with life events: the life event of the one selected line (refused without one line selected). */
  selectedLifeEvent(sheet: string): Promise<BatchLifeEvent>;
  /** Backs out the life event of that Batch Line ID (refused while lines have changes not uploaded), then downloads the batch again. */
  backOutLifeEvent(sheet: string, lineId: number, onProgress?: ProgressListener): Promise<BackOutResponse>;
  /** Deletes the voided life event of that Batch Line ID. */
  deleteVoidedLifeEvent(sheet: string, lineId: number): Promise<DeleteLifeEventResponse>;
}
