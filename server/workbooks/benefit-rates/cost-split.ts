/**
 * The seed's cost rules, pure: on a Dollar line the employee and employer portions are amounts that add up to the
 * total cost; on a Percent line they are percentages of the total and add up to 100.
 */
import type { RowError } from '../../../src/contract/api';
import type { Allocation } from '../../db/benefit-setup.schema';

const cents = (n: number) => Math.round(n * 100);
const money = (n: number) => n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

export interface Split {
  total: number;
  employee: number;
  employer: number;
}

/** Errors on both portion columns when the portions do not add up, saying what they add up to and what they must. */
export function checkSplit(allocation: Allocation, split: Split, columns = { employee: 'employeePortion', employer: 'employerPortion' }, headers = { employee: 'Employee Portion', employer: 'Employer Portion' }): RowError[] {
  const sum = (cents(split.employee) + cents(split.employer)) / 100;
  if (allocation === 'Dollar' && cents(split.employee) + cents(split.employer) !== cents(split.total)) {
    const message = `On a Dollar line ${headers.employee} + ${headers.employer} must equal Total Cost: ${money(split.employee)} + ${money(split.employer)} = ${money(sum)}, not ${money(split.total)}. Change one of the three.`;
    return [{ column: columns.employee, message }, { column: columns.employer, message }];
  }
  if (allocation === 'Percent' && cents(split.employee) + cents(split.employer) !== 10000) {
    const message = `On a Percent line ${headers.employee} and ${headers.employer} are percentages of Total Cost and must add up to 100: ${split.employee} + ${split.employer} = ${sum}.`;
    return [{ column: columns.employee, message }, { column: columns.employer, message }];
  }
  return [];
}

/** A percent of the total as an amount, to the cent (what the employee or employer pays on a Percent line). */
export function percentOf(total: number, percent: number): number {
  return Math.round(total * percent) / 100;
}
