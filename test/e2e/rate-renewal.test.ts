/**
 * One rate renewal as a benefits professional does it: change a rate line as of the renewal date in Benefit Rates,
 * upload it, preview the Global Benefit Rate Change, check the preview, run it, and read each record's outcome:
 * the demo data's five scenario records (new rate from 1/1/2027, helper "setup").
 */
import type { Page } from 'playwright-core';
import { benefitRatesDefinition } from '../../server/workbooks/benefit-rates/definition';
import { rateChangePreviewDefinition } from '../../server/workbooks/rate-change/definition';
import { createLayout } from '../../src/core/sheet-layout';
import { ENGINE_COL, openSignedInPane, type PaneSession } from './pane-driver';

jest.setTimeout(120000);
const FIRST_ROW = 2; // the first data row of a sheet

const columns = (definition: Parameters<typeof createLayout>[0]) => Object.fromEntries(createLayout(definition, 'en-US').dataColumns.map((c) => [c.key, c.index]));
const RATES = columns(benefitRatesDefinition);
const PREVIEW = columns(rateChangePreviewDefinition);

let session: PaneSession | undefined;
let page: Page;
let pane: PaneSession['pane'];

beforeAll(async () => {
  session = await openSignedInPane({ pollMs: 100 });
  ({ page, pane } = session);
  page.on('pageerror', (error) => console.error('page error:', error));
});

afterAll(() => session?.close());

/** The preview sheet row of a person's Blue Shield record (Benefit Rate ID 7), column key → shown text, read in one go. */
async function recordOf(personNumber: string): Promise<Record<string, string>> {
  const rows = await page.locator('td[data-row][data-col]').evaluateAll((tds) => {
    const byRow: Record<string, Record<string, string>> = {};
    for (const td of tds) (byRow[td.getAttribute('data-row')!] ??= {})[td.getAttribute('data-col')!] = td.textContent ?? '';
    return Object.values(byRow);
  });
  const row = rows.find((r) => r[PREVIEW.personNumber] === personNumber && r[PREVIEW.rateId] === '7');
  if (!row) throw new Error(`no Benefit Rate ID 7 row for ${personNumber}`);
  return Object.fromEntries(Object.entries(PREVIEW).map(([key, col]) => [key, row[col] ?? '']));
}

it('when a rate line is changed as of the renewal date and the global rate change is previewed and run, then the five scenario records show their outcomes', async () => {
  // The renewal: Blue Shield 20% Individual from 1/1/2027 becomes 3,600 (employee 800, employer 2,800).
  await pane.prepare('Benefit Rates', '2027-01-01').catch(async (error) => {
    console.error('pane says:', await page.locator('main').innerText());
    throw error;
  });
  const line = await pane.rowWhere(RATES.rateId, '7');
  await pane.type(line, RATES.totalCost, '3600');
  await pane.type(line, RATES.employerPortion, '2800');
  await pane.upload(/^1 row uploaded: 1 updated\.$/);

  await page.getByLabel('Start Date for New Rate').fill('2027-01-01');
  await page.getByRole('button', { name: 'Preview rate change' }).click();
  // The preview sheet's title, in its first shown column (the engine's columns A to C are hidden in a read-only sheet).
  await pane.showsText(pane.cell(0, ENGINE_COL.firstData), /^Rate Change Preview — Session effective date: 1\/1\/2027 — Preview number: \d+$/).catch(async (error) => {
    console.error('pane says:', await page.locator('main').innerText());
    throw error;
  });
  await page.getByText(/^Preview \d+: \d+ records selected; a run will change/).waitFor();
  expect(await recordOf('P10002')).toMatchObject({ scenario: '1', outcome: 'Not run yet', oldTotal: '3000', newTotal: '3600', newEmployer: '2800' });
  expect(await recordOf('P10003')).toMatchObject({ scenario: '2', newTotal: '3600' });
  // Records the run leaves alone show their old costs and no new ones (seed: scenarios 3, 4 and 5 are not changed).
  for (const [person, scenario] of [['P10004', '3'], ['P10007', '4'], ['P10008', '5']]) {
    expect(await recordOf(person)).toMatchObject({ scenario, oldTotal: '3000', newTotal: '', newEmployee: '', newEmployer: '', whatHappens: expect.stringMatching(/: no change$/) });
  }

  await page.getByRole('button', { name: 'Run rate change' }).click();
  await page.getByText(/^Rate change done: 2 records changed of \d+ records\./).waitFor();
  await page.getByText(/^Payroll deductions are not changed by a rate change\./).waitFor();
  // The totals per scenario: the scenario 1 and 2 records changed, none of 3, 4 and 5.
  for (const [scenario, changed] of [[1, 1], [2, 1], [3, 0], [4, 0], [5, 0]]) await page.getByText(new RegExp(`^Scenario ${scenario}: \\d+ records?, ${changed} changed\\.$`)).waitFor();
  await pane.showsText(pane.cell(FIRST_ROW, PREVIEW.outcome), /^(Changed|No change|Not changed)/); // the sheet downloaded again
  const outcomes = [];
  for (const p of ['P10002', 'P10003', 'P10004', 'P10007', 'P10008']) {
    const r = await recordOf(p);
    outcomes.push([r.scenario, r.outcome]);
  }
  expect(outcomes).toEqual([
    ['1', 'Changed: end-dated 2026-12-31; new record from 2027-01-01 with the new rates.'],
    ['2', 'Changed: updated in place with the new rates.'],
    ['3', 'No change (scenario 3).'],
    ['4', 'No change (scenario 4).'],
    ['5', 'No change (scenario 5).'],
  ]);
});
