/**
 * "Did you mean": a failing row whose error names a column with a list of values, and holds a value that is not in
 * the list, gets the closest value of the list (PostgreSQL's pg_trgm similarity, one query per list for the whole
 * chunk) in its message and, machine-readable, in `suggestion` so the pane can put it in the cell.
 */
import { sql } from 'kysely';
import type { RowError, RowResult, UploadRow, WorkbookDefinition } from '../../src/contract/api';
import { isUnknownName } from './unknown-names';
import { text } from './values';
import type { Db } from './workbook-kind';

/** pg_trgm's own default threshold (pg_trgm.similarity_threshold): below it two names are not "close". */
const THRESHOLD = 0.3;

interface Wanted {
  error: RowError;
  column: string;
  typed: string;
}

/** The closest candidate of each typed value, when one is close enough (typed → suggestion). */
export async function closestValues(db: Db, typed: string[], candidates: string[]): Promise<Map<string, string>> {
  if (typed.length === 0 || candidates.length === 0) return new Map();
  const found = await sql<{ typed: string; value: string }>`
    select t.typed, best.value
    from unnest(cast(${typed} as text[])) as t(typed)
    cross join lateral (
      select c.value from unnest(cast(${candidates} as text[])) as c(value)
      where similarity(c.value, t.typed) >= ${THRESHOLD}
      order by similarity(c.value, t.typed) desc, c.value
      limit 1
    ) as best`.execute(db);
  return new Map(found.rows.map((r) => [r.typed, r.value]));
}

/**
 * Adds suggestions to the failing rows' errors, in place. `lists` is read only when some error can get one, so a
 * chunk without such errors costs nothing.
 */
export async function addSuggestions(
  db: Db,
  definition: WorkbookDefinition,
  rows: UploadRow[],
  results: Array<Pick<RowResult, 'rowId' | 'errors'>>,
  lists: () => Promise<Record<string, string[]>>,
): Promise<void> {
  const listOf = new Map(definition.columns.flatMap((c) => (c.list ? [[c.key, c.list] as const] : [])));
  const byRow = new Map(rows.map((r) => [r.rowId, r]));
  const wanted: Wanted[] = [];
  for (const result of results) {
    for (const error of result.errors) {
      if (!error.column || !listOf.has(error.column) || error.suggestion || !isUnknownName(error)) continue;
      const typed = text(byRow.get(result.rowId)?.values[error.column]);
      if (typed) wanted.push({ error, column: error.column, typed });
    }
  }
  if (wanted.length === 0) return;
  const values = await lists();
  const byList = new Map<string, Wanted[]>();
  for (const w of wanted) {
    const list = listOf.get(w.column) as string;
    // A value the list holds is no typo (the error is about something else, such as its dates).
    if (!(values[list] ?? []).includes(w.typed)) byList.set(list, [...(byList.get(list) ?? []), w]);
  }
  for (const [list, items] of byList) {
    const closest = await closestValues(db, [...new Set(items.map((i) => i.typed))], values[list] ?? []);
    for (const { error, column, typed } of items) {
      const value = closest.get(typed);
      if (value === undefined) continue;
      error.message = `${error.message} Did you mean "${value}"?`;
      error.suggestion = { column, value };
    }
  }
}
