/**
 * Keyset paging: a page starts after the last row of the one before, found by its sort values (its "place"), so every
 * page costs the same however far in it is (offset paging re-reads and throws away every row before the page).
 * The cursor the client sends back is that place, opaque to it.
 */
import { sql, type RawBuilder } from 'kysely';
import { AppError } from '../errors/app-error';

/** One sort column: the SQL expression ordered by (ascending, never null) and its type. */
export interface SortColumn {
  expr: string;
  type: 'text' | 'date' | 'integer';
}

/** A row's place in the order: its sort values, as the query returns them in the `place` column. */
export type Place = unknown[];

const STALE = 'This download page link is not one the server gave out, or is from an older version; download the rows again.';

export function encodeCursor(place: Place): string {
  return Buffer.from(JSON.stringify(place)).toString('base64url');
}

export function decodeCursor(cursor: string): Place {
  try {
    const place: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString());
    if (Array.isArray(place) && place.length > 0 && place.every((v) => typeof v === 'string' || typeof v === 'number')) return place;
  } catch {
    // falls through to the message below
  }
  throw new AppError('bad_request', STALE);
}

/** The select-list item that returns each row's place. */
export function placeColumn(columns: SortColumn[]): RawBuilder<unknown> {
  return sql`jsonb_build_array(${sql.raw(columns.map((c) => c.expr).join(', '))}) as place`;
}

export function orderBy(columns: SortColumn[]): RawBuilder<unknown> {
  return sql.raw(columns.map((c) => c.expr).join(', '));
}

/**
 * `and` the rows after the place (a row-value comparison matches ORDER BY on the same columns, ties included), plus
 * the same bound on the first column alone, which an index on it can serve. Nothing when there is no place.
 */
export function afterPlace(columns: SortColumn[], place: Place | undefined): RawBuilder<unknown> {
  if (!place) return sql``;
  if (place.length !== columns.length) throw new AppError('bad_request', STALE);
  const json = JSON.stringify(place);
  const values = columns.map((c, i) => sql`(${json}::jsonb ->> ${sql.raw(String(i))})::${sql.raw(c.type)}`);
  return sql`and (${orderBy(columns)}) > (${sql.join(values)}) and ${sql.raw(columns[0].expr)} >= ${values[0]}`;
}
