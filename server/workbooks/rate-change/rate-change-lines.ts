/**
 * Pure: what a rate change does to each covered record (its preview line), and the preview's fingerprint.
 * seed: the new rates are the rate line's in effect on the new rate's start date; for a Percent line the portions
 * are percentages of the total.
 */
import { createHash } from 'node:crypto';
import { decideScenario, SCENARIO_WORDS, sameCosts, type Costs, type Scenario } from './rate-change-scenarios';
import type { CoveredRecord } from './rate-change-preview.repository';

export interface PreviewLine {
  lineNo: number;
  recordKey: string;
  recordStart: string;
  personNumber: string;
  scenario: Scenario;
  action: 'split' | 'update' | 'none';
  oldCosts: Costs;
  /** The costs the record gets; null when the run does not change it (scenarios 3–5, or rates already in effect). */
  newCosts: Costs | null;
  /** The rate line's costs on the date, changed or not: a rate changed since the preview makes it stale (not stored). */
  rateCosts: Costs | null;
  /** What the sheet shows and the run checks the record against. */
  facts: {
    end: string;
    version: number;
    personName: string;
    employeeGroup: string | null;
    benefitId: number;
    benefitName: string;
    coverageType: string | null;
    rateId: number;
    /** The new rate line's allocation and, for Percent lines, the percentages stored on the record. */
    allocation: 'Dollar' | 'Percent' | null;
    percents: { employee: number; employer: number } | null;
    /** Why a record of scenario 1 or 2 is not changed, when it is not. */
    note: string | null;
    /** The new record's start and the prior record's end (scenario 1). */
    priorEnd: string | null;
  };
}

const cents = (n: number) => Math.round(n * 100) / 100;

function newCostsOf(r: CoveredRecord): { costs: Costs; percents: PreviewLine['facts']['percents'] } | null {
  if (r.new_total === null || r.new_employee === null || r.new_employer === null) return null;
  const total = Number(r.new_total);
  if (r.new_allocation === 'Percent') {
    const employee = Number(r.new_employee);
    const employer = Number(r.new_employer);
    return { costs: { employee: cents((total * employee) / 100), employer: cents((total * employer) / 100), total }, percents: { employee, employer } };
  }
  return { costs: { employee: Number(r.new_employee), employer: Number(r.new_employer), total }, percents: null };
}

export function previewLines(records: CoveredRecord[], newRateStart: string): PreviewLine[] {
  return records.map((r, i) => {
    const decision = decideScenario({ start: r.start, end: r.end }, newRateStart);
    const oldCosts = { employee: Number(r.employee_portion), employer: Number(r.employer_portion), total: Number(r.total_cost) };
    const next = newCostsOf(r);
    let action = decision.action;
    let note: string | null = null;
    if (action !== 'none' && !next) {
      action = 'none';
      note = `Not changed: Benefit Rate ID ${r.rate_id} has no rate in effect on ${newRateStart}. Enter its rate in the Benefit Rates workbook as of that date first.`;
    } else if (action !== 'none' && next && sameCosts(oldCosts, next.costs)) {
      // A re-run, or a benefit whose rates did not change: nothing to split or update.
      action = 'none';
      note = `Not changed: the record already has the rates in effect on ${newRateStart}.`;
    }
    return {
      lineNo: i + 1,
      recordKey: r.key,
      recordStart: r.start,
      personNumber: r.person_number,
      scenario: decision.scenario,
      action,
      oldCosts,
      // seed: scenarios 3, 4 and 5 are not changed, so they get no new cost (the sheet leaves it blank).
      newCosts: action === 'none' ? null : (next?.costs ?? null),
      rateCosts: next?.costs ?? null,
      facts: {
        end: r.end,
        version: r.version,
        personName: r.person_name,
        employeeGroup: r.employee_group,
        benefitId: r.benefit_id,
        benefitName: r.benefit_name,
        coverageType: r.coverage_type,
        rateId: r.rate_id,
        allocation: r.new_allocation,
        percents: next?.percents ?? null,
        note,
        priorEnd: decision.action === 'split' ? decision.priorEnd : null,
      },
    };
  });
}

/** What the run would do, as one hash: Run refuses when the data gives another one than the preview did. */
export function fingerprintOf(lines: PreviewLine[]): string {
  const essence = lines.map((l) => [l.recordKey, l.recordStart, l.facts.end, l.facts.version, l.scenario, l.action, l.oldCosts, l.rateCosts]);
  return createHash('sha256').update(JSON.stringify(essence)).digest('hex');
}

/** The words the preview shows for a line: the seed's scenario words, or why a change is not needed. */
export function whatHappens(line: { scenario: Scenario; facts: { note: string | null } }): string {
  return line.facts.note ?? SCENARIO_WORDS[line.scenario];
}
