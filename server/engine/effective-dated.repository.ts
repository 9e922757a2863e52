/** Set-based reads and writes of an effective-dated table: one statement per operation for a whole chunk. */
import { sql, type RawBuilder } from 'kysely';
import { personVisible, type Population } from './population';
import type { Db } from './workbook-kind';
import { afterPlace, orderBy, placeColumn, type Place, type SortColumn } from './keyset';
import { searchWhere, type SearchColumns } from './row-search';
import type { RowSearch } from '../../src/contract/row-search';

export type SqlType = 'integer' | 'text' | 'numeric' | 'date' | 'boolean';

export interface TableSpec {
  table: string;
  attributes: Record<string, SqlType>;
}

export interface StoredRecord {
  key: string;
  effective_start_date: string;
  effective_end_date: string;
  version: number;
  [attribute: string]: unknown;
}

export interface NewRecord {
  key: string;
  start: string;
  end: string;
  version: number;
  attributes: Record<string, unknown>;
}

function recordset(columns: Record<string, string>) {
  return sql.raw(Object.entries(columns).map(([name, type]) => `"${name}" ${type}`).join(', '));
}

/**
 * Locks every record of the given keys (the whole history, oldest first, so every upload of a key waits on the same
 * row first), then reads them again: concurrent uploads of a key serialise, and each sees what the one before committed.
 *
 * Why read again: under READ COMMITTED (PostgreSQL's default) a `select … for update` that waited for another
 * transaction returns the newest version of each row it locked, but from a snapshot taken before it waited: it misses
 * the record the other transaction inserted (the new half of a split), so a stale version looked current and the row
 * was "not in effect", and a delete went through and took an acknowledged update with it. The second statement has a
 * snapshot taken after the lock was granted and sees all of it, so the version check answers Conflict.
 * Why not SERIALIZABLE with a retry: the loser would abort with a serialization failure and its whole chunk (up to
 * 2,000 rows) would run again only to reach the same Conflict; locking then reading is right the first time, keeps
 * the other rows of the chunk, and behaves the same on PGlite's single connection.
 */
/**
 * `key = any(array)`: the planner knows how many keys a chunk names and reads them through the primary key; a
 * `json_array_elements_text` subquery is estimated at 100 rows, and the plan scanned the whole table (every record of
 * every person, growing with each upload) to hash-join 2,000 keys.
 */
function keyIn(column: RawBuilder<unknown>, keys: string[]): RawBuilder<boolean> {
  return sql<boolean>`${column} = any(${keys}::text[])`;
}

export async function lockRecords(db: Db, spec: TableSpec, keys: string[]): Promise<StoredRecord[]> {
  if (keys.length === 0) return [];
  await sql`select 1 from ${sql.table(spec.table)} where ${keyIn(sql`key`, keys)} order by key, effective_start_date for update`.execute(db);
  const result = await sql<StoredRecord>`select * from ${sql.table(spec.table)} where ${keyIn(sql`key`, keys)} order by key, effective_start_date`.execute(db);
  return result.rows;
}

export async function deleteKeys(db: Db, spec: TableSpec, keys: string[]): Promise<void> {
  if (keys.length === 0) return;
  await sql`delete from ${sql.table(spec.table)} where ${keyIn(sql`key`, keys)}`.execute(db);
}

/** Ends records the day before a change (seed: prior record end-dated, history kept). */
export async function endDate(db: Db, spec: TableSpec, rows: Array<{ key: string; start: string; end: string }>): Promise<void> {
  if (rows.length === 0) return;
  await sql`
    update ${sql.table(spec.table)} t set effective_end_date = v.end_date
    from json_to_recordset(${JSON.stringify(rows.map((r) => ({ key: r.key, start_date: r.start, end_date: r.end })))}::json)
      as v(${recordset({ key: 'text', start_date: 'date', end_date: 'date' })})
    where t.key = v.key and t.effective_start_date = v.start_date`.execute(db);
}

