/** The interim batch tables: batches by name, and their lines, read and written set-based (one statement per chunk). */
import { sql } from 'kysely';
import type { Db, PageRequest } from '../../engine/workbook-kind';
import { afterPlace, orderBy, placeColumn, type Place, type SortColumn } from '../../engine/keyset';
import { personNumberVisible } from '../../engine/population';
import { searchWhere, type SearchColumns } from '../../engine/row-search';
import { ENTERED_FIELDS, type LineFields, type StoredLine } from './line-fields';

export async function findBatch(db: Db, name: string): Promise<{ id: number; audit_log: boolean } | undefined> {
  return db.selectFrom('enrollment_batches').select(['id', 'audit_log']).where('name', '=', name).executeTakeFirst();
}

/**
 * The batch of that name, created if new, locked for this transaction (uploads of one batch take turns, so line
 * ids are handed out once). The audit log setting is the one given with this upload, or stays as it was.
 */
export async function claimBatch(db: Db, name: string, auditLog: boolean | undefined): Promise<number> {
  const result = await sql<{ id: number }>`
    insert into enrollment_batches (name, audit_log) values (${name}, ${auditLog ?? false})
    on conflict (name) do update set audit_log = coalesce(${auditLog ?? null}::boolean, enrollment_batches.audit_log)
    returning id`.execute(db);
  return result.rows[0].id;
}

const LINE_ORDER: SortColumn[] = [{ expr: 'l.line_id', type: 'integer' }];

/** A line names its participant by number only: the name search looks the person up. */
const LINE_SEARCH: SearchColumns = {
  personNumber: 'l.person_number',
  name: "(select sp.first_name || ' ' || sp.last_name from persons sp where sp.person_number = l.person_number)",
  group: 'l.enrollment_type',
  status: 'l.status',
};

/**
 * A page of the batch's lines after a place in line order (keyset paging on its (batch_id, line_id) index); counted on
 * the first page. Only lines whose participant is in the population on the line's effective date.
 */
export async function findLinePage(db: Db, batchId: number, page: PageRequest): Promise<{ lines: Array<StoredLine & { place: Place }>; total?: number }> {
  const visible = sql`${personNumberVisible(page.population, sql`l.person_number`, sql`l.effective_date`)} ${searchWhere(page.search, LINE_SEARCH)}`;
  const result = await sql<StoredLine & { place: Place }>`
    select l.*, ${placeColumn(LINE_ORDER)} from enrollment_batch_lines l
    where l.batch_id = ${batchId} and ${visible} ${afterPlace(LINE_ORDER, page.after)} order by ${orderBy(LINE_ORDER)} limit ${page.limit}`.execute(db);
  if (page.after) return { lines: result.rows };
  const count = await sql<{ n: string }>`select count(*) as n from enrollment_batch_lines l where l.batch_id = ${batchId} and ${visible}`.execute(db);
  return { lines: result.rows, total: Number(count.rows[0].n) };
}

export async function findLinesByKey(db: Db, keys: string[], lock = false): Promise<StoredLine[]> {
  if (keys.length === 0) return [];
  const result = await sql<StoredLine>`
    select * from enrollment_batch_lines where key in (select jsonb_array_elements_text(${JSON.stringify(keys)}::jsonb))
    order by line_id ${lock ? sql`for update` : sql``}`.execute(db);
  return result.rows;
}

export async function deleteLines(db: Db, keys: string[]): Promise<void> {
  if (keys.length === 0) return;
  await sql`delete from enrollment_batch_lines where key in (select jsonb_array_elements_text(${JSON.stringify(keys)}::jsonb))`.execute(db);
}

const FIELD_TYPES: Record<string, string> = {
  effective_date: 'date',
  life_event_occurred_date: 'date',
  original_enrollment_date: 'date',
  date_of_birth: 'date',
  close_life_event_date: 'date',
  create_potential_life_event: 'boolean',
  close_life_event: 'boolean',
  rate_amount: 'numeric',
  coverage_amount: 'numeric',
  primary_percentage: 'numeric',
  contingent_percentage: 'numeric',
  beneficiary_amount: 'numeric',
};
const FIELDS = Object.values(ENTERED_FIELDS);
const recordset = (extra: Record<string, string>) =>
  sql.raw(Object.entries({ ...extra, ...Object.fromEntries(FIELDS.map((f) => [f, FIELD_TYPES[f] ?? 'text'])) }).map(([n, t]) => `"${n}" ${t}`).join(', '));

/** Changed lines get the new values, the next version, and are unprocessed again (their old message no longer applies). */
export async function updateLines(db: Db, rows: Array<{ key: string; fields: LineFields }>): Promise<void> {
  if (rows.length === 0) return;
  const set = sql.raw([...FIELDS.map((f) => `"${f}" = v."${f}"`), 'version = t.version + 1', "status = 'NEW'", 'message = null', 'processed_by_job = null'].join(', '));
  await sql`
    update enrollment_batch_lines t set ${set}
    from jsonb_to_recordset(${JSON.stringify(rows.map((r) => ({ ...r.fields, key: r.key })))}::jsonb) as v(${recordset({ key: 'text' })})
    where t.key = v.key`.execute(db);
}

/** New lines, numbered after the batch's last line in the order given. */
export async function insertLines(db: Db, batchId: number, rows: Array<{ key: string; fields: LineFields }>): Promise<void> {
  if (rows.length === 0) return;
  const columns = sql.raw(['key', 'batch_id', 'line_id', 'version', ...FIELDS.map((f) => `"${f}"`)].join(', '));
  const select = sql.raw(FIELDS.map((f) => `v."${f}"`).join(', '));
  const payload = rows.map((r, i) => ({ ...r.fields, key: r.key, n: i + 1 }));
  await sql`
    insert into enrollment_batch_lines (${columns})
    select v.key, ${batchId}, (select coalesce(max(line_id), 0) from enrollment_batch_lines where batch_id = ${batchId}) + v.n, 1, ${select}
    from jsonb_to_recordset(${JSON.stringify(payload)}::jsonb) as v(${recordset({ key: 'text', n: 'integer' })})`.execute(db);
}
