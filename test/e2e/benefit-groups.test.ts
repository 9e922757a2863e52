/**
 * As a user would: the real task pane in headless Chromium, on the preview page (the pane beside the simulated sheet),
 * against the real server on the embedded database with demo data.
 */
import fs from 'node:fs';
import path from 'node:path';
import axios from 'axios';
import type { Browser, Locator, Page } from 'playwright-core';
import { startServer, type RunningServer } from '../../server/main';
import { pgliteTemplate } from '../../server/test-support/templates';
import { launchChromium } from './browser';

jest.setTimeout(240000);

const OUTPUT = path.resolve(__dirname, '..', 'output');
const DATE = '2026-01-01';
const COL = { changed: 0, mark: 1, status: 2, personNumber: 3, personName: 4, group: 5 };
let server: RunningServer;
let browser: Browser;
let page: Page;

const cell = (row: number, col: number) => page.locator(`td[data-row="${row}"][data-col="${col}"]`);

async function rowOf(personNumber: string): Promise<number> {
  const found = page.locator(`td[data-col="${COL.personNumber}"]`, { hasText: new RegExp(`^${personNumber}$`) });
  return Number(await found.first().getAttribute('data-row'));
}

/** Waits until the element shows this text (the pane and grid update asynchronously). */
const showsText = (locator: Locator, text: string | RegExp) => locator.filter({ hasText: text }).first().waitFor();

async function pick(row: number, col: number, value: string): Promise<void> {
  await cell(row, col).click();
  await cell(row, col).getByLabel('Pick a value').selectOption(value);
}

async function type(row: number, col: number, value: string): Promise<void> {
  await cell(row, col).dblclick();
  const input = cell(row, col).getByLabel('Edit cell');
  await input.fill(value);
  await input.press('Enter');
}

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer({ port: 0, staticDir: process.env.BW_PANE_DIR, loadDataDir: pgliteTemplate() }), launchChromium()]);
  page = await browser.newPage({ viewport: { width: 1500, height: 900 } });
  page.on('pageerror', (error) => console.error('page error:', error));
  await page.goto(`${server.url}/preview.html`);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

