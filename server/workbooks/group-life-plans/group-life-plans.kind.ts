/**
 * Group Life Plans: a keyed kind, one row per group life plan, its key the plan's id (seed: Selerix group life plan
 * options). A new row names a benefit plan, which becomes a group life plan; its rates, limits and step-downs are then
 * entered in Rate Grid, Benefit Level Limits and Step-Downs.
 */
import type { RowError, UploadRow } from '../../../src/contract/api';
import { unknownName } from '../../engine/unknown-names';
import { readIsoDate, readListValue, readNumber, text } from '../../engine/values';
import { toDownloadPage, type KeyedKind, type Resolution } from '../../engine/workbook-kind';
import { BASES, groupLifePlansDefinition, MODES, NO_DEFAULT_LEVEL, ROUNDINGS, YES_NO } from './definition';
import { findBenefitPlans, findLevels, findPlanSettings, levelFactors, planUsage } from './group-life-plans.repository';
import { gridLists } from '../rate-grid/grid-names';

/**
 * seed: "You will receive a warning if you switch modes." The row is saved; the warning says what the switch does to
 * the levels' X of Salary or % of Salary in Benefit Level Limits, which are then read the other way.
 */
function basisSwitched(plan: string, to: 'multiple' | 'percent', levels: Array<{ level: string; factor: number }>): RowError {
  const read = (f: number, basis: 'multiple' | 'percent') => (basis === 'multiple' ? `${f} × salary` : `${f} % of salary`);
  const from = to === 'multiple' ? 'percent' : 'multiple';
  const now = to === 'multiple' ? 'a multiple of salary instead of a percentage' : 'a percentage of salary instead of a multiple';
  const each = levels.length > 0 ? `: ${levels.map((l) => `${l.level} ${l.factor} was ${read(l.factor, from)}, now ${read(l.factor, to)}`).join('; ')}` : ' (it has none yet)';
  const example = to === 'multiple' ? '2 for 2 × salary' : '50 for 50 % of salary';
  const gi = to === 'percent' ? ' A GI Multiplier there no longer applies.' : '';
  return { column: 'basis', message: `Check Benefit Level Limits: ${plan} now pays ${now}, so each level's X of Salary or % of Salary there is now read as ${to === 'multiple' ? 'a multiple' : 'a percentage'}${each}. Change them to what the plan pays (${example}).${gi}` };
}

const nameOf = <V extends string>(map: Record<string, V>, value: V) => Object.entries(map).find(([, v]) => v === value)?.[0] ?? null;
const yesNo = (b: boolean) => (b ? 'Yes' : 'No');
const num = (v: string | null) => (v === null ? null : Number(v));

/** A new row's key is the id of the benefit plan it names; a name no plan has gets a key no plan has (resolve says so). */
async function planIds(db: Parameters<NonNullable<KeyedKind['assignKeys']>>[0], _count: number, inserts: UploadRow[]): Promise<string[]> {
  const plans = new Map((await findBenefitPlans(db)).map((p) => [p.name.toLowerCase(), p.id]));
  return inserts.map((r, i) => String(plans.get(text(r.values.plan).toLowerCase()) ?? -(i + 1)));
}