/** Corrects records in place (same-day edits). */
export async function correct(db: Db, spec: TableSpec, rows: NewRecord[]): Promise<void> {
  if (rows.length === 0) return;
  const names = Object.keys(spec.attributes);
  // The end too: a kind whose sheet sets the end date corrects it in place (see withTypedEnd); others keep theirs.
  const set = sql.raw([...names.map((n) => `"${n}" = v."${n}"`), 'effective_end_date = v.end_date', 'version = v.version'].join(', '));
  const payload = rows.map((r) => ({ ...r.attributes, key: r.key, start_date: r.start, end_date: r.end, version: r.version }));
  await sql`
    update ${sql.table(spec.table)} t set ${set}
    from json_to_recordset(${JSON.stringify(payload)}::json)
      as v(${recordset({ key: 'text', start_date: 'date', end_date: 'date', version: 'integer', ...spec.attributes })})
    where t.key = v.key and t.effective_start_date = v.start_date`.execute(db);
}

export async function insertRecords(db: Db, spec: TableSpec, rows: NewRecord[]): Promise<void> {
  if (rows.length === 0) return;
  const names = Object.keys(spec.attributes);
  const columns = sql.raw(['key', 'effective_start_date', 'effective_end_date', 'version', ...names.map((n) => `"${n}"`)].join(', '));
  const select = sql.raw(['v.key', 'v.start_date', 'v.end_date', 'v.version', ...names.map((n) => `v."${n}"`)].join(', '));
  const payload = rows.map((r) => ({ ...r.attributes, key: r.key, start_date: r.start, end_date: r.end, version: r.version }));
  await sql`
    insert into ${sql.table(spec.table)} (${columns})
    select ${select} from json_to_recordset(${JSON.stringify(payload)}::json)
      as v(${recordset({ key: 'text', start_date: 'date', end_date: 'date', version: 'integer', ...spec.attributes })})`.execute(db);
}

/** A record a chunk is about to write, and the stored columns that say whose it is. */
export interface SubjectCandidate {
  index: number;
  key: string;
  start: string;
  end: string;
  subject: Record<string, unknown>;
}

/**
 * For each candidate, the earliest stored record of another key with the same subject whose dates overlap the
 * candidate's (records of keys this chunk deletes left out): one statement for the whole chunk.
 */
export async function findSubjectOverlaps(db: Db, spec: TableSpec, columns: string[], candidates: SubjectCandidate[], deletedKeys: string[]): Promise<Array<StoredRecord & { candidate: number }>> {
  if (candidates.length === 0) return [];
  const payload = candidates.map((c) => ({ ...c.subject, candidate: c.index, key: c.key, start_date: c.start, end_date: c.end }));
  const types = Object.fromEntries(columns.map((c) => [c, spec.attributes[c]]));
  const sameSubject = sql.raw(columns.map((c) => `and o."${c}" = c."${c}"`).join(' '));
  const result = await sql<StoredRecord & { candidate: number }>`
    select distinct on (c.candidate) c.candidate, o.*
    from json_to_recordset(${JSON.stringify(payload)}::json)
      as c(${recordset({ candidate: 'integer', key: 'text', start_date: 'date', end_date: 'date', ...types })})
    join ${sql.table(spec.table)} o on o.key <> c.key ${sameSubject}
      and o.effective_start_date <= c.end_date and c.start_date <= o.effective_end_date
    where o.key not in (select json_array_elements_text(${JSON.stringify(deletedKeys)}::json))
    order by c.candidate, o.effective_start_date`.execute(db);
  return result.rows;
}

/** How a kind shows its records: the table (aliased `r`), its select list and joins, and the sort columns (a total order). */
export interface DisplayQuery {
  table: string;
  columns: RawBuilder<unknown>;
  joins: RawBuilder<unknown>;
  orderBy: SortColumn[];
  /** What a search before download matches on (expressions over `r` and the joins); without it, a search is refused. */
  search?: SearchColumns;
}

export type DisplayRow<R> = R & { key: string; version: number; effective_start_date: string; effective_end_date: string; place: Place };

export interface DisplayPageRequest {
  limit: number;
  /** The place of the last row of the page before (keyset paging). */
  after?: Place;
  keys?: string[];
  /** Only records of persons in the population on the date (every effective-dated table has person_id). */
  population: Population;
  /** Search before download: only the rows it matches. */
  search?: RowSearch;
  /** Stored records to show as given (an upload's before-values, from the records it locked), in the same read. */
  before?: StoredRecord[];
}

