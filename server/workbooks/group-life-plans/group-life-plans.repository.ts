/** Group life plan settings: the sheet's rows, the benefit plans a new row may name, levels, and what uses a plan. */
import { sql } from 'kysely';
import type { RowError } from '../../../src/contract/api';
import { afterPlace, orderBy, placeColumn, type SortColumn } from '../../engine/keyset';
import { searchWhere } from '../../engine/row-search';
import type { Db, PageRequest } from '../../engine/workbook-kind';

export interface PlanSettingsRow {
  key: string; version: number; place: unknown[]; plan: string; basis: 'multiple' | 'percent'; benefit_amount_mode: 'annual' | 'monthly' | 'weekly';
  default_level: string | null; round_salary_first: boolean; round_after_step_down: boolean; rounding: 'none' | 'nearest' | 'up' | 'down';
  rounding_unit: string | null; rates_based_on_salary: boolean; age_determination_date: string | null; employee_monthly_fee: string; employer_monthly_fee: string;
}

const ORDER: SortColumn[] = [{ expr: 'p.name', type: 'text' }, { expr: 'g.plan_id', type: 'integer' }];
/** Search before download (definition.search): the plan's name contains, its basis as the sheet names it. */
const SEARCH = { name: 'p.name', group: "case g.basis when 'multiple' then 'X of Salary' else '% of Salary' end" };

export async function findPlanSettings(db: Db, page: Omit<PageRequest, 'population'>): Promise<{ rows: PlanSettingsRow[]; total?: number }> {
  const keys = page.keys ? sql`and g.plan_id::text in (select jsonb_array_elements_text(${JSON.stringify(page.keys)}::jsonb))` : sql``;
  const searched = () => searchWhere(page.search, SEARCH);
  const result = await sql<PlanSettingsRow>`
    select g.plan_id::text as key, g.version, p.name as plan, g.basis, g.benefit_amount_mode, o.name as default_level, g.round_salary_first,
      g.round_after_step_down, g.rounding, g.rounding_unit, g.rates_based_on_salary, g.age_determination_date, g.employee_monthly_fee,
      g.employer_monthly_fee, ${placeColumn(ORDER)}
    from group_life_plans g join benefit_plans p on p.id = g.plan_id left join benefit_options o on o.id = g.default_level_id
    where true ${keys} ${searched()} ${afterPlace(ORDER, page.after)}
    order by ${orderBy(ORDER)} limit ${page.limit}`.execute(db);
  const first = !page.after && !page.keys;
  const total = first ? Number((await sql<{ n: string }>`select count(*) as n from group_life_plans g join benefit_plans p on p.id = g.plan_id where true ${searched()}`.execute(db)).rows[0].n) : undefined;
  return { rows: result.rows, total };
}

export const findBenefitPlans = (db: Db) => db.selectFrom('benefit_plans').select(['id', 'name']).orderBy('name').execute();

/** Each plan's levels (its options), by plan id then name. */
export async function findLevels(db: Db): Promise<Map<number, Map<string, number>>> {
  const options = await db.selectFrom('benefit_options').select(['id', 'name', 'plan_id']).orderBy('name').execute();
  const byPlan = new Map<number, Map<string, number>>();
  for (const o of options) byPlan.set(o.plan_id, (byPlan.get(o.plan_id) ?? new Map()).set(o.name, o.id));
  return byPlan;
}

/** seed: a plan's rates, limits and step-downs are its grid: a plan that has any stays a group life plan. */
export async function planUsage(db: Db, keys: string[]): Promise<Map<string, RowError[]>> {
  if (keys.length === 0) return new Map();
  const ids = sql`(select jsonb_array_elements_text(${JSON.stringify(keys)}::jsonb)::integer)`;
  const result = await sql<{ plan_id: number; rates: number; limits: number; steps: number }>`
    select g.plan_id, (select count(*)::int from rate_grid_rates r where r.plan_id = g.plan_id) as rates,
      (select count(*)::int from rate_grid_limits l where l.plan_id = g.plan_id) as limits,
      (select count(*)::int from rate_grid_step_downs s where s.plan_id = g.plan_id) as steps
    from group_life_plans g where g.plan_id in ${ids}`.execute(db);
  const refused = new Map<string, RowError[]>();
  for (const r of result.rows) {
    if (r.rates + r.limits + r.steps === 0) continue;
    refused.set(String(r.plan_id), [{ column: 'plan', message: `This plan still has ${r.rates} rate rows, ${r.limits} benefit level limits and ${r.steps} step-downs (all dates). Delete them in Rate Grid, Benefit Level Limits and Step-Downs first; then the plan is no longer a group life plan.` }]);
  }
  return refused;
}

/** Each plan's levels with their latest X of Salary or % of Salary in Benefit Level Limits, by plan id (levels in name order). */
export async function levelFactors(db: Db, planIds: number[]): Promise<Map<number, Array<{ level: string; factor: number }>>> {
  if (planIds.length === 0) return new Map();
  const result = await sql<{ plan_id: number; level: string; factor: string }>`
    select distinct on (l.level_id) l.plan_id, o.name as level, l.factor from rate_grid_limits l join benefit_options o on o.id = l.level_id
    where l.plan_id in (select jsonb_array_elements_text(${JSON.stringify(planIds)}::jsonb)::integer)
    order by l.level_id, l.effective_start_date desc`.execute(db);
  const byPlan = new Map<number, Array<{ level: string; factor: number }>>();
  for (const r of [...result.rows].sort((a, b) => a.level.localeCompare(b.level))) byPlan.set(r.plan_id, [...(byPlan.get(r.plan_id) ?? []), { level: r.level, factor: Number(r.factor) }]);
  return byPlan;
}
