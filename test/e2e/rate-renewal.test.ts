/**
 * One rate renewal as a benefits professional does it: change a rate line as of the renewal date in Benefit Rates,
 * upload it, preview the Global Benefit Rate Change, check the preview, run it, and read each record's outcome:
 * the demo data's five scenario records (new rate from 1/1/2027, helper "setup").
 */
import type { Page } from 'playwright-core';
import { benefitRatesDefinition } from '../../server/workbooks/benefit-rates/definition';
import { rateChangePreviewDefinition } from '../../server/workbooks/rate-change/definition';
import { createLayout } from '../../src/core/sheet-layout';
import { openSignedInPane, type PaneSession } from './pane-driver';

jest.setTimeout(180000);

const columns = (definition: Parameters<typeof createLayout>[0]) => Object.fromEntries(createLayout(definition, 'en-US').dataColumns.map((c) => [c.key, c.index]));
const RATES = columns(benefitRatesDefinition);
const PREVIEW = columns(rateChangePreviewDefinition);

let session: PaneSession | undefined;
let page: Page;
let pane: PaneSession['pane'];

beforeAll(async () => {
  session = await openSignedInPane({ pollMs: 100 });
  ({ page, pane } = session);
});

afterAll(() => session?.close());

/** The preview sheet row of a person's Blue Shield record (Benefit Rate ID 7). */
async function recordOf(personNumber: string): Promise<Record<string, string>> {
  const rows = await page.locator(`td[data-col="${PREVIEW.personNumber}"]`, { hasText: new RegExp(`^${personNumber}$`) }).evaluateAll((tds) => tds.map((td) => Number(td.getAttribute('data-row'))));
  for (const row of rows) {
    if ((await pane.cell(row, PREVIEW.rateId).textContent()) !== '7') continue;
    const entries = await Promise.all(Object.entries(PREVIEW).map(async ([key, col]) => [key, (await pane.cell(row, col).textContent()) ?? ''] as const));
    return Object.fromEntries(entries);
  }
  throw new Error(`no Benefit Rate ID 7 row for ${personNumber}`);
}

it('when a rate line is changed as of the renewal date and the global rate change is previewed and run, then the five scenario records show their outcomes', async () => {
  // The renewal: Blue Shield 20% Individual from 1/1/2027 becomes 3,600 (employee 800, employer 2,800).
  await pane.prepare('Benefit Rates', '2027-01-01');
  const line = await pane.rowWhere(RATES.rateId, '7');
  await pane.type(line, RATES.totalCost, '3600');
  await pane.type(line, RATES.employerPortion, '2800');
  await pane.upload(/^1 row uploaded: 1 updated\.$/);

  await page.getByLabel('Start Date for New Rate').fill('2027-01-01');
  await page.getByRole('button', { name: 'Preview rate change' }).click();
  await pane.showsText(pane.cell(0, 0), 'Rate Change Preview');
  await page.getByText(/^Preview \d+: \d+ records selected; a run will change/).waitFor();
  expect(await recordOf('P10002')).toMatchObject({ scenario: '1', outcome: 'Not run yet', oldTotal: '3000', newTotal: '3600', newEmployer: '2800' });
  expect(await recordOf('P10003')).toMatchObject({ scenario: '2', newTotal: '3600' });

  await page.getByRole('button', { name: 'Run rate change' }).click();
  await page.getByText(/^Rate change done: 2 records changed of \d+ records\./).waitFor();
  await page.getByText(/^Payroll deductions are not changed by a rate change\./).waitFor();
  const outcomes = await Promise.all(['P10002', 'P10003', 'P10004', 'P10007', 'P10008'].map(async (p) => [(await recordOf(p)).scenario, (await recordOf(p)).outcome]));
  expect(outcomes).toEqual([
    ['1', 'Changed: end-dated 2026-12-31; new record from 2027-01-01 with the new rates.'],
    ['2', 'Changed: updated in place with the new rates.'],
    ['3', 'No change (scenario 3).'],
    ['4', 'No change (scenario 4).'],
    ['5', 'No change (scenario 5).'],
  ]);
});
