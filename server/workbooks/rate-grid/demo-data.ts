/**
 * Demo group life plan (seed: "1 or 2 times salary until age 65 ... a 75% step-down"): Group Life, levels 1x and 2x
 * Salary (codes 1 and 2; 1x Salary the Default Benefit Level), a grid of age bands from 20, step-downs of 25 % at 65 and
 * 50 % at 70, limits per level; and a salary for every demo participant. The grid has no gender rows, so the demo
 * people's gender is left blank (Employee Salaries sets it).
 */
import { END_OF_TIME } from '../../engine/effective-dating';
import type { Db } from '../../engine/workbook-kind';
import type { DemoPerson } from '../../demo/people';
import { insertRows } from '../../demo/batches';
import { randomUUID } from 'node:crypto';

export const GROUP_LIFE_PLAN = 'Group Life';
const FROM = '2020-01-01';
const DATED = () => ({ key: randomUUID(), effective_start_date: FROM, effective_end_date: END_OF_TIME, version: 1 });
/** Employee cost per 1,000 by band (the employer pays 0.02 on every band). */
export const DEMO_BANDS: Array<[number, number]> = [[20, 0.05], [30, 0.07], [40, 0.1], [50, 0.16], [60, 0.26], [65, 0.32], [70, 0.4]];
export const DEMO_STEP_DOWNS: Array<[number, number]> = [[20, 0], [65, 25], [70, 50]];

export async function seedGroupLifeDemo(db: Db, people: DemoPerson[]): Promise<void> {
  const program = await db.selectFrom('benefit_programs').select('id').where('name', '=', 'Health and Welfare').executeTakeFirst();
  const { id: planId } = await db
    .insertInto('benefit_plans')
    .values({ name: GROUP_LIFE_PLAN, program_id: program?.id ?? null, start_date: '2000-01-01', end_date: END_OF_TIME, default_rate_amount: null, default_coverage_amount: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  const levels = await db
    .insertInto('benefit_options')
    .values(['1x Salary', '2x Salary'].map((name, i) => ({ plan_id: planId, name, code: String(i + 1), start_date: '2000-01-01', end_date: END_OF_TIME, default_rate_amount: null, default_coverage_amount: null })))
    .returning(['id', 'name'])
    .execute();
  const level = (name: string) => levels.find((l) => l.name === name)!.id;
  await db.insertInto('group_life_plans').values({ plan_id: planId, basis: 'multiple', rounding: 'up', rounding_unit: 1000, age_determination_date: null, default_level_id: level('1x Salary') }).execute();
  await db.insertInto('rate_grid_limits').values([
    { ...DATED(), plan_id: planId, level_id: level('1x Salary'), factor: 1, gi_limit: 150000, gi_multiplier: null, min_benefit: 10000, max_benefit: 250000 },
    { ...DATED(), plan_id: planId, level_id: level('2x Salary'), factor: 2, gi_limit: 300000, gi_multiplier: null, min_benefit: 20000, max_benefit: 500000 },
  ]).execute();
  await db.insertInto('rate_grid_rates').values(levels.flatMap((l) => DEMO_BANDS.map(([lowerAge, cost]) => ({ ...DATED(), plan_id: planId, level_id: l.id, lower_age: lowerAge, gender: '', employee_cost: cost, employer_cost: 0.02, per: 1000 })))).execute();
  await db.insertInto('rate_grid_step_downs').values(levels.flatMap((l) => DEMO_STEP_DOWNS.map(([lowerAge, stepDown]) => ({ ...DATED(), plan_id: planId, level_id: l.id, lower_age: lowerAge, step_down: stepDown })))).execute();
  const participants = people.filter((p) => p.personType === 'Participant');
  await insertRows(db, 'person_salaries', participants.map((p) => ({ key: randomUUID(), person_id: p.id, annual_salary: demoSalary(p.index), pay_periods: 26, effective_start_date: '2015-01-01', effective_end_date: END_OF_TIME, version: 1 })));
}

/** 40,000 to 99,000 a year, by the person's place among the demo people. */
export const demoSalary = (index: number) => 40000 + (index % 60) * 1000;
