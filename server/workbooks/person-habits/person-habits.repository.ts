import { sql } from 'kysely';
import type { Db } from '../../engine/workbook-kind';
import { findDisplayPage, type DisplayPageRequest, type DisplayRow } from '../../engine/effective-dated.repository';

export type HabitRow = DisplayRow<{
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
}>;

export function findHabits(db: Db, date: string, page: DisplayPageRequest): Promise<{ rows: HabitRow[]; total?: number }> {
  return findDisplayPage(db, {
    table: 'person_habits',
    columns: sql`p.person_number, p.first_name, p.last_name, p.date_of_birth, p.person_type,
      r.student_status, r.disability_status, r.disability_type, r.tobacco_use, r.covered_in_another_plan, r.other_plan`,
    joins: sql`join persons p on p.id = r.person_id`,
    orderBy: [{ expr: 'p.person_number', type: 'text' }, { expr: 'r.key', type: 'text' }],
    search: { personNumber: 'p.person_number', name: "p.first_name || ' ' || p.last_name", group: 'r.tobacco_use' },
  }, date, page);
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
