/**
 * The employee benefit records a rate change covers, with the rates in effect on the new rate's start date: one
 * query for the whole selection, restricted in SQL to the user's population (on that date).
 */
import { sql } from 'kysely';
import type { RateChangeCriteria } from '../../../src/contract/rate-change';
import { personVisible, type Population } from '../../engine/population';
import type { Db } from '../../engine/workbook-kind';

export interface CoveredRecord {
  key: string;
  start: string;
  end: string;
  /** The key's current version (the highest of its rows): a later edit of the record changes it. */
  version: number;
  person_number: string;
  person_name: string;
  employee_group: string | null;
  benefit_id: number;
  benefit_name: string;
  coverage_type: string;
  rate_id: number;
  allocation: 'Dollar' | 'Percent';
  employee_portion: string;
  employer_portion: string;
  total_cost: string;
  /** The rate line in effect on the new rate's start date (null: none). */
  new_allocation: 'Dollar' | 'Percent' | null;
  new_total: string | null;
  new_employee: string | null;
  new_employer: string | null;
}

const list = (values: unknown[]) => sql`(select jsonb_array_elements_text(${JSON.stringify(values)}::jsonb))`;

export async function findCoveredRecords(db: Db, criteria: RateChangeCriteria, population: Population): Promise<CoveredRecord[]> {
  const date = sql`${criteria.newRateStart}::date`;
  const groups = criteria.employeeGroups === 'All' ? sql`true` : sql`g.name in ${list(criteria.employeeGroups)}`;
  const employees = criteria.employees === 'All' ? sql`true` : sql`p.person_number in ${list(criteria.employees)}`;
  const benefits = criteria.benefits === 'All' ? sql`true` : sql`eb.benefit_id::text in ${list(criteria.benefits)}`;
  const result = await sql<CoveredRecord>`
    select eb.key, eb.effective_start_date::text as start, eb.effective_end_date::text as "end",
      (select max(v.version) from employee_benefits v where v.key = eb.key)::integer as version,
      p.person_number, p.first_name || ' ' || p.last_name as person_name, g.name as employee_group,
      eb.benefit_id, c.name || ' - ' || b.provider as benefit_name, ct.code as coverage_type, eb.rate_id,
      eb.allocation, eb.employee_portion::text as employee_portion, eb.employer_portion::text as employer_portion, eb.total_cost::text as total_cost,
      r.allocation as new_allocation, r.total_cost::text as new_total, r.employee_portion::text as new_employee, r.employer_portion::text as new_employer
    from employee_benefits eb
    join persons p on p.id = eb.person_id
    join benefits b on b.id = eb.benefit_id
    join benefit_categories c on c.id = b.category_id
    left join benefit_rate_lines r on r.rate_id = eb.rate_id and ${date} between r.effective_start_date and r.effective_end_date
    left join lateral (
      select t.code from benefit_rate_lines r2 join benefit_coverage_types t on t.id = r2.coverage_type_id
      where r2.rate_id = eb.rate_id limit 1) ct on true
    left join lateral (
      select bg.name from person_benefit_groups pg join benefit_groups bg on bg.id = pg.benefit_group_id
      where pg.person_id = p.id and ${date} between pg.effective_start_date and pg.effective_end_date limit 1) g on true
    where ${groups} and ${employees} and ${benefits} and ${personVisible(population, sql`p.id`, date)}
    order by p.person_number, eb.benefit_id, eb.key, eb.effective_start_date`.execute(db);
  return result.rows.map((r) => ({ ...r, benefit_id: Number(r.benefit_id), rate_id: Number(r.rate_id), version: Number(r.version) }));
}

/** The person benefit groups and benefits to choose from, in the pane. */
export async function findChoices(db: Db, date: string): Promise<{ employeeGroups: string[]; benefits: Array<{ id: number; name: string }> }> {
  const groups = await sql<{ name: string }>`select name from benefit_groups where ${date}::date between start_date and end_date order by name`.execute(db);
  const benefits = await sql<{ id: number; name: string }>`
    select b.id, c.name || ' - ' || b.provider as name from benefits b join benefit_categories c on c.id = b.category_id order by b.id`.execute(db);
  return { employeeGroups: groups.rows.map((g) => g.name), benefits: benefits.rows.map((b) => ({ id: Number(b.id), name: b.name })) };
}
