/**
 * What the three group life workbooks (Rate Grid, Benefit Level Limits, Step-Downs) share: the plan and benefit level
 * a row names, resolved for a whole chunk at once. A benefit level is one of the plan's options (seed: "Level 1, with
 * a code of 1"), so an enrollment line names it in Option. The sheet's plan (chosen on Prepare) fills a blank Plan.
 */
import type { RowError } from '../../../src/contract/api';
import { AppError } from '../../errors/app-error';
import { unknownName } from '../../engine/unknown-names';
import { text } from '../../engine/values';
import type { Db, ResolveInput } from '../../engine/workbook-kind';

export interface GridPlan {
  id: number;
  name: string;
  basis: 'multiple' | 'percent';
}

export interface GridNames {
  plans: Map<string, GridPlan>;
  plansById: Map<number, GridPlan>;
  /** Levels by plan id, then by name. */
  levels: Map<number, Map<string, { id: number; name: string }>>;
  levelNames: Map<number, string>;
}

export async function loadGridNames(db: Db): Promise<GridNames> {
  const plans = await db.selectFrom('group_life_plans as g').innerJoin('benefit_plans as p', 'p.id', 'g.plan_id').select(['p.id', 'p.name', 'g.basis']).orderBy('p.name').execute();
  const options = plans.length === 0 ? [] : await db.selectFrom('benefit_options').select(['id', 'name', 'plan_id']).where('plan_id', 'in', plans.map((p) => p.id)).orderBy('name').execute();
  const levels = new Map<number, Map<string, { id: number; name: string }>>();
  for (const o of options) levels.set(o.plan_id, (levels.get(o.plan_id) ?? new Map()).set(o.name, { id: o.id, name: o.name }));
  return { plans: new Map(plans.map((p) => [p.name, p])), plansById: new Map(plans.map((p) => [p.id, p])), levels, levelNames: new Map(options.map((o) => [o.id, o.name])) };
}

export async function gridLists(db: Db): Promise<Record<string, string[]>> {
  const names = await loadGridNames(db);
  const levels = [...new Set([...names.levels.values()].flatMap((m) => [...m.keys()]))].sort();
  return { groupLifePlans: [...names.plans.keys()], benefitLevels: levels };
}

export const PLAN_FILTER = { label: 'Plan', hint: 'The group life plan whose rows to show; new rows with a blank Plan are for this plan. Leave it empty for every plan.' };

export interface Level {
  plan: GridPlan;
  levelId: number;
}

/** The row's plan and level (a new row names them; an existing row keeps its own), or errors on their columns. */
export function resolveLevel(names: GridNames, { row, current }: ResolveInput, sheetPlan: string | undefined, errors: RowError[]): Level | undefined {
  if (current) {
    const plan = names.plansById.get(current.plan_id as number);
    return plan ? { plan, levelId: current.level_id as number } : undefined;
  }
  const planName = text(row.values.plan) || sheetPlan || '';
  const plan = names.plans.get(planName);
  if (!planName) errors.push({ column: 'plan', message: 'Plan is required on a new row. Enter the group life plan, or prepare the sheet for one plan.' });
  else if (!plan) errors.push(unknownName({ column: 'plan', message: `There is no group life plan named "${planName}". Pick a plan from the list (a plan has a rate grid once it is set up as group life).` }));
  const levelName = text(row.values.benefitLevel);
  if (!levelName) {
    errors.push({ column: 'benefitLevel', message: 'Benefit Level is required on a new row. Enter one of the plan’s options, such as "2x Salary".' });
    return undefined;
  }
  if (!plan) return undefined;
  const level = names.levels.get(plan.id)?.get(levelName);
  if (!level) {
    const known = [...(names.levels.get(plan.id)?.keys() ?? [])].join(', ') || 'none yet';
    errors.push(unknownName({ column: 'benefitLevel', message: `${plan.name} has no benefit level named "${levelName}". Its levels (the plan's options) are: ${known}.` }));
    return undefined;
  }
  return { plan, levelId: level.id };
}

/** The plan a download is narrowed to (the Prepare filter); a name no group life plan has is a not_found with what to do. */
export function filteredPlanId(names: GridNames, filter: string | undefined): number | undefined {
  if (!filter) return undefined;
  const plan = names.plans.get(filter);
  if (!plan) throw new AppError('not_found', `There is no group life plan named "${filter}". Choose one of: ${[...names.plans.keys()].join(', ') || 'none yet'}; or leave Plan empty for every plan.`);
  return plan.id;
}
