import { sql } from 'kysely';
import type { Db } from '../../engine/workbook-kind';
import { findDisplayPage, type DisplayPageRequest, type DisplayRow } from '../../engine/effective-dated.repository';

export type DependentRow = DisplayRow<{
  person_number: string; person_name: string; assignment_number: string | null; rate_id: number | null; provider: string | null;
  category: string | null; dependent: string; relationship: string;
}>;

/** The benefit is shown as it is on the date (its record of the key in effect then; the latest one when none is). */
export function findDependents(db: Db, date: string, page: DisplayPageRequest): Promise<{ rows: DependentRow[]; total?: number }> {
  return findDisplayPage(db, {
    table: 'employee_benefit_dependents',
    columns: sql`p.person_number, p.first_name || ' ' || p.last_name as person_name, eb.assignment_number, eb.rate_id, eb.provider, eb.category,
      c.name as dependent, c.relationship`,
    joins: sql`join persons p on p.id = r.person_id join person_contacts c on c.id = r.contact_id
      left join lateral (
        select a.assignment_number, e.rate_id, b.provider, g.name as category from employee_benefits e
        join person_assignments a on a.id = e.assignment_id join benefits b on b.id = e.benefit_id join benefit_categories g on g.id = b.category_id
        where e.key = r.employee_benefit_key order by (${date}::date between e.effective_start_date and e.effective_end_date) desc, e.effective_start_date desc limit 1
      ) eb on true`,
    orderBy: [{ expr: 'p.person_number', type: 'text' }, { expr: 'c.name', type: 'text' }, { expr: 'r.key', type: 'text' }],
    search: { personNumber: 'p.person_number', name: "p.first_name || ' ' || p.last_name", group: 'eb.category', status: 'c.relationship' },
  }, date, page);
}

/** The employee benefits in effect on the date of these persons (to find the one a row names). */
export async function findBenefitsInEffect(db: Db, personIds: number[], date: string) {
  if (personIds.length === 0) return [];
  return db.selectFrom('employee_benefits as e').innerJoin('person_assignments as a', 'a.id', 'e.assignment_id')
    .select(['e.key', 'e.person_id', 'e.rate_id', 'a.assignment_number'])
    .where('e.person_id', 'in', [...new Set(personIds)])
    .where('e.effective_start_date', '<=', date).where('e.effective_end_date', '>=', date)
    .execute();
}

export async function findContactsOf(db: Db, personIds: number[]) {
  if (personIds.length === 0) return [];
  return db.selectFrom('person_contacts').select(['id', 'person_id', 'name']).where('person_id', 'in', [...new Set(personIds)]).execute();
}

export async function findContactNames(db: Db, ids: number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('person_contacts').select(['id', 'name']).where('id', 'in', [...new Set(ids)]).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}
