/**
 * seed: "If the allocation type … is a flat dollar amount, the default Employee Portion, Employer Portion, and Total
 * Cost can be changed … If … a percentage, the Employee Percent, Employer Percent, and Total Cost can be changed."
 * Pure: the rate line's values fill what the row leaves blank; the row's own values override what the seed allows.
 */
import type { RowError } from '../../../src/contract/api';
import type { Allocation } from '../../db/benefit-setup.schema';
import { checkSplit, percentOf } from '../benefit-rates/cost-split';

export interface RateDefaults {
  allocation: Allocation;
  /** Dollar lines: amounts; Percent lines: percentages of the total. */
  total: number;
  employee: number;
  employer: number;
}

export interface TypedCosts {
  totalCost?: number;
  employeePortion?: number;
  employerPortion?: number;
  employeePercent?: number;
  employerPercent?: number;
}

export interface EmployeeCosts {
  total: number;
  employee: number;
  employer: number;
  employeePercent: number | null;
  employerPercent: number | null;
}

const PORTION = { employeePortion: 'Employee Portion', employerPortion: 'Employer Portion' } as const;
const PERCENT = { employeePercent: 'Employee Pct', employerPercent: 'Employer Pct' } as const;
const money = (n: number) => n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** `stored`: the record's own amounts before this edit (an unchanged downloaded portion is not an override). */
export function employeeCosts(rate: RateDefaults, typed: TypedCosts, stored?: { employeePortion: number; employerPortion: number }): { costs?: EmployeeCosts; errors: RowError[] } {
  const total = typed.totalCost ?? rate.total;
  if (rate.allocation === 'Dollar') {
    const errors: RowError[] = (['employeePercent', 'employerPercent'] as const)
      .filter((c) => typed[c] !== undefined)
      .map((c) => ({ column: c, message: `${PERCENT[c]} applies to Percent lines only; this benefit rate is a Dollar line. Clear ${PERCENT[c]} and change ${c === 'employeePercent' ? 'Employee' : 'Employer'} Portion instead.` }));
    const employee = typed.employeePortion ?? rate.employee;
    const employer = typed.employerPortion ?? rate.employer;
    errors.push(...checkSplit('Dollar', { total, employee, employer }));
    return errors.length > 0 ? { errors } : { errors, costs: { total, employee, employer, employeePercent: null, employerPercent: null } };
  }
  const employeePercent = typed.employeePercent ?? rate.employee;
  const employerPercent = typed.employerPercent ?? rate.employer;
  const errors = checkSplit('Percent', { total, employee: employeePercent, employer: employerPercent }, { employee: 'employeePercent', employer: 'employerPercent' }, { employee: 'Employee Pct', employer: 'Employer Pct' });
  const computed = { employeePortion: percentOf(total, employeePercent), employerPortion: percentOf(total, employerPercent) };
  for (const c of ['employeePortion', 'employerPortion'] as const) {
    const value = typed[c];
    const unchanged = stored !== undefined && value === stored[c];
    if (value !== undefined && !unchanged && Math.round(value * 100) !== Math.round(computed[c] * 100)) {
      const pct = c === 'employeePortion' ? 'Employee Pct' : 'Employer Pct';
      errors.push({ column: c, message: `On a Percent line ${PORTION[c]} is Total Cost × ${pct} (${money(computed[c])}); you typed ${money(value)}. Change ${pct} or Total Cost instead, or clear ${PORTION[c]}.` });
    }
  }
  return errors.length > 0 ? { errors } : { errors, costs: { total, employee: computed.employeePortion, employer: computed.employerPortion, employeePercent, employerPercent } };
}