it('when a user prepares, edits, adds, marks for deletion and uploads, then each row shows its status and the server holds the changes', async () => {
  await page.getByLabel('User name').fill('demo');
  await page.getByLabel('Password').fill('demo123');
  await page.getByRole('button', { name: 'Sign in' }).click();

  await page.getByLabel('Session effective date').fill(DATE);
  await page.getByRole('button', { name: 'Prepare in workbook' }).click();
  await showsText(cell(0, 0), 'Person Benefit Groups — Session effective date:'); // the sheet's title row, not the pane's heading
  await page.getByRole('button', { name: 'Upload changes' }).waitFor();

  // Edit two rows by dropdown (Excel raises no change event for a pick): the Changed cell marks the row at once.
  const first = await rowOf('P10002');
  const second = await rowOf('P10004');
  await pick(first, COL.group, 'Executives');
  await showsText(cell(first, COL.changed), /^✓$/);
  await pick(second, COL.group, 'Retirees');
  // A locked cell refuses typing, as Excel does.
  await type(first, COL.personName, 'Someone Else');
  await page.getByRole('alert').filter({ hasText: 'protected' }).waitFor();

  // Add one valid and one invalid new row in the blank rows below the data.
  await page.getByRole('button', { name: 'Next rows' }).click();
  const rows = await page.locator(`td[data-col="${COL.personNumber}"]`).evaluateAll((tds) => tds.filter((td) => /^P\d+$/.test(td.textContent ?? '')).map((td) => Number(td.getAttribute('data-row'))));
  const blank = Math.max(...rows) + 1;
  await type(blank, COL.personNumber, 'P10010');
  await pick(blank, COL.group, 'Interns');
  await type(blank + 1, COL.personNumber, 'P99999');
  await pick(blank + 1, COL.group, 'Interns');
  await page.getByRole('button', { name: 'Previous rows' }).click();

  // Mark one row for deletion with the pane button.
  const doomed = await rowOf('P10005');
  await page.locator(`th[data-row-header="${doomed}"]`).click();
  await page.getByRole('button', { name: 'Mark selected rows for deletion' }).click();
  await showsText(cell(doomed, COL.mark), /^X$/);

  await page.getByRole('button', { name: 'Upload changes' }).click();
  await page.getByText(/3 rows uploaded: 1 inserted, 2 updated\. 1 row failed/).waitFor();

  expect(await cell(first, COL.status).textContent()).toBe('Updated');
  expect(await cell(second, COL.status).textContent()).toBe('Updated');
  expect(await cell(doomed, COL.status).textContent()).toBe(''); // Upload does not delete
  await page.getByRole('button', { name: 'Next rows' }).click();
  expect(await cell(blank, COL.status).textContent()).toBe('Inserted');
  expect(await cell(blank, COL.personName).textContent()).toBe('Jamal Ivanova');
  expect(await cell(blank + 1, COL.status).textContent()).toBe('Upload Failed');

  // The failed row's errors, by selecting it, and in the failed-rows list.
  await cell(blank + 1, COL.status).click();
  await showsText(page.getByRole('region', { name: 'Errors in the selected row' }), 'Person Number: There is no person with number "P99999"');
  await showsText(page.getByRole('list', { name: 'Failed rows' }), `Row ${blank + 2}:`);

  // Filter the sheet by Status, as benefits professionals do after an upload: only the failed row stays in view.
  await page.getByLabel('Filter column').selectOption({ label: 'Status' });
  await page.getByLabel('Show only').selectOption({ label: 'Upload Failed' });
  await cell(blank, COL.status).waitFor({ state: 'detached' });
  expect(await cell(blank + 1, COL.status).textContent()).toBe('Upload Failed');
  expect(await page.locator(`td[data-col="${COL.status}"]`, { hasText: /^Updated$/ }).count()).toBe(0);
  await page.getByLabel('Show only').selectOption({ label: '(Show all)' });
  await cell(blank, COL.status).waitFor();

  fs.mkdirSync(OUTPUT, { recursive: true });
  await page.screenshot({ path: path.join(OUTPUT, 'benefit-groups-after-upload.png') });

  await page.getByRole('button', { name: 'Previous rows' }).click();
  await page.getByRole('button', { name: 'Delete marked rows' }).click();
  await showsText(page.getByRole('dialog'), 'Deleted data cannot be retrieved');
  await page.getByRole('button', { name: 'Delete rows' }).click();
  await page.getByText('1 row deleted: 1 deleted.').waitFor();
  expect(await cell(doomed, COL.status).textContent()).toBe('Deleted');
  expect(await page.getByRole('button', { name: 'Upload changes' }).isEnabled()).toBe(true);

  // What the server now holds.
  const api = axios.create({ baseURL: server.url });
  const { token } = (await api.post('/api/auth/sign-in', { username: 'demo', password: 'demo123' })).data;
  const rowsOn = async (date: string) =>
    (await api.get(`/api/workbooks/person-benefit-groups/rows`, { params: { effectiveDate: date, limit: 1000 }, headers: { authorization: `Bearer ${token}` } })).data.rows as Array<{ values: Record<string, string> }>;
  const now = new Map((await rowsOn(DATE)).map((r) => [r.values.personNumber, r.values]));
  expect(now.get('P10002')).toMatchObject({ benefitsGroup: 'Executives', startDate: DATE });
  expect(now.get('P10004')).toMatchObject({ benefitsGroup: 'Retirees', startDate: DATE });
  expect(now.get('P10010')).toMatchObject({ benefitsGroup: 'Interns', startDate: DATE });
  expect(now.has('P10005')).toBe(false);
  expect(now.has('P99999')).toBe(false);
  const before = new Map((await rowsOn('2025-06-01')).map((r) => [r.values.personNumber, r.values]));
  expect(before.get('P10002')).toMatchObject({ benefitsGroup: 'Hourly Employees', endDate: '2025-12-31' }); // history kept, end-dated
});

it('when a user prepares with a pasted list of person numbers, then the sheet holds only their rows and its title names the search', async () => {
  const numbers = page.getByLabel('Person numbers', { exact: true });
  await numbers.fill('P1X');
  await page.getByText(/^P1X is not a person number/).waitFor(); // said at once, nothing is asked of the server
  expect(await page.getByRole('button', { name: 'Prepare in workbook' }).isDisabled()).toBe(true);
  await numbers.fill('P10002\nP10004\tP99999');
  await page.getByRole('button', { name: 'Prepare in workbook' }).click();
  // The failed new row of the test before is still unsent: Prepare asks first.
  const replace = page.getByRole('dialog', { name: 'Replace the sheet?' });
  await replace.getByRole('button', { name: 'Replace the sheet' }).click();
  await showsText(cell(0, 0), 'Person numbers: P10002, P10004, P99999');
  expect(await cell(0, 0).textContent()).toBe('Person Benefit Groups — Session effective date: 1/1/2026 — Person numbers: P10002, P10004, P99999');
  const shown = await page.locator(`td[data-col="${COL.personNumber}"]`).evaluateAll((tds) => tds.map((td) => td.textContent ?? '').filter((t) => /^P\d+$/.test(t)));
  expect(shown).toEqual(['P10002', 'P10004']);
  await showsText(page.getByLabel('Person numbers not found'), 'P99999');
  fs.mkdirSync(OUTPUT, { recursive: true });
  await page.screenshot({ path: path.join(OUTPUT, 'benefit-groups-search.png') });
});
