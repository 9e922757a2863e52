/**
 * A participant enrollment line that names a group life plan (one with a rate grid) and gives neither a rate nor a
 * coverage amount gets both from the grid: the benefit amount from the participant's salary and the employee cost a
 * pay period (seed: Selerix group life rates). The line's message says how they were computed.
 */
import { computeCost, type Gender } from '../../../src/core/group-life-cost';
import type { GroupLifePlan, RatingFacts } from '../rate-grid/group-life.repository';

export interface GroupLifeAmounts {
  rate: number;
  coverage: number;
  explanation: string;
}

const inEffectOn = (date: string) => (r: { effective_start_date: string; effective_end_date: string }) => r.effective_start_date <= date && date <= r.effective_end_date;
const amount = (v: string | null) => (v === null ? undefined : Number(v));

/** The amounts, or a plain message saying what is missing (the caller fails the line with it). */
export function groupLifeAmounts(plan: GroupLifePlan, level: { id: number; name: string }, planName: string, facts: RatingFacts | undefined, date: string): GroupLifeAmounts | string {
  const mine = <T extends { level_id: number; effective_start_date: string; effective_end_date: string }>(rows: T[]) => rows.filter((r) => r.level_id === level.id && inEffectOn(date)(r));
  const limits = mine(plan.limits)[0];
  if (!limits) return `${planName} has no limits for the benefit level ${level.name} on ${date}: enter its multiple or percentage in the Benefit Level Limits workbook, or give a Rate Amount or Coverage Amount on the line.`;
  const rates = mine(plan.rates);
  if (rates.length === 0) return `${planName} has no rate grid for the benefit level ${level.name} on ${date}: enter its rates in the Rate Grid workbook, or give a Rate Amount or Coverage Amount on the line.`;
  const salary = facts?.salaries.find((s) => s.start <= date && date <= s.end);
  if (!facts || !salary) return `The participant has no salary on record on ${date}, and ${planName} computes its amounts from salary. Record the salary, or give a Rate Amount or Coverage Amount on the line.`;
  const result = computeCost({
    participant: { salary: salary.salary, payPeriods: salary.payPeriods, dateOfBirth: facts.dateOfBirth, gender: facts.gender, ageOn: plan.ageDeterminationDate ?? date },
    plan: plan.settings,
    level: { factor: Number(limits.factor), giLimit: amount(limits.gi_limit), giMultiplier: amount(limits.gi_multiplier), minBenefit: amount(limits.min_benefit), maxBenefit: amount(limits.max_benefit) },
    rates: rates.map((r) => ({ lowerAge: r.lower_age, ...(r.gender ? { gender: r.gender as Gender } : {}), employeeCost: Number(r.employee_cost), employerCost: Number(r.employer_cost), per: r.per })),
    stepDowns: mine(plan.stepDowns).map((s) => ({ lowerAge: s.lower_age, percent: Number(s.step_down) })),
  });
  if (!result.ok) return result.message;
  return { rate: result.cost.employeeCost, coverage: result.cost.benefitAmount, explanation: result.cost.explanation };
}
