/** The words of a rate change preview or run, for the pane's message (pure, tested beside). */
import type { RateChangePreview, RateChangeRun, ScenarioTotal } from '../contract/rate-change';

const records = (n: number) => `${n} ${n === 1 ? 'record' : 'records'}`;

function perScenario(totals: ScenarioTotal[], verb: string): string[] {
  return totals.filter((t) => t.records > 0).map((t) => `Scenario ${t.scenario}: ${records(t.records)}, ${t.changed} ${verb}.`);
}

export function previewSummary(p: RateChangePreview): string[] {
  const changing = p.byScenario.reduce((n, t) => n + t.changed, 0);
  return [`Preview ${p.previewId}: ${records(p.total)} selected; a run will change ${records(changing)} as of ${p.newRateStart}. Check the sheet, then click Run rate change.`, ...perScenario(p.byScenario, 'to change')];
}

export function runSummary(r: RateChangeRun): string[] {
  const head = r.status === 'completed' ? `Rate change done: ${records(r.changed)} changed of ${records(r.total)}. Each record's Outcome is in the sheet.` : (r.message ?? 'The rate change stopped before it finished. Preview again and run it.');
  return [head, ...perScenario(r.byScenario, 'changed'), r.payroll];
}
