/**
 * fast-check arbitraries for what a user can type or paste into a cell, and the checks every property asserts.
 * Runs stay small (numRuns per property) so each property file runs well within a minute on both databases;
 * fast-check prints the seed and the shrunk counterexample of a failing run, so a failure can be replayed.
 */
import fc from 'fast-check';
import { sql } from 'kysely';
import type { CellValue } from '../../src/contract/api';
import type { Db } from '../engine/workbook-kind';

export const NUM_RUNS = 20;

const CONTROLS = ['\u0000', '\u0001', '\t', '\n', '\r', '\u001b', '\u007f', '\u0085', '\u009f'];
const BROKEN = ['\ud800', '\udbff', '\udc00', '\udfff'];

/** Text as it comes from a sheet: ordinary, any code point, control characters, lone surrogates, around and over the length limit. */
export const dirtyText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.tuple(fc.string({ maxLength: 6 }), fc.constantFrom(...CONTROLS, ...BROKEN), fc.string({ maxLength: 6 })).map(([a, b, c]) => a + b + c),
  fc.constantFrom(...CONTROLS, ...BROKEN, ' ', '', '0', '-0', 'NaN', 'null', '💥', 'e\u0301'),
  fc.integer({ min: 3995, max: 4005 }).map((n) => 'x'.repeat(n)),
  fc.constant('w'.repeat(32767)),
);

/** Numbers and number-like text: finite extremes, negative zero, tiny, negative, text that overflows. */
export const dirtyNumber: fc.Arbitrary<CellValue> = fc.oneof(
  fc.double(),
  fc.integer(),
  fc.constantFrom(1e308, -1e308, -0, 5e-324, -5e-324, -1, 999_999_999.99, 1_000_000_000.01, Number.MAX_SAFE_INTEGER),
  fc.constantFrom('1e400', '-1e400', 'NaN', 'Infinity', '-Infinity', '1,000.50', '12abc', '0x10', ' 42 ', '1'.repeat(400)),
);

const two = (n: number) => String(n).padStart(2, '0');

/** Dates: shaped right and real, shaped right and impossible, outside what the server keeps, and not dates at all. */
export const dirtyDate: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constantFrom('2026-13-01', '0000-00-00', '2031-02-32', '2026-02-29', '2024-02-29', '4712-12-31', '4713-01-01', '0001-01-01', '9999-99-99'),
  fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 })).map(([y, m, d]) => `${String(y).padStart(4, '0')}-${two(m)}-${two(d)}`),
  fc.date().map((d) => (Number.isNaN(d.getTime()) ? 'Invalid Date' : d.toISOString().slice(0, 10))),
  fc.constantFrom('31/31/1990', '2026-1-1', '20260101', 45000, true),
);

/** Any cell value at all. */
export const dirtyCell: fc.Arbitrary<CellValue> = fc.oneof(dirtyText, dirtyNumber, dirtyDate, fc.boolean(), fc.constant(null));

/** Overwrites some of `base`'s columns with dirty values of the column's kind (dates for date columns, …). */
export function dirtied(base: Record<string, CellValue>, columns: Record<string, 'text' | 'number' | 'date'>): fc.Arbitrary<Record<string, CellValue>> {
  const byType = { text: fc.oneof(dirtyText, dirtyCell), number: fc.oneof(dirtyNumber, dirtyCell), date: fc.oneof(dirtyDate, dirtyCell) };
  const entries = Object.entries(columns).map(([key, type]) => [key, fc.option(byType[type], { nil: undefined })] as const);
  return fc.record(Object.fromEntries(entries)).map((dirt) => {
    const values = { ...base };
    for (const [key, value] of Object.entries(dirt)) if (value !== undefined) values[key] = value as CellValue;
    return values;
  });
}

/** Records of one key that overlap in time (the database's own exclusion constraint should make this empty). */
export async function overlapsPerKey(db: Db, table: string): Promise<number> {
  const { rows } = await sql<{ n: string }>`select count(*) as n from ${sql.table(table)} a join ${sql.table(table)} b
    on a.key = b.key and a.effective_start_date < b.effective_start_date and a.effective_end_date >= b.effective_start_date`.execute(db);
  return Number(rows[0].n);
}

/** Records of different keys for one person (and `also`, e.g. the balance type) in effect on one day. */
export async function overlapsPerPerson(db: Db, table: string, also: string[] = []): Promise<number> {
  const same = [sql`a.person_id = b.person_id`, ...also.map((c) => sql`a.${sql.ref(c)} = b.${sql.ref(c)}`)];
  const { rows } = await sql<{ n: string }>`select count(*) as n from ${sql.table(table)} a join ${sql.table(table)} b
    on ${sql.join(same, sql` and `)} and a.key < b.key
    and a.effective_start_date <= b.effective_end_date and b.effective_start_date <= a.effective_end_date`.execute(db);
  return Number(rows[0].n);
}

/** A new session date for each run (after the last), so that every valid edit is a change as of a later date. */
export function sessionDates(start = '2026-02-01'): () => string {
  let day = Date.parse(`${start}T00:00:00Z`);
  return () => {
    day += 86_400_000;
    return new Date(day).toISOString().slice(0, 10);
  };
}

/** An upload row before it is numbered. */
export interface ChunkRow {
  op: 'insert' | 'update' | 'delete';
  key?: string;
  version?: number;
  values: Record<string, CellValue>;
}

/** Sort keys that mix valid and dirty rows in a random order. */
export const mixOrder = fc.array(fc.double({ noNaN: true }), { minLength: 64, maxLength: 64 });

/** Valid and dirty rows in the order `mix` gives, numbered; `validAt` holds the positions of the valid ones. */
export function interleave(valid: ChunkRow[], dirty: ChunkRow[], mix: number[]): { rows: Array<ChunkRow & { rowId: number }>; validAt: number[] } {
  const tagged = [...valid.map((row) => ({ row, valid: true })), ...dirty.map((row) => ({ row, valid: false }))];
  const sorted = tagged.map((t, i) => ({ ...t, sort: mix[i % mix.length] + i * 1e-9 })).sort((a, b) => a.sort - b.sort);
  return { rows: sorted.map((t, rowId) => ({ ...t.row, rowId })), validAt: sorted.flatMap((t, i) => (t.valid ? [i] : [])) };
}
