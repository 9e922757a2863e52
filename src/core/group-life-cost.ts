/**
 * The cost of a salary-based, age-banded group life benefit (seed: Selerix "Plan: Rates: Group Life"): the benefit
 * amount from salary (a multiple or a percentage), kept within the level's limits, stepped down by age, and the premium
 * by the seed's formulas. Pure: no database, no HTTP; every step is written down so a message can say how it was done.
 */

export type Basis = 'multiple' | 'percent';
/** seed: "Benefit Amount Mode": the benefit amount is figured on the annual, monthly or weekly salary. */
export type BenefitAmountMode = 'annual' | 'monthly' | 'weekly';
const PERIODS_A_YEAR: Record<BenefitAmountMode, number> = { annual: 1, monthly: 12, weekly: 52 };
export type Rounding = { mode: 'none' } | { mode: 'nearest' | 'up' | 'down'; unit: number };

export interface PlanSettings {
  /** seed: "View multiple of salary": X of salary; otherwise % of salary. */
  basis: Basis;
  /** seed: "Round Employee Salary First". */
  roundSalaryFirst: boolean;
  /** seed: "Round Benefit After Stepdown" (checked by default). */
  roundAfterStepDown: boolean;
  /** The plan's rounding rule (seed: "the rounding that is set on the Enrollment Rules tab"). */
  rounding: Rounding;
  /** seed: "Rates Based On Salary": the premium is on the full salary, not on the benefit amount. */
  ratesBasedOnSalary: boolean;
  /** seed: "Monthly Fee (Employee-paid) and (Employer Paid)". */
  monthlyFee?: { employee: number; employer: number };
  /** seed: "Benefit Amount Mode" (absent: Annual). Limits and rounding are in amounts of that mode. */
  benefitAmountMode?: BenefitAmountMode;
}

export interface LevelLimits {
  /** The level's multiplier (2: 2 × salary) or percentage (50: 50 % of salary). */
  factor: number;
  /** seed: "GI Limit": the upper limit of the guaranteed issue amount. */
  giLimit?: number;
  /** seed: "GI Multiplier" (multiple of salary only): guaranteed issue up to this multiple of salary. */
  giMultiplier?: number;
  minBenefit?: number;
  maxBenefit?: number;
}

export type Gender = 'Male' | 'Female';

export interface RateRow {
  lowerAge: number;
  /** Absent: the row is for everyone (the plan does not use rate genders). */
  gender?: Gender;
  employeeCost: number;
  employerCost: number;
  /** seed: "per 100 or 1000 of benefit amount". */
  per: number;
}

export interface StepDown {
  lowerAge: number;
  /** The reduction, in percent of the full benefit (0 until the first step; seed: each later one larger). */
  percent: number;
}

export interface Participant {
  salary: number;
  dateOfBirth: string;
  /** The plan's age-determination date (ISO). */
  ageOn: string;
  gender?: Gender;
  /** Payroll deductions a year (26: every other week). */
  payPeriods: number;
}

export interface CostInput {
  participant: Participant;
  plan: PlanSettings;
  level: LevelLimits;
  /** The level's rate rows (every age band, and gender when the plan uses rate genders). */
  rates: RateRow[];
  stepDowns: StepDown[];
}

export interface Cost {
  age: number;
  benefitAmount: number;
  /** The multiple or percentage the benefit amount is of salary after the step-down (2 × at 75 %: 1.5). */
  effectiveFactor: number;
  stepDownPercent: number;
  rate: RateRow;
  /** Per pay period, in cents rounded. */
  employeeCost: number;
  employerCost: number;
  /** How it was computed, in a benefits professional's words. */
  explanation: string;
}

export type CostResult = { ok: true; cost: Cost } | { ok: false; message: string };

/** Whole years between the date of birth and the date (a birthday counts on its day). */
export function ageOn(dateOfBirth: string, date: string): number {
  const [by, bm, bd] = dateOfBirth.split('-').map(Number);
  const [y, m, d] = date.split('-').map(Number);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

const cents = (n: number) => Math.round(n * 100) / 100;
/** Drops the float noise of products such as 52,000 × 0.75 before rounding. */
const clean = (n: number) => Math.round(n * 1e6) / 1e6;

export function applyRounding(amount: number, rounding: Rounding): number {
  if (rounding.mode === 'none') return clean(amount);
  const steps = clean(amount / rounding.unit);
  const whole = rounding.mode === 'up' ? Math.ceil(steps) : rounding.mode === 'down' ? Math.floor(steps) : Math.round(steps);
  return clean(whole * rounding.unit);
}

const fmt = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 4 });
const roundingText = (r: Rounding) => (r.mode === 'none' ? '' : `rounded ${r.mode === 'nearest' ? 'to the nearest' : r.mode} ${r.mode === 'nearest' ? fmt(r.unit) : `to ${fmt(r.unit)}`}`);

/** The band a participant's age falls in: the one with the largest lower limit at or below the age. */
function bandOf<T extends { lowerAge: number }>(rows: T[], age: number): T | undefined {
  return rows.filter((r) => r.lowerAge <= age).sort((a, b) => b.lowerAge - a.lowerAge)[0];
}

