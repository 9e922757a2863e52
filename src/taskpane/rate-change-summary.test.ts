import type { RateChangeRun } from '../contract/rate-change';
import { previewSummary, runSummary } from './rate-change-summary';

const totals = (changed: number[]) => [1, 2, 3, 4, 5].map((scenario, i) => ({ scenario, words: '', records: [2, 1, 1, 0, 1][i], changed: changed[i] }));

describe('rate change summary', () => {
  it('when a preview is shown, then it counts the records and what a run will change, per scenario present', () => {
    expect(previewSummary({ previewId: 4, newRateStart: '2027-01-01', total: 5, byScenario: totals([1, 1, 0, 0, 0]), sheet: { kind: 'rate-change-preview', filter: '4' } })).toEqual([
      'Preview 4: 5 records selected; a run will change 2 records as of 2027-01-01. Check the sheet, then click Run rate change.',
      'Scenario 1: 2 records, 1 to change.',
      'Scenario 2: 1 record, 1 to change.',
      'Scenario 3: 1 record, 0 to change.',
      'Scenario 5: 1 record, 0 to change.',
    ]);
  });

  it('when a run ends, then the result says what changed and that payroll deductions were not touched', () => {
    const run: RateChangeRun = { runId: 1, previewId: 4, newRateStart: '2027-01-01', status: 'completed', total: 5, done: 5, changed: 1, byScenario: totals([1, 0, 0, 0, 0]), message: null, payroll: 'Payroll deductions are not changed.' };
    const lines = runSummary(run);
    expect(lines[0]).toBe("Rate change done: 1 record changed of 5 records. Each record's Outcome is in the sheet.");
    expect(lines[lines.length - 1]).toBe('Payroll deductions are not changed.');
    expect(runSummary({ ...run, status: 'failed', message: 'The rate change stopped.' })[0]).toBe('The rate change stopped.');
  });
});
