import { sql } from 'kysely';
import type { Db } from '../../engine/workbook-kind';

export interface AssignmentRow {
  key: string;
  version: number;
  person_number: string;
  person_name: string;
  group_name: string;
  effective_start_date: string;
  effective_end_date: string;
  total: string | number;
}

export async function findAssignments(db: Db, date: string, page: { offset: number; limit: number; keys?: string[] }): Promise<AssignmentRow[]> {
  const keyFilter = page.keys ? sql`and a.key in (select jsonb_array_elements_text(${JSON.stringify(page.keys)}::jsonb))` : sql``;
  const result = await sql<AssignmentRow>`
    -- The version is looked up for the page's rows only, after the page is cut.
    select page.*, (select max(v.version) from person_benefit_groups v where v.key = page.key) as version
    from (
      select a.key,
             p.person_number, p.first_name || ' ' || p.last_name as person_name, g.name as group_name,
             a.effective_start_date, a.effective_end_date, count(*) over () as total
      from person_benefit_groups a
      join persons p on p.id = a.person_id
      join benefit_groups g on g.id = a.benefit_group_id
      where ${date}::date between a.effective_start_date and a.effective_end_date ${keyFilter}
      order by p.person_number, a.key
      offset ${page.offset} limit ${page.limit}
    ) page
    order by page.person_number, page.key`.execute(db);
  return result.rows;
}

export async function findGroupsByName(db: Db, names: string[]) {
  if (names.length === 0) return [];
  return db.selectFrom('benefit_groups').selectAll().where('name', 'in', names).execute();
}

export async function findGroupNamesValidOn(db: Db, date: string): Promise<string[]> {
  const rows = await db.selectFrom('benefit_groups').select('name').where('start_date', '<=', date).where('end_date', '>=', date).orderBy('name').execute();
  return rows.map((r) => r.name);
}

export async function findPersonsByNumber(db: Db, numbers: string[]) {
  if (numbers.length === 0) return [];
  return db.selectFrom('persons').select(['id', 'person_number']).where('person_number', 'in', numbers).execute();
}

/** Persons among these who already have a group assignment in effect on the date. */
export async function findPersonsAssignedOn(db: Db, personIds: number[], date: string): Promise<number[]> {
  if (personIds.length === 0) return [];
  const rows = await db
    .selectFrom('person_benefit_groups')
    .select('person_id')
    .where('person_id', 'in', personIds)
    .where('effective_start_date', '<=', date)
    .where('effective_end_date', '>=', date)
    .execute();
  return rows.map((r) => r.person_id);
}