/**
 * The records a display page reads, as `r`: the table, or (with `before`) the table's records of the keys and the given
 * records beside them, each marked by `as_before` (the given ones pass no key or population filter: the caller read them).
 */
export function displayedRecords(table: string, page: { keys?: string[]; before?: StoredRecord[] }): RawBuilder<unknown> {
  if (!page.before) return sql`${sql.table(table)} r`;
  const keyFilter = page.keys ? sql`where ${keyIn(sql`t.key`, page.keys)}` : sql``;
  return sql`(select t.*, false as as_before from ${sql.table(table)} t ${keyFilter}
    union all select g.*, true from json_populate_recordset(null::${sql.table(table)}, ${JSON.stringify(page.before)}::json) g) r`;
}

/** A page's rows and, when it was given records to show, those apart. */
export function splitBefore<R>(rows: R[], page: { before?: StoredRecord[] }): { rows: R[]; before?: R[] } {
  if (!page.before) return { rows };
  const given = (r: R) => (r as { as_before?: boolean }).as_before === true;
  return { rows: rows.filter((r) => !given(r)), before: rows.filter(given) };
}

/**
 * One page of the records in effect on a date (or of the given keys), for any kind, starting after a place in the
 * order: each page reads only its own rows. The version is looked up for the page's rows only, after the page is cut.
 */
export async function findDisplayPage<R>(db: Db, query: DisplayQuery, date: string, page: DisplayPageRequest): Promise<{ rows: Array<DisplayRow<R>>; total?: number; before?: Array<DisplayRow<R>> }> {
  const keyFilter = page.keys && !page.before ? sql`and ${keyIn(sql`r.key`, page.keys)}` : sql``;
  const visible = personVisible(page.population, sql`r.person_id`, sql`${date}::date`);
  const sorted = query.orderBy.map((c, i) => `s${i}`);
  // A key's version is its newest record's. Right after a write (the `keys` page) the record in effect is the one just
  // written, which carries it: no look-up over the key's history.
  const version = page.keys ? sql`page.record_version` : sql`(select max(v.version) from ${sql.table(query.table)} v where v.key = page.key)`;
  const result = await sql<DisplayRow<R>>`
    select page.*, ${version} as version
    from (
      select r.key, r.effective_start_date, r.effective_end_date, r.version as record_version, ${query.columns}, ${placeColumn(query.orderBy)},
        ${sql.raw(query.orderBy.map((c, i) => `${c.expr} as ${sorted[i]}`).join(', '))}${page.before ? sql`, r.as_before` : sql``}
      from ${displayedRecords(query.table, page)} ${query.joins}
      where ${date}::date between r.effective_start_date and r.effective_end_date ${keyFilter} ${afterPlace(query.orderBy, page.after)}
        and ${page.before ? sql`(r.as_before or ${visible})` : visible} ${searchWhere(page.search, query.search)}
      order by ${orderBy(query.orderBy)}
      limit ${page.limit}
    ) page
    order by ${sql.raw(sorted.map((s) => `page.${s}`).join(', '))}`.execute(db);
  const first = !page.after && !page.keys;
  return { ...splitBefore(result.rows, page), total: first ? await countInEffect(db, query, date, page) : undefined };
}

/**
 * How many records are in effect on the date (the joins are to required references, so they drop none): once per
 * download. A search counts what it matches, with the joins it matches on and the population (the sheet is sized by it).
 */
async function countInEffect(db: Db, query: DisplayQuery, date: string, page: DisplayPageRequest): Promise<number> {
  const inEffect = sql`${date}::date between r.effective_start_date and r.effective_end_date`;
  const result = page.search
    ? await sql<{ n: string }>`select count(*) as n from ${sql.table(query.table)} r ${query.joins} where ${inEffect}
        and ${personVisible(page.population, sql`r.person_id`, sql`${date}::date`)} ${searchWhere(page.search, query.search)}`.execute(db)
    : await sql<{ n: string }>`select count(*) as n from ${sql.table(query.table)} r where ${inEffect}`.execute(db);
  return Number(result.rows[0].n);
}
