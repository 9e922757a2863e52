/**
 * The edge where uploaded text enters the server: every row of every kind passes here before the kind sees it.
 * The rule itself is the contract's `unstorableCharacter` (no control character, no lone surrogate, after trimming)
 * and its MAX_CELL_TEXT (the contract takes up to Excel's 32,767 characters so that longer text is a row error, not a 400);
 * a row that breaks it fails alone, with a message naming the column and showing what was typed.
 */
import { MAX_CELL_TEXT, unstorableCharacter, type CellValue, type RowError, type RowResult, type UploadRow, type WorkbookDefinition } from '../../src/contract/api';
import { settableOnly } from './settable-values';

const SHOWN = 60;

/** Text as a message can show it: control characters and lone surrogates written as [U+XXXX], cut to a readable length. */
export function visibleText(text: string): string {
  const shown = text.replace(/\p{Cc}|\p{Cs}/gu, (c) => `[U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}]`);
  return shown.length > SHOWN ? `${shown.slice(0, SHOWN)}…` : shown;
}

function cellError(column: string, header: string, value: CellValue): RowError | undefined {
  if (typeof value !== 'string') return undefined;
  const length = value.trim().length;
  if (length > MAX_CELL_TEXT) {
    return { column, message: `${header}: the text is ${length.toLocaleString('en-US')} characters long ("${visibleText(value.trim())}"); at most ${MAX_CELL_TEXT.toLocaleString('en-US')} can be stored. Shorten it.` };
  }
  const bad = unstorableCharacter(value);
  if (!bad) return undefined;
  const surrogate = /^U\+D[89A-F]/.test(bad);
  const what = surrogate ? `a broken character (${bad}, half of a character pair)` : `a control character (${bad})`;
  const hint = surrogate ? 'Retype the value.' : 'Retype the value without it (a line break or tab pasted inside the text is one).';
  return { column, message: `${header}: "${visibleText(value.trim())}" contains ${what}, which cannot be stored. ${hint}` };
}

/** The errors of one row: only the values the row may set are read (the others are ignored, as everywhere). */
function rowErrors(definition: WorkbookDefinition, row: UploadRow): RowError[] {
  if (row.key !== undefined && unstorableCharacter(row.key)) return [{ message: 'This row’s key is damaged (it contains a character that cannot be stored). Download again and redo the change.' }];
  const headers = new Map(definition.columns.map((c) => [c.key, c.header]));
  return Object.entries(settableOnly(definition, row).values).flatMap(([key, value]) => cellError(key, headers.get(key) ?? key, value) ?? []);
}

function refusal(definition: WorkbookDefinition, row: UploadRow): RowResult | undefined {
  const errors = rowErrors(definition, row);
  return errors.length > 0 ? { rowId: row.rowId, status: 'Upload Failed', errors } : undefined;
}

/** Splits a chunk into the rows refused here (with their results) and the rows the kind may apply. */
export function screenRows(definition: WorkbookDefinition, rows: UploadRow[]): { refused: RowResult[]; accepted: UploadRow[] } {
  const verdicts = rows.map((row) => refusal(definition, row));
  return { refused: verdicts.filter((v) => v !== undefined), accepted: rows.filter((_, i) => !verdicts[i]) };
}

/** Applies the accepted rows (`apply` answers one result per row it gets, in order) and answers one result per uploaded row, in upload order. */
export async function applyStorableRows(definition: WorkbookDefinition, rows: UploadRow[], apply: (rows: UploadRow[]) => Promise<RowResult[]>): Promise<RowResult[]> {
  const verdicts = rows.map((row) => refusal(definition, row));
  const accepted = rows.filter((_, i) => !verdicts[i]);
  if (accepted.length === rows.length) return apply(rows);
  const applied = accepted.length > 0 ? await apply(accepted) : [];
  let next = 0;
  return verdicts.map((verdict) => verdict ?? applied[next++]);
}
