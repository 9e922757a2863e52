import { sql } from 'kysely';
import type { Db } from '../../engine/workbook-kind';

export interface BalanceRow {
  key: string;
  version: number;
  person_number: string;
  person_name: string;
  balance_name: string;
  value: string;
  assignment_number: string | null;
  relationship_name: string | null;
  effective_start_date: string;
  effective_end_date: string;
  total: string | number;
}

export async function findBalances(db: Db, date: string, page: { offset: number; limit: number; keys?: string[] }): Promise<BalanceRow[]> {
  const keyFilter = page.keys ? sql`and b.key in (select jsonb_array_elements_text(${JSON.stringify(page.keys)}::jsonb))` : sql``;
  const result = await sql<BalanceRow>`
    -- The version is looked up for the page's rows only, after the page is cut.
    select page.*, (select max(v.version) from person_benefit_balances v where v.key = page.key) as version
    from (
      select b.key, p.person_number, p.first_name || ' ' || p.last_name as person_name, t.name as balance_name, b.value::text as value,
             a.assignment_number, r.name as relationship_name, b.effective_start_date, b.effective_end_date, count(*) over () as total
      from person_benefit_balances b
      join persons p on p.id = b.person_id
      join balance_types t on t.id = b.balance_type_id
      left join person_assignments a on a.id = b.assignment_id
      left join benefits_relationships r on r.id = b.relationship_id
      where ${date}::date between b.effective_start_date and b.effective_end_date ${keyFilter}
      order by p.person_number, t.name, b.key
      offset ${page.offset} limit ${page.limit}
    ) page
    order by page.person_number, page.balance_name, page.key`.execute(db);
  return result.rows;
}

const validOn = (date: string) => sql<boolean>`start_date <= ${date}::date and end_date >= ${date}::date`;

export async function balanceTypeNamesValidOn(db: Db, date: string): Promise<string[]> {
  return (await db.selectFrom('balance_types').select('name').where(validOn(date)).orderBy('name').execute()).map((r) => r.name);
}

export async function relationshipNamesValidOn(db: Db, date: string): Promise<string[]> {
  return (await db.selectFrom('benefits_relationships').select('name').distinct().where(validOn(date)).orderBy('name').execute()).map((r) => r.name);
}

export const findBalanceTypes = (db: Db, names: string[]) => (names.length ? db.selectFrom('balance_types').selectAll().where('name', 'in', names).execute() : Promise.resolve([]));

export const findPersons = (db: Db, numbers: string[]) =>
  numbers.length ? db.selectFrom('persons').select(['id', 'person_number']).where('person_number', 'in', numbers).execute() : Promise.resolve([]);

export const findAssignments = (db: Db, numbers: string[]) =>
  numbers.length ? db.selectFrom('person_assignments').selectAll().where('assignment_number', 'in', numbers).execute() : Promise.resolve([]);

export const findRelationships = (db: Db, personIds: number[]) =>
  personIds.length ? db.selectFrom('benefits_relationships').selectAll().where('person_id', 'in', personIds).execute() : Promise.resolve([]);

/** (person, balance type) pairs that already have a balance in effect on the date. */
export async function existingBalances(db: Db, personIds: number[], date: string): Promise<Array<{ person_id: number; balance_type_id: number }>> {
  if (personIds.length === 0) return [];
  return db
    .selectFrom('person_benefit_balances')
    .select(['person_id', 'balance_type_id'])
    .where('person_id', 'in', personIds)
    .where('effective_start_date', '<=', date)
    .where('effective_end_date', '>=', date)
    .execute();
}
