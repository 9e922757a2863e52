/**
 * Demo employee benefits: one employee in each of the seed's five rate-change scenarios for RATE_CHANGE_DATE
 * (2027-01-01) on BLUE SHIELD-20% Individual (Benefit Rate ID 7), plus a dental family benefit with two dependents
 * and a percent line. Runs after the enrollment reference data (the dependents are the employees' contacts).
 */
import { sql } from 'kysely';
import { END_OF_TIME } from '../../engine/effective-dating';
import type { Db } from '../../engine/workbook-kind';
import type { DemoPerson } from '../../demo/people';
import { RATE_CHANGE_DATE } from '../benefit-rates/demo-data';

interface DemoEmployeeBenefit { key: string; person: string; rateId: number; start: string; end: string; scenario?: number; dependents?: string[] }

export const DEMO_EMPLOYEE_BENEFITS: DemoEmployeeBenefit[] = [
  // seed scenario 1: open, started before the date → end-dated 2026-12-31, new record from 2027-01-01
  { key: 'eb-scenario-1', person: 'P10002', rateId: 7, start: '2021-03-01', end: END_OF_TIME, scenario: 1 },
  // scenario 2: starts on the date → updated in place
  { key: 'eb-scenario-2', person: 'P10003', rateId: 7, start: RATE_CHANGE_DATE, end: END_OF_TIME, scenario: 2 },
  // scenario 3: ended before the date → no change
  { key: 'eb-scenario-3', person: 'P10004', rateId: 7, start: '2020-04-01', end: '2026-11-30', scenario: 3 },
  // scenario 4: starts after the date → no change
  { key: 'eb-scenario-4', person: 'P10007', rateId: 7, start: '2027-03-01', end: END_OF_TIME, scenario: 4 },
  // scenario 5: ends after the date but is not open → no change, reported
  { key: 'eb-scenario-5', person: 'P10008', rateId: 7, start: '2020-04-01', end: '2027-03-31', scenario: 5 },
  { key: 'eb-dental-family', person: 'P10002', rateId: 3, start: '2021-01-01', end: END_OF_TIME, dependents: ['Spouse of P10002', 'Child of P10002'] },
  // An Executives employee (data access by population has benefits and dependents to show them).
  { key: 'eb-dental-family-executive', person: 'P10024', rateId: 3, start: '2021-01-01', end: END_OF_TIME, dependents: ['Spouse of P10024'] },
  { key: 'eb-percent-spousal', person: 'P10012', rateId: 10, start: '2022-01-01', end: END_OF_TIME, dependents: ['Spouse of P10012'] },
];

export async function seedEmployeeBenefits(db: Db, people: DemoPerson[]): Promise<void> {
  const numbers = new Set(people.map((p) => p.personNumber));
  const wanted = DEMO_EMPLOYEE_BENEFITS.filter((b) => numbers.has(b.person));
  if (wanted.length === 0) return;
  // The rate line in effect on each record's start date, and each person's first (open) assignment.
  const values = sql.join(wanted.map((b) => sql`(${b.key}, ${b.person}, ${b.rateId}::integer, ${b.start}::date, ${b.end}::date)`));
  await sql`
    insert into employee_benefits (key, effective_start_date, effective_end_date, version, person_id, assignment_id, rate_id, benefit_id,
      allocation, total_cost, employee_portion, employer_portion, employee_percent, employer_percent, face_value, funding_source)
    select v.key, v.start_date, v.end_date, 1, p.id, a.id, v.rate_id, r.benefit_id, r.allocation, r.total_cost,
      case when r.allocation = 'Percent' then round(r.total_cost * r.employee_portion / 100, 2) else r.employee_portion end,
      case when r.allocation = 'Percent' then round(r.total_cost * r.employer_portion / 100, 2) else r.employer_portion end,
      case when r.allocation = 'Percent' then r.employee_portion end,
      case when r.allocation = 'Percent' then r.employer_portion end,
      r.face_value, 'PRM'
    from (values ${values}) as v(key, person_number, rate_id, start_date, end_date)
    join persons p on p.person_number = v.person_number
    join person_assignments a on a.person_id = p.id and a.assignment_number = 'E' || substr(p.person_number, 2) || '-1'
    -- the rates before the change, on every scenario's record (scenario 2 too: it is then updated in place)
    join benefit_rate_lines r on r.rate_id = v.rate_id and r.effective_start_date = (select min(r2.effective_start_date) from benefit_rate_lines r2 where r2.rate_id = v.rate_id)`.execute(db);
  const links = wanted.flatMap((b) => (b.dependents ?? []).map((name) => sql`(${b.key}, ${name}, ${b.start}::date)`));
  if (links.length === 0) return;
  await sql`
    insert into employee_benefit_dependents (key, effective_start_date, effective_end_date, version, person_id, employee_benefit_key, contact_id)
    select 'ebd-' || v.benefit_key || '-' || c.id, v.start_date, ${END_OF_TIME}::date, 1, c.person_id, v.benefit_key, c.id
    from (values ${sql.join(links)}) as v(benefit_key, name, start_date)
    join employee_benefits b on b.key = v.benefit_key
    join person_contacts c on c.person_id = b.person_id and c.name = v.name`.execute(db);
}
