/**
 * Group life plans as the enrollment process reads them: every plan's settings and its rate grid, limits and
 * step-downs with their dates (small, read whole with the rest of the reference data), and the salaries, pay periods,
 * dates of birth and genders of a group of participants (one query each for the whole group).
 */
import type { Gender, PlanSettings } from '../../../src/core/group-life-cost';
import type { Db } from '../../engine/workbook-kind';

interface DatedRow {
  effective_start_date: string;
  effective_end_date: string;
  level_id: number;
}
export interface StoredRate extends DatedRow {
  lower_age: number;
  gender: string;
  employee_cost: string;
  employer_cost: string;
  per: number;
}
export interface StoredLimits extends DatedRow {
  factor: string;
  gi_limit: string | null;
  gi_multiplier: string | null;
  min_benefit: string | null;
  max_benefit: string | null;
}
export interface StoredStepDown extends DatedRow {
  lower_age: number;
  step_down: string;
}

export interface GroupLifePlan {
  settings: PlanSettings;
  /** null: a participant's age is taken on the enrollment's effective date. */
  ageDeterminationDate: string | null;
  /** seed: "Default Benefit Level" (an option id); null: None. */
  defaultLevelId: number | null;
  rates: StoredRate[];
  limits: StoredLimits[];
  stepDowns: StoredStepDown[];
}

export async function loadGroupLifePlans(db: Db): Promise<Map<number, GroupLifePlan>> {
  const [plans, rates, limits, stepDowns] = await Promise.all([
    db.selectFrom('group_life_plans').selectAll().execute(),
    db.selectFrom('rate_grid_rates').select(['plan_id', 'level_id', 'effective_start_date', 'effective_end_date', 'lower_age', 'gender', 'employee_cost', 'employer_cost', 'per']).execute(),
    db.selectFrom('rate_grid_limits').select(['plan_id', 'level_id', 'effective_start_date', 'effective_end_date', 'factor', 'gi_limit', 'gi_multiplier', 'min_benefit', 'max_benefit']).execute(),
    db.selectFrom('rate_grid_step_downs').select(['plan_id', 'level_id', 'effective_start_date', 'effective_end_date', 'lower_age', 'step_down']).execute(),
  ]);
  const byPlan = new Map<number, GroupLifePlan>();
  for (const p of plans) {
    const unit = Number(p.rounding_unit ?? 1);
    byPlan.set(p.plan_id, {
      settings: {
        basis: p.basis,
        roundSalaryFirst: p.round_salary_first,
        roundAfterStepDown: p.round_after_step_down,
        rounding: p.rounding === 'none' ? { mode: 'none' } : { mode: p.rounding, unit },
        ratesBasedOnSalary: p.rates_based_on_salary,
        monthlyFee: { employee: Number(p.employee_monthly_fee), employer: Number(p.employer_monthly_fee) },
        benefitAmountMode: p.benefit_amount_mode,
      },
      ageDeterminationDate: p.age_determination_date,
      defaultLevelId: p.default_level_id,
      rates: [],
      limits: [],
      stepDowns: [],
    });
  }
  for (const r of rates) byPlan.get(r.plan_id)?.rates.push(r);
  for (const l of limits) byPlan.get(l.plan_id)?.limits.push(l);
  for (const s of stepDowns) byPlan.get(s.plan_id)?.stepDowns.push(s);
  return byPlan;
}

export interface RatingFacts {
  dateOfBirth: string;
  gender?: Gender;
  salaries: Array<{ salary: number; payPeriods: number; start: string; end: string }>;
}

/** Each participant's date of birth, gender and salary history, by person id. */
export async function loadRatingFacts(db: Db, personIds: number[]): Promise<Map<number, RatingFacts>> {
  if (personIds.length === 0) return new Map();
  const ids = [...new Set(personIds)];
  const [persons, salaries] = await Promise.all([
    db.selectFrom('persons').select(['id', 'date_of_birth', 'gender']).where('id', 'in', ids).execute(),
    db.selectFrom('person_salaries').select(['person_id', 'annual_salary', 'pay_periods', 'effective_start_date', 'effective_end_date']).where('person_id', 'in', ids).execute(),
  ]);
  const facts = new Map<number, RatingFacts>(persons.map((p) => [p.id, { dateOfBirth: p.date_of_birth, gender: p.gender ?? undefined, salaries: [] }]));
  for (const s of salaries) facts.get(s.person_id)?.salaries.push({ salary: Number(s.annual_salary), payPeriods: s.pay_periods, start: s.effective_start_date, end: s.effective_end_date });
  return facts;
}
