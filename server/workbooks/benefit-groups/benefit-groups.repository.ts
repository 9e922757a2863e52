import { sql } from 'kysely';
import type { Db } from '../../engine/workbook-kind';
import { findDisplayPage, type DisplayPageRequest, type DisplayRow } from '../../engine/effective-dated.repository';

export type AssignmentRow = DisplayRow<{ person_number: string; person_name: string; group_name: string }>;

export function findAssignments(db: Db, date: string, page: DisplayPageRequest): Promise<{ rows: AssignmentRow[]; total?: number }> {
  return findDisplayPage(db, {
    table: 'person_benefit_groups',
    columns: sql`p.person_number, p.first_name || ' ' || p.last_name as person_name, g.name as group_name`,
    joins: sql`join persons p on p.id = r.person_id join benefit_groups g on g.id = r.benefit_group_id`,
    orderBy: [{ expr: 'p.person_number', type: 'text' }, { expr: 'r.key', type: 'text' }],
    search: { personNumber: 'p.person_number', name: "p.first_name || ' ' || p.last_name", group: 'g.name' },
  }, date, page);
}

export async function findGroupsByName(db: Db, names: string[]) {
  if (names.length === 0) return [];
  return db.selectFrom('benefit_groups').selectAll().where('name', 'in', names).execute();
}

export async function findGroupNamesValidOn(db: Db, date: string): Promise<string[]> {
  const rows = await db.selectFrom('benefit_groups').select('name').where('start_date', '<=', date).where('end_date', '>=', date).orderBy('name').execute();
  return rows.map((r) => r.name);
}

/** Group names by id, for messages. */
export async function findGroupNamesById(db: Db, ids: number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('benefit_groups').select(['id', 'name']).where('id', 'in', [...new Set(ids)]).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}
