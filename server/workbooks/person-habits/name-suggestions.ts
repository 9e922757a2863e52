/**
 * "Did you mean" for a person named by first name, last name and date of birth: among the persons born that day,
 * the one whose name is closest (pg_trgm similarity, one query for the whole chunk). When only one of the two names
 * differs, the suggestion is machine-readable for that column, so the pane can put it in the cell.
 */
import { sql } from 'kysely';
import type { RowError } from '../../../src/contract/api';
import type { Db } from '../../engine/workbook-kind';

export interface NameMiss {
  first: string;
  last: string;
  dob: string;
  error: RowError;
}

const THRESHOLD = 0.3;

export async function suggestPersonNames(db: Db, misses: NameMiss[]): Promise<void> {
  if (misses.length === 0) return;
  const typed = misses.map((m, i) => ({ i, first: m.first, last: m.last, dob: m.dob }));
  const found = await sql<{ i: number; first_name: string; last_name: string }>`
    select t.i, best.first_name, best.last_name
    from jsonb_to_recordset(${JSON.stringify(typed)}::jsonb) as t(i int, first text, last text, dob date)
    cross join lateral (
      select p.first_name, p.last_name from persons p
      where p.date_of_birth = t.dob and similarity(p.first_name || ' ' || p.last_name, t.first || ' ' || t.last) >= ${THRESHOLD}
      order by similarity(p.first_name || ' ' || p.last_name, t.first || ' ' || t.last) desc, p.person_number
      limit 1
    ) as best`.execute(db);
  for (const { i, first_name: first, last_name: last } of found.rows) {
    const miss = misses[i];
    miss.error.message = `${miss.error.message} Did you mean "${first} ${last}"?`;
    const sameFirst = first.toLowerCase() === miss.first.toLowerCase();
    const sameLast = last.toLowerCase() === miss.last.toLowerCase();
    if (sameFirst && !sameLast) miss.error.suggestion = { column: 'lastName', value: last };
    else if (sameLast && !sameFirst) miss.error.suggestion = { column: 'firstName', value: first };
  }
}