export const groupLifePlansKind: KeyedKind = {
  definition: groupLifePlansDefinition,
  recordName: 'group life plan',
  table: 'group_life_plans',
  keyColumn: 'planId',
  storedKeyColumn: 'plan_id',
  keyType: 'integer',
  attributes: {
    basis: 'text', benefit_amount_mode: 'text', default_level_id: 'integer', round_salary_first: 'boolean', round_after_step_down: 'boolean', rounding: 'text',
    rounding_unit: 'numeric', rates_based_on_salary: 'boolean', age_determination_date: 'date', employee_monthly_fee: 'numeric', employer_monthly_fee: 'numeric',
  },
  assignKeys: planIds,

  async lists(db) {
    // The levels of group life plans only (a new plan's levels are added in Benefit Levels once it is one).
    const { benefitLevels } = await gridLists(db);
    return { benefitPlans: (await findBenefitPlans(db)).map((p) => p.name), bases: Object.keys(BASES), modes: Object.keys(MODES), benefitLevels: [NO_DEFAULT_LEVEL, ...benefitLevels], roundings: Object.keys(ROUNDINGS), yesNo: YES_NO };
  },

  async download(db, page) {
    return toDownloadPage(await findPlanSettings(db, page), (r) => ({
      planId: Number(r.key), plan: r.plan, basis: nameOf(BASES, r.basis), benefitAmountMode: nameOf(MODES, r.benefit_amount_mode), defaultLevel: r.default_level ?? NO_DEFAULT_LEVEL,
      roundSalaryFirst: yesNo(r.round_salary_first), roundAfterStepDown: yesNo(r.round_after_step_down), rounding: nameOf(ROUNDINGS, r.rounding), roundingUnit: num(r.rounding_unit),
      ratesBasedOnSalary: yesNo(r.rates_based_on_salary), ageDeterminationDate: r.age_determination_date, employeeMonthlyFee: Number(r.employee_monthly_fee), employerMonthlyFee: Number(r.employer_monthly_fee),
    }));
  },

  async resolve(db, inputs) {
    const plans = new Map((await findBenefitPlans(db)).map((p) => [p.id, p.name]));
    const levels = await findLevels(db);
    const switching = inputs.filter((i) => i.current && i.row.values.basis !== undefined).map((i) => Number(i.key));
    const factors = await levelFactors(db, switching);
    return inputs.map(({ row, key, current }): Resolution => {
      const errors: RowError[] = [];
      const attributes: Record<string, unknown> = {};
      const v = row.values;
      const has = (column: string) => row.op === 'insert' || column in v;
      const planName = plans.get(Number(key));
      if (row.op === 'insert' && !planName) {
        const typed = text(v.plan);
        errors.push(typed ? unknownName({ column: 'plan', message: `There is no benefit plan named "${typed}". Pick a plan from the list.` }) : { column: 'plan', message: 'Plan is required on a new row. Pick the benefit plan to set up as group life.' });
      }
      const list = <V extends string>(column: string, header: string, map: Record<string, V>, fallback: V | undefined) => {
        const read = readListValue(v[column], column, header, Object.keys(map));
        if (read.error) errors.push(read.error);
        return read.value === undefined ? fallback : map[read.value];
      };
      const flag = (column: string, attribute: string, header: string, fallback: boolean) => {
        if (!has(column)) return;
        const read = list(column, header, { Yes: 'yes', No: 'no' }, undefined);
        attributes[attribute] = read === undefined ? fallback : read === 'yes';
      };
      if (has('basis')) {
        const basis = list('basis', 'X of Salary or % of Salary', BASES, undefined);
        if (basis) attributes.basis = basis;
        else if (!errors.some((e) => e.column === 'basis')) errors.push({ column: 'basis', message: 'X of Salary or % of Salary is required: X of Salary when each level pays a multiple of salary (2 × salary), % of Salary when it pays a percentage.' });
      }
      if (has('benefitAmountMode')) attributes.benefit_amount_mode = list('benefitAmountMode', 'Benefit Amount Mode', MODES, 'annual');
      if (has('rounding')) attributes.rounding = list('rounding', 'Rounding', ROUNDINGS, 'none');
      flag('roundSalaryFirst', 'round_salary_first', 'Round Employee Salary First', false);
      // seed: "This option is checked by default."
      flag('roundAfterStepDown', 'round_after_step_down', 'Round Benefit After Stepdown', true);
      flag('ratesBasedOnSalary', 'rates_based_on_salary', 'Rates Based On Salary', false);
      const amount = (column: string, attribute: string, header: string, bounds: { min: number; max: number }, fallback: number | null) => {
        if (!has(column)) return;
        const read = readNumber(v[column], column, header, bounds);
        if (read.error) errors.push(read.error);
        attributes[attribute] = read.number ?? fallback;
      };
      amount('roundingUnit', 'rounding_unit', 'Rounding Unit', { min: 0.01, max: 1e6 }, null);
      amount('employeeMonthlyFee', 'employee_monthly_fee', 'Monthly Fee (Employee-paid)', { min: 0, max: 1e6 }, 0);
      amount('employerMonthlyFee', 'employer_monthly_fee', 'Monthly Fee (Employer Paid)', { min: 0, max: 1e6 }, 0);
      if (has('ageDeterminationDate')) {
        const read = readIsoDate(v.ageDeterminationDate, 'ageDeterminationDate', 'Age Determination Date');
        if (read.error) errors.push(read.error);
        attributes.age_determination_date = read.date ?? null;
      }
      if (has('defaultLevel')) {
        const typed = text(v.defaultLevel);
        const planLevels = levels.get(Number(key)) ?? new Map<string, number>();
        const id = planLevels.get(typed);
        if (typed && typed !== NO_DEFAULT_LEVEL && id === undefined && planName) {
          errors.push(unknownName({ column: 'defaultLevel', message: `${planName} has no benefit level named "${typed}". Pick one of its levels (${[...planLevels.keys()].join(', ') || 'none yet: add them in Benefit Levels'}), or None so that the enrollee must pick one.` }));
        }
        attributes.default_level_id = id ?? null;
      }
      // seed: rounding to a unit needs the unit ("the rounding that is set on the Enrollment Rules tab").
      const rounding = (attributes.rounding ?? current?.rounding) as string | undefined;
      const unit = 'rounding_unit' in attributes ? attributes.rounding_unit : current?.rounding_unit;
      if (rounding && rounding !== 'none' && (unit === null || unit === undefined) && !errors.some((e) => e.column === 'roundingUnit')) {
        errors.push({ column: 'roundingUnit', message: `Rounding ${nameOf(ROUNDINGS, rounding as 'up')} needs a Rounding Unit, such as 1000 to round to the next 1,000. Enter the unit, or set Rounding to None.` });
      }
      if (errors.length > 0) return { errors };
      const switched = current && attributes.basis && attributes.basis !== current.basis;
      return switched ? { errors, attributes, warnings: [basisSwitched(planName ?? 'This plan', attributes.basis as 'multiple' | 'percent', factors.get(Number(key)) ?? [])] } : { errors, attributes };
    });
  },

  // A plan with a rate grid stays a group life plan: the grid would have no settings.
  canDelete: (db, keys) => planUsage(db, keys),
};
