import { sql } from 'kysely';
import type { Db } from '../../engine/workbook-kind';
import { findDisplayPage, type DisplayPageRequest, type DisplayRow } from '../../engine/effective-dated.repository';

export type EmployeeBenefitRow = DisplayRow<{
  person_number: string; person_name: string; assignment_number: string; rate_id: number; category: string; provider: string;
  coverage_code: string; allocation: string; total_cost: string; employee_portion: string; employer_portion: string;
  employee_percent: string | null; employer_percent: string | null; face_value: string; funding_source: string | null;
}>;

/** Provider, Type and Coverage Type are the rate line's: its benefit and coverage type do not change with its rates. */
export function findEmployeeBenefits(db: Db, date: string, page: DisplayPageRequest): Promise<{ rows: EmployeeBenefitRow[]; total?: number }> {
  return findDisplayPage(db, {
    table: 'employee_benefits',
    columns: sql`p.person_number, p.first_name || ' ' || p.last_name as person_name, a.assignment_number, r.rate_id, c.name as category, b.provider,
      (select t.code from benefit_rate_lines l join benefit_coverage_types t on t.id = l.coverage_type_id where l.rate_id = r.rate_id limit 1) as coverage_code,
      r.allocation, r.total_cost, r.employee_portion, r.employer_portion, r.employee_percent, r.employer_percent, r.face_value, r.funding_source`,
    joins: sql`join persons p on p.id = r.person_id join person_assignments a on a.id = r.assignment_id
      join benefits b on b.id = r.benefit_id join benefit_categories c on c.id = b.category_id`,
    orderBy: [{ expr: 'p.person_number', type: 'text' }, { expr: 'a.assignment_number', type: 'text' }, { expr: 'r.key', type: 'text' }],
    search: { personNumber: 'p.person_number', name: "p.first_name || ' ' || p.last_name", group: 'c.name', status: 'b.provider' },
  }, date, page);
}

/** The rate lines of these Benefit Rate IDs in effect on the date, with their benefit and coverage type. */
export async function findRateLinesOn(db: Db, rateIds: number[], date: string) {
  if (rateIds.length === 0) return [];
  return db.selectFrom('benefit_rate_lines as l')
    .innerJoin('benefits as b', 'b.id', 'l.benefit_id')
    .innerJoin('benefit_categories as c', 'c.id', 'b.category_id')
    .innerJoin('benefit_coverage_types as t', 't.id', 'l.coverage_type_id')
    .select(['l.rate_id', 'l.benefit_id', 'l.allocation', 'l.total_cost', 'l.employee_portion', 'l.employer_portion', 'l.face_value', 'b.provider', 'c.name as category', 't.code as coverage_code'])
    .where('l.rate_id', 'in', [...new Set(rateIds)])
    .where('l.effective_start_date', '<=', date).where('l.effective_end_date', '>=', date)
    .execute();
}

/** Which of these Benefit Rate IDs exist at all (on any date), to tell "no such line" from "not in effect". */
export async function existingRateIds(db: Db, rateIds: number[]): Promise<Set<number>> {
  if (rateIds.length === 0) return new Set();
  const rows = await db.selectFrom('benefit_rate_lines').select('rate_id').distinct().where('rate_id', 'in', [...new Set(rateIds)]).execute();
  return new Set(rows.map((r) => r.rate_id));
}

export async function findAssignmentsByNumber(db: Db, numbers: string[]) {
  if (numbers.length === 0) return [];
  return db.selectFrom('person_assignments').selectAll().where('assignment_number', 'in', [...new Set(numbers)]).execute();
}

export async function findBenefitNames(db: Db, benefitIds: number[]): Promise<Map<number, string>> {
  if (benefitIds.length === 0) return new Map();
  const rows = await db.selectFrom('benefits as b').innerJoin('benefit_categories as c', 'c.id', 'b.category_id')
    .select(['b.id', 'b.provider', 'c.name']).where('b.id', 'in', [...new Set(benefitIds)]).execute();
  return new Map(rows.map((r) => [r.id, `${r.name} ${r.provider}`]));
}