export function computeCost({ participant, plan, level, rates, stepDowns }: CostInput): CostResult {
  const age = ageOn(participant.dateOfBirth, participant.ageOn);
  const gendered = rates.some((r) => r.gender !== undefined);
  if (gendered && !participant.gender) return { ok: false, message: 'This plan has rates by gender, and the participant has no gender on record. Record it, then process the line again.' };
  const rate = bandOf(rates.filter((r) => !gendered || r.gender === participant.gender), age);
  if (!rate) return { ok: false, message: `The rate grid has no age band for age ${age}${gendered ? ` (${participant.gender})` : ''}. Add a band with a lower age limit of ${age} or less.` };
  if (!(participant.salary > 0)) return { ok: false, message: 'The participant has no salary on record on this date. Record the salary, then process the line again.' };

  const steps: string[] = [];
  // seed: "Benefit Amount Mode": Annual, Monthly or Weekly; the salary the amount is a multiple (or percentage) of.
  const mode = plan.benefitAmountMode ?? 'annual';
  const salaryName = mode === 'annual' ? 'salary' : `${mode} salary`;
  let salary = mode === 'annual' ? participant.salary : cents(participant.salary / PERIODS_A_YEAR[mode]);
  if (mode !== 'annual') steps.push(`salary ${fmt(participant.salary)} / ${PERIODS_A_YEAR[mode]} = ${salaryName} ${fmt(salary)}`);
  if (plan.roundSalaryFirst && plan.rounding.mode !== 'none') {
    const unrounded = salary;
    salary = applyRounding(salary, plan.rounding);
    steps.push(`${salaryName} ${fmt(unrounded)} ${roundingText(plan.rounding)} = ${fmt(salary)}`);
  }
  const multiple = plan.basis === 'multiple' ? level.factor : level.factor / 100;
  let amount = clean(salary * multiple);
  steps.push(plan.basis === 'multiple' ? `${fmt(level.factor)} × ${salaryName} ${fmt(salary)} = ${fmt(amount)}` : `${fmt(level.factor)} % of ${salaryName} ${fmt(salary)} = ${fmt(amount)}`);

  // seed: unchecked "Round Benefit After Stepdown": round the full amount, then step down with no further rounding.
  if (!plan.roundAfterStepDown && plan.rounding.mode !== 'none') {
    const rounded = applyRounding(amount, plan.rounding);
    if (rounded !== amount) steps.push(`${roundingText(plan.rounding)} = ${fmt(rounded)}`);
    amount = rounded;
  }
  const gi = Math.min(level.giLimit ?? Infinity, level.giMultiplier !== undefined && plan.basis === 'multiple' ? clean(level.giMultiplier * salary) : Infinity);
  if (level.maxBenefit !== undefined && amount > level.maxBenefit) {
    amount = level.maxBenefit;
    steps.push(`capped at the maximum benefit ${fmt(amount)}`);
  }
  if (amount > gi) {
    amount = gi;
    steps.push(`capped at the guaranteed issue amount ${fmt(gi)} (more needs evidence of insurability)`);
  }
  if (level.minBenefit !== undefined && amount < level.minBenefit) {
    amount = level.minBenefit;
    steps.push(`raised to the minimum benefit ${fmt(amount)}`);
  }
  const full = amount;
  const stepDown = bandOf(stepDowns, age)?.percent ?? 0;
  if (stepDown > 0) {
    amount = clean((full * (100 - stepDown)) / 100);
    steps.push(`stepped down ${fmt(stepDown)} % at age ${age} (to ${fmt(100 - stepDown)} %) = ${fmt(amount)}`);
  }
  // seed: checked (the default): no rounding until after the step-down, then the plan's rounding.
  if (plan.roundAfterStepDown && plan.rounding.mode !== 'none') {
    const rounded = applyRounding(amount, plan.rounding);
    if (rounded !== amount) steps.push(`${roundingText(plan.rounding)} = ${fmt(rounded)}`);
    amount = rounded;
  }
  const effectiveFactor = clean((level.factor * (100 - stepDown)) / 100);

  // seed: "Benefit amount * rate/per *12 / payroll deduction"; Rates Based On Salary: "Benefit amount / current salary percent * rate/per *12 / payroll deduction".
  const base = plan.ratesBasedOnSalary ? clean(amount / (multiple * (100 - stepDown) / 100)) : amount;
  const fee = plan.monthlyFee ?? { employee: 0, employer: 0 };
  const perPeriod = (cost: number, monthlyFee: number) => cents(((base * cost) / rate.per + monthlyFee) * 12 / participant.payPeriods);
  const employeeCost = perPeriod(rate.employeeCost, fee.employee);
  const employerCost = perPeriod(rate.employerCost, fee.employer);
  const baseText = plan.ratesBasedOnSalary ? `(${fmt(amount)} / ${fmt(effectiveFactor)}${plan.basis === 'percent' ? ' %' : ''} = ${fmt(base)})` : fmt(base);
  const feeText = fee.employee ? ` + fee ${fmt(fee.employee)}` : '';
  const premium = `premium ${baseText} × ${fmt(rate.employeeCost)} / ${fmt(rate.per)}${feeText} × 12 / ${participant.payPeriods} = ${employeeCost.toFixed(2)} a pay period`;
  const explanation = `${steps.join(', ')}; ${premium} (employer ${employerCost.toFixed(2)}).`;
  return { ok: true, cost: { age, benefitAmount: amount, effectiveFactor, stepDownPercent: stepDown, rate, employeeCost, employerCost, explanation } };
}
