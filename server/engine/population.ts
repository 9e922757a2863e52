/**
 * Data access by population (seed: a user's "data role and person security profile"). The dimension is the benefits
 * group: every demo person has one (persons carry no legal entity), and it is effective-dated, so a person is in a
 * user's population on a date when their benefits group in effect on that date is one of the user's groups.
 * Every kind's queries take these SQL pieces, so the rule is enforced in the database, never in the pane.
 */
import { sql, type RawBuilder } from 'kysely';
import type { Db } from './workbook-kind';

/** The groups a user may see; undefined: every person (no data access limit). */
export type Population = { groups: string[] } | undefined;

/** users.data_access ("Executives; Hourly Employees") as a population; blank or null is no limit. */
export function populationOf(dataAccess: string | null | undefined): Population {
  const groups = (dataAccess ?? '').split(';').map((g) => g.trim()).filter(Boolean);
  return groups.length > 0 ? { groups } : undefined;
}

/** The one message for a row about a person outside the user's population. */
export const NO_ACCESS = 'You do not have access to this person.';

/** SQL true when the person (an id expression) is in the population on the date (a date expression). */
export function personVisible(population: Population, personId: RawBuilder<unknown>, date: RawBuilder<unknown>): RawBuilder<boolean> {
  if (!population) return sql<boolean>`true`;
  return sql<boolean>`exists (
    select 1 from person_benefit_groups pop_g join benefit_groups pop_bg on pop_bg.id = pop_g.benefit_group_id
    where pop_g.person_id = ${personId} and ${date} between pop_g.effective_start_date and pop_g.effective_end_date
      and pop_bg.name in (select jsonb_array_elements_text(${JSON.stringify(population.groups)}::jsonb)))`;
}

/** The same, for a person named by number (batch lines hold person numbers). */
export function personNumberVisible(population: Population, personNumber: RawBuilder<unknown>, date: RawBuilder<unknown>): RawBuilder<boolean> {
  if (!population) return sql<boolean>`true`;
  return sql<boolean>`exists (select 1 from persons pop_p where pop_p.person_number = ${personNumber} and ${personVisible(population, sql`pop_p.id`, date)})`;
}

/** Which of these person ids are in the population on the date (one query for a whole chunk). */
export async function visiblePersonIds(db: Db, population: Population, personIds: number[], date: string): Promise<Set<number>> {
  const ids = [...new Set(personIds)];
  if (!population || ids.length === 0) return new Set(ids);
  const result = await sql<{ id: number }>`
    select p.id from persons p
    where p.id in (select jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb)::integer)
      and ${personVisible(population, sql`p.id`, sql`${date}::date`)}`.execute(db);
  return new Set(result.rows.map((r) => r.id));
}

/** Which (person number, date) pairs are in the population: "number|date" keys, one query for a whole chunk. */
export async function visiblePersonNumbers(db: Db, population: Population, pairs: Array<{ personNumber: string; date: string }>): Promise<Set<string>> {
  const all = pairs.map((p) => `${p.personNumber}|${p.date}`);
  if (!population || pairs.length === 0) return new Set(all);
  const result = await sql<{ person_number: string; date: string }>`
    select v.person_number, v.date::text as date from jsonb_to_recordset(${JSON.stringify(pairs.map((p) => ({ person_number: p.personNumber, date: p.date })))}::jsonb)
      as v(person_number text, date date)
    where ${personNumberVisible(population, sql`v.person_number`, sql`v.date`)}`.execute(db);
  return new Set(result.rows.map((r) => `${r.person_number}|${r.date}`));
}

/** The table whose records say who is in a population: a change to it can move a person out of the user's. */
export const POPULATION_TABLE = 'person_benefit_groups';

/**
 * A limited user cannot move a person out of their own population by an upload: a benefits group outside their
 * data access, or a deleted assignment (no group: in no one's limited population), fails the row and changes nothing.
 * Fails the planned rows in place, before anything is written (one look-up for the chunk).
 */
export async function refuseMovesOut<T extends { decision: { type: string }; attributes?: Record<string, unknown> }>(
  db: Db,
  table: string,
  population: Population,
  planned: T[],
  fail: (item: T, message: string, column?: string) => void,
): Promise<void> {
  if (!population || table !== POPULATION_TABLE) return;
  const writes = planned.filter((p) => p.decision.type !== 'fail' && p.decision.type !== 'delete' && p.attributes);
  const ids = [...new Set(writes.map((p) => Number(p.attributes?.benefit_group_id)))];
  const names = new Map(ids.length === 0 ? [] : (await db.selectFrom('benefit_groups').select(['id', 'name']).where('id', 'in', ids).execute()).map((g) => [g.id, g.name]));
  const allowed = population.groups.join(', ');
  for (const p of writes) {
    const name = names.get(Number(p.attributes?.benefit_group_id)) ?? '';
    if (!population.groups.includes(name)) fail(p, `You can only assign groups in your data access (${allowed}); "${name}" is not one of them, so the person would leave it.`, 'benefitsGroup');
  }
  for (const p of planned.filter((x) => x.decision.type === 'delete')) {
    fail(p, `You cannot delete this assignment: without a benefits group the person would leave your data access (${allowed}). Change the group to one in your data access instead.`);
  }
}
