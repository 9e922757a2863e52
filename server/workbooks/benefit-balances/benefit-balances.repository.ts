import { sql } from 'kysely';
import type { Db } from '../../engine/workbook-kind';
import { findDisplayPage, type DisplayPageRequest, type DisplayRow } from '../../engine/effective-dated.repository';

export type BalanceRow = DisplayRow<{
  person_number: string;
  person_name: string;
  balance_name: string;
  value: string;
  assignment_number: string | null;
  relationship_name: string | null;
}>;

export function findBalances(db: Db, date: string, page: DisplayPageRequest): Promise<{ rows: BalanceRow[]; total?: number }> {
  return findDisplayPage(db, {
    table: 'person_benefit_balances',
    columns: sql`p.person_number, p.first_name || ' ' || p.last_name as person_name, t.name as balance_name, r.value::text as value,
      a.assignment_number, br.name as relationship_name`,
    joins: sql`join persons p on p.id = r.person_id
      join balance_types t on t.id = r.balance_type_id
      left join person_assignments a on a.id = r.assignment_id
      left join benefits_relationships br on br.id = r.relationship_id`,
    orderBy: [{ expr: 'p.person_number', type: 'text' }, { expr: 't.name', type: 'text' }, { expr: 'r.key', type: 'text' }],
    search: { personNumber: 'p.person_number', name: "p.first_name || ' ' || p.last_name", group: 't.name' },
  }, date, page);
}

const validOn = (date: string) => sql<boolean>`start_date <= ${date}::date and end_date >= ${date}::date`;

export async function balanceTypeNamesValidOn(db: Db, date: string): Promise<string[]> {
  return (await db.selectFrom('balance_types').select('name').where(validOn(date)).orderBy('name').execute()).map((r) => r.name);
}

export async function relationshipNamesValidOn(db: Db, date: string): Promise<string[]> {
  return (await db.selectFrom('benefits_relationships').select('name').distinct().where(validOn(date)).orderBy('name').execute()).map((r) => r.name);
}

export const findBalanceTypes = (db: Db, names: string[]) => (names.length ? db.selectFrom('balance_types').selectAll().where('name', 'in', names).execute() : Promise.resolve([]));

export const findAssignments = (db: Db, numbers: string[]) =>
  numbers.length ? db.selectFrom('person_assignments').selectAll().where('assignment_number', 'in', numbers).execute() : Promise.resolve([]);

/** Balance type names by id, for messages. */
export async function balanceTypeNamesById(db: Db, ids: number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('balance_types').select(['id', 'name']).where('id', 'in', [...new Set(ids)]).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}
