/** Reading uploaded cell values on the server: one place for text, numbers, dates and lists of values. */
import { unknownName } from './unknown-names';
import type { CellValue, RowError } from '../../src/contract/api';
import { EARLIEST_DATE, END_OF_TIME } from './effective-dating';

export function text(value: CellValue | undefined): string {
  return value === null || value === undefined ? '' : String(value).trim();
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** An ISO date, or an error that shows what was typed (the pane sends unreadable dates as typed). */
export function readIsoDate(value: CellValue | undefined, column: string, header: string): { date?: string; error?: RowError } {
  const typed = text(value);
  if (!typed) return {};
  const m = ISO.exec(typed);
  // Shaped right is not enough: 2026-13-01 or 0000-00-00 is no date (and an invalid Date throws on toISOString).
  const parsed = m ? new Date(`${typed}T00:00:00Z`) : undefined;
  const ok = parsed !== undefined && !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(typed);
  // PostgreSQL has no year 0 and the open end is 4712-12-31: outside that, a date is an error on the row, not a 500.
  if (ok && (typed < EARLIEST_DATE || typed > END_OF_TIME)) return { error: { column, message: `${header}: ${typed} is outside the dates the server keeps (${EARLIEST_DATE} to ${END_OF_TIME}).` } };
  return ok ? { date: typed } : { error: { column, message: `${header}: "${typed}" is not a date we can read. Enter a date such as ${new Date(Date.UTC(1990, 2, 31)).toISOString().slice(0, 10)} or in your usual date format.` } };
}

/** A number within bounds, or an error that says what is wrong with what was entered. */
export function readNumber(value: CellValue | undefined, column: string, header: string, bounds: { min: number; max: number }): { number?: number; error?: RowError } {
  if (value === null || value === undefined || text(value) === '') return {};
  const n = typeof value === 'number' ? value : Number(text(value).replace(/,/g, ''));
  if (typeof value === 'boolean' || !Number.isFinite(n)) return { error: { column, message: `${header} must be a number; "${text(value)}" is not one.` } };
  if (n < bounds.min || n > bounds.max) return { error: { column, message: `${header} must be between ${bounds.min.toLocaleString('en-US')} and ${bounds.max.toLocaleString('en-US')}; ${n.toLocaleString('en-US')} is out of range.` } };
  return { number: n === 0 ? 0 : n }; // -0 is 0
}

/** A value from a list of values, or an error listing the choices. Blank is allowed (required-ness is checked apart). */
export function readListValue(value: CellValue | undefined, column: string, header: string, allowed: readonly string[]): { value?: string; error?: RowError } {
  const typed = text(value);
  if (!typed) return {};
  const match = allowed.find((a) => a.toLowerCase() === typed.toLowerCase());
  return match ? { value: match } : { error: unknownName({ column, message: `${header}: "${typed}" is not one of the choices (${allowed.join(', ')}). Pick one from the list.` }) };
}

export function required(column: string, header: string, hint = ''): RowError {
  return { column, message: `${header} is required.${hint ? ` ${hint}` : ''}` };
}

/** Text no longer than the limit, or an error naming the column and the length. */
export function tooLong(value: string, limit: number, column: string, header: string): RowError | undefined {
  return value.length > limit ? { column, message: `${header} may have up to ${limit} characters; this one has ${value.length}. Shorten it.` } : undefined;
}
