/**
 * seed "Global Benefit Rate Change", Scenarios 1–5: what a new rate starting on a date does to one employee benefit
 * record. Pure: no database. The end date of an open record (blank in nVision) is END_OF_TIME or null.
 */
import { dayBefore, END_OF_TIME } from '../../engine/effective-dating';

export type Scenario = 1 | 2 | 3 | 4 | 5;

export interface BenefitRecordDates {
  start: string;
  end: string | null;
}

export interface Costs {
  employee: number;
  employer: number;
  total: number;
}

export type ScenarioDecision =
  /** seed Scenario 1: the prior record is end-dated the day before; a new record starts on the date with the new rates. */
  | { scenario: 1; action: 'split'; priorEnd: string; newStart: string }
  /** seed Scenario 2: the existing record is updated with the new rate. */
  | { scenario: 2; action: 'update' }
  /** seed Scenarios 3, 4 and 5: no change. */
  | { scenario: 3 | 4 | 5; action: 'none' };

/** The seed's words for each scenario, as the preview and the result show them. */
export const SCENARIO_WORDS: Record<Scenario, string> = {
  1: 'Open record that started before the new rate: end-dated the day before, and a new record starts on the date with the new rates',
  2: 'Record starts on the start date of the new rate: updated in place with the new rates',
  3: 'Benefit end date is prior to the start date of the new rate: no change',
  4: 'Benefit start date begins after the start date of the new rate: no change',
  5: 'Existing benefit coverage extends beyond the start date of the new rate but is not open: no change',
};

export function isOpen(record: BenefitRecordDates): boolean {
  return record.end === null || record.end === END_OF_TIME;
}

export function decideScenario(record: BenefitRecordDates, newRateStart: string): ScenarioDecision {
  if (record.start === newRateStart) return { scenario: 2, action: 'update' };
  if (record.start > newRateStart) return { scenario: 4, action: 'none' };
  if (isOpen(record)) return { scenario: 1, action: 'split', priorEnd: dayBefore(newRateStart), newStart: newRateStart };
  // Started before the date and has an end date: before the date (3), or on or after it (5).
  return (record.end as string) < newRateStart ? { scenario: 3, action: 'none' } : { scenario: 5, action: 'none' };
}

export function sameCosts(a: Costs, b: Costs): boolean {
  return a.employee === b.employee && a.employer === b.employer && a.total === b.total;
}
