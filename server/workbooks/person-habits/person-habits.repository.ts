import { sql } from 'kysely';
import type { Db } from '../../engine/workbook-kind';

export interface HabitRow {
  key: string;
  version: number;
  person_number: string;
  first_name: string;
  last_name: string;
  date_of_birth: string;
  person_type: string;
  student_status: string | null;
  disability_status: string | null;
  disability_type: string | null;
  tobacco_use: string | null;
  covered_in_another_plan: string | null;
  other_plan: string | null;
  total: string | number;
}

export async function findHabits(db: Db, date: string, page: { offset: number; limit: number; keys?: string[] }): Promise<HabitRow[]> {
  const keyFilter = page.keys ? sql`and h.key in (select jsonb_array_elements_text(${JSON.stringify(page.keys)}::jsonb))` : sql``;
  const result = await sql<HabitRow>`
    -- The version is looked up for the page's rows only, after the page is cut.
    select page.*, (select max(v.version) from person_habits v where v.key = page.key) as version
    from (
      select h.key, p.person_number, p.first_name, p.last_name, p.date_of_birth, p.person_type,
             h.student_status, h.disability_status, h.disability_type, h.tobacco_use, h.covered_in_another_plan, h.other_plan,
             count(*) over () as total
      from person_habits h join persons p on p.id = h.person_id
      where ${date}::date between h.effective_start_date and h.effective_end_date ${keyFilter}
      order by p.person_number, h.key
      offset ${page.offset} limit ${page.limit}
    ) page
    order by page.person_number, page.key`.execute(db);
  return result.rows;
}

export interface PersonMatch {
  id: number;
  person_number: string;
  first_name: string;
  last_name: string;
  date_of_birth: string;
  person_type: string;
}

export const findPersonsByNumber = (db: Db, numbers: string[]): Promise<PersonMatch[]> =>
  numbers.length ? db.selectFrom('persons').select(['id', 'person_number', 'first_name', 'last_name', 'date_of_birth', 'person_type']).where('person_number', 'in', numbers).execute() : Promise.resolve([]);

/** Persons matching any of the (first name, last name, date of birth) triples, case-insensitive on names; one query for the chunk. */
export async function findPersonsByNameAndBirth(db: Db, triples: Array<{ first: string; last: string; dob: string }>): Promise<PersonMatch[]> {
  if (triples.length === 0) return [];
  const result = await sql<PersonMatch>`
    select p.id, p.person_number, p.first_name, p.last_name, p.date_of_birth, p.person_type
    from persons p
    join jsonb_to_recordset(${JSON.stringify(triples)}::jsonb) as t(first text, last text, dob date)
      on lower(p.first_name) = lower(t.first) and lower(p.last_name) = lower(t.last) and p.date_of_birth = t.dob`.execute(db);
  return result.rows;
}

export async function personsWithHabitsOn(db: Db, personIds: number[], date: string): Promise<number[]> {
  if (personIds.length === 0) return [];
  const rows = await db.selectFrom('person_habits').select('person_id').where('person_id', 'in', personIds).where('effective_start_date', '<=', date).where('effective_end_date', '>=', date).execute();
  return rows.map((r) => r.person_id);
}
