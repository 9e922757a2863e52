/** Reading the audit trail: filtered by person, user, workbook and dates, newest first, paged in SQL. */
import { sql } from 'kysely';
import type { ChangeHistoryEntry, ChangeHistoryQuery } from '../../src/contract/change-history';
import { personNumberVisible, type Population } from '../engine/population';
import type { Db } from '../engine/workbook-kind';
import { searchWhere } from '../engine/row-search';
import type { RowSearch } from '../../src/contract/row-search';

type Filter = Omit<ChangeHistoryQuery, 'offset' | 'limit'> & { text?: string };

interface EntryRow {
  id: string;
  changed_at: Date | string;
  username: string;
  kind: string;
  action: ChangeHistoryEntry['action'];
  record_key: string;
  person_number: string | null;
  column_name: string;
  old_value: string | null;
  new_value: string | null;
  effective_date: string | null;
  request_id: string;
  total: string | number;
}

/**
 * One page of entries. Data access holds here too: an administrator limited to a population sees only changes of
 * persons in it today (and changes about no person).
 */
export async function findChanges(db: Db, filter: Filter, page: { offset?: number; afterId?: string; limit: number; population: Population; search?: RowSearch }): Promise<{ entries: ChangeHistoryEntry[]; total: number }> {
  const opt = (value: string | undefined, clause: (v: string) => ReturnType<typeof sql>) => (value ? sql`and ${clause(value)}` : sql``);
  const result = await sql<EntryRow>`
    select h.*, count(*) over () as total from change_history h
    where (h.person_number is null or ${personNumberVisible(page.population, sql`h.person_number`, sql`current_date`)})
      ${opt(filter.personNumber, (v) => sql`h.person_number = ${v}`)}
      ${opt(filter.username, (v) => sql`h.username = ${v}`)}
      ${opt(filter.kind, (v) => sql`h.kind = ${v}`)}
      ${opt(filter.from, (v) => sql`h.changed_at >= ${v}::date`)}
      ${opt(filter.to, (v) => sql`h.changed_at < ${v}::date + 1`)}
      ${opt(filter.text, (v) => sql`(h.person_number = ${v} or h.username = ${v} or h.kind = ${v})`)}
      ${searchWhere(page.search, { personNumber: 'h.person_number', name: "(select sp.first_name || ' ' || sp.last_name from persons sp where sp.person_number = h.person_number)" })}
      ${page.afterId === undefined ? sql`` : sql`and h.id < ${page.afterId}::bigint`}
    order by h.id desc offset ${page.offset ?? 0} limit ${page.limit}`.execute(db);
  return {
    total: result.rows.length > 0 ? Number(result.rows[0].total) : 0,
    entries: result.rows.map((r) => ({
      id: String(r.id),
      changedAt: new Date(r.changed_at).toISOString(),
      username: r.username,
      kind: r.kind,
      action: r.action,
      recordKey: r.record_key,
      personNumber: r.person_number,
      column: r.column_name,
      oldValue: r.old_value,
      newValue: r.new_value,
      effectiveDate: r.effective_date,
      requestId: r.request_id,
    })),
  };
}

const CSV_COLUMNS: Array<[keyof ChangeHistoryEntry, string]> = [
  ['changedAt', 'Changed At'], ['username', 'User'], ['kind', 'Workbook'], ['action', 'Action'], ['recordKey', 'Record Key'],
  ['personNumber', 'Person Number'], ['column', 'Column'], ['oldValue', 'Old Value'], ['newValue', 'New Value'],
  ['effectiveDate', 'Effective Date'], ['requestId', 'Request'],
];

/** RFC 4180 fields; a value that starts like a formula is prefixed with ' so a spreadsheet shows it as text (OWASP CSV injection). */
function csvField(value: string | null): string {
  if (value === null) return '';
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(entries: ChangeHistoryEntry[]): string {
  const lines = [CSV_COLUMNS.map(([, h]) => h).join(','), ...entries.map((e) => CSV_COLUMNS.map(([k]) => csvField(e[k] as string | null)).join(','))];
  return `${lines.join('\r\n')}\r\n`;
}
