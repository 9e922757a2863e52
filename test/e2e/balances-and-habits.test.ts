/** One upload on each of the other two workbooks, each with a failing row, as a user clicks. */
import type { Page } from 'playwright-core';
import { demoPersons } from '../../server/demo/persons';
import { openSignedInPane, type PaneSession } from './pane-driver';

jest.setTimeout(240000);

let session: PaneSession | undefined;
let page: Page;
let pane: PaneSession['pane'];

beforeAll(async () => {
  session = await openSignedInPane();
  ({ page, pane } = session);
});

afterAll(() => session?.close());

/** The page holding the first blank row after the data (blank rows below it have a Changed formula, so the sheet goes on past them). */
async function lastPage() {
  const next = page.getByRole('button', { name: 'Next rows' });
  const dataEndsHere = () =>
    page.locator(`td[data-col="3"]`).evaluateAll((tds) => {
      const rows = tds.map((td) => Number(td.getAttribute('data-row')));
      const filled = tds.filter((td) => (td.textContent ?? '') !== '').map((td) => Number(td.getAttribute('data-row')));
      return Math.max(...filled) < Math.max(...rows);
    });
  while (!(await dataEndsHere()) && (await next.isEnabled())) await next.click();
}

async function firstPage() {
  const previous = page.getByRole('button', { name: 'Previous rows' });
  while (await previous.isEnabled()) await previous.click();
}

it('when a balance value is edited and a new balance names both an assignment and a relationship, then one is Updated and the other fails naming both columns', async () => {
  const C = { personNumber: 3, balanceName: 5, value: 6, assignment: 7, relationship: 8 };
  await pane.prepare('Person Benefit Balances', '2026-01-01');
  const flex = await pane.rowWhere(C.personNumber, 'P10002'); // Flex Credits sorts first
  await pane.type(flex, C.value, '1234');

  await lastPage();
  const blank = await pane.firstBlankRow(C.personNumber);
  await pane.type(blank, C.personNumber, 'P10003');
  await pane.pick(blank, C.balanceName, 'Vacation Buy Hours');
  await pane.type(blank, C.value, '40');
  await pane.type(blank, C.assignment, 'E10003-1');
  await pane.pick(blank, C.relationship, 'Default');

  await pane.upload(/1 row uploaded: 1 updated\. 1 row failed/);
  expect(await pane.status(blank)).toBe('Upload Failed');
  await pane.cell(blank, 2).click();
  const errors = page.getByRole('region', { name: 'Errors in the selected row' });
  await pane.showsText(errors, 'Primary Assignment: Enter either a Primary Assignment or a Benefits Relationship, not both');
  await pane.showsText(errors, 'Benefits Relationship: Enter either');

  // Fix it: clear the relationship, upload again; only this row goes.
  await pane.clear(blank, C.relationship);
  await pane.upload(/^1 row uploaded: 1 inserted\.$/);
  expect(await pane.status(blank)).toBe('Inserted');
  await firstPage();
  expect(await pane.status(flex)).toBe('Updated');
  expect(await pane.cell(flex, C.value).textContent()).toBe('1234');
});

it('when a dependent’s tobacco use is edited and habits are added by name and birth date, then the full match is inserted and the partial one fails', async () => {
  const C = { personNumber: 3, firstName: 4, lastName: 5, dateOfBirth: 6, personType: 7, tobaccoUse: 11 };
  await pane.prepare('Person Habits', '2026-01-01');
  const dependent = await pane.rowWhere(C.personNumber, 'P10005');
  expect(await pane.cell(dependent, C.personType).textContent()).toBe('Dependent');
  // Scrolled right to the habit columns, the person is still named: Person Number and names are frozen.
  expect(await pane.scrollRight(2000)).toBeGreaterThan(0);
  expect(await pane.inView(dependent, C.tobaccoUse + 1)).toBe(true);
  for (const col of [C.personNumber, C.firstName, C.lastName]) expect(await pane.inView(dependent, col)).toBe(true);
  expect(await pane.inView(dependent, C.dateOfBirth)).toBe(false); // not frozen: scrolled away
  await pane.scrollRight(-2000);
  await pane.pick(dependent, C.tobaccoUse, 'Tobacco user');

  const newcomer = demoPersons(300)[6]; // P10007 has no habits yet
  const [y, m, d] = newcomer.date_of_birth.split('-').map(Number);
  await lastPage();
  const blank = await pane.firstBlankRow(C.personNumber);
  await pane.type(blank, C.firstName, newcomer.first_name);
  await pane.type(blank, C.lastName, newcomer.last_name);
  await pane.type(blank, C.dateOfBirth, `${m}/${d}/${y}`); // typed in the user's own date format
  await pane.pick(blank, C.personType, 'Participant');
  await pane.type(blank + 1, C.firstName, newcomer.first_name);
  await pane.type(blank + 1, C.lastName, newcomer.last_name);
  await pane.pick(blank + 1, C.personType, 'Participant');

  await pane.upload(/2 rows uploaded: 1 inserted, 1 updated\. 1 row failed/);
  expect(await pane.status(blank)).toBe('Inserted');
  expect(await pane.cell(blank, C.personNumber).textContent()).toBe('P10007');
  expect(await pane.status(blank + 1)).toBe('Upload Failed');
  await pane.cell(blank + 1, 2).click();
  await pane.showsText(page.getByRole('region', { name: 'Errors in the selected row' }), 'Date of Birth: Without a Person Number');
  await firstPage();
  expect(await pane.status(dependent)).toBe('Updated');
});

it('when the person switches sheet tabs, then the pane names the sheet on screen at once and acts on it', async () => {
  const tabs = page.getByRole('tablist', { name: 'Sheets' });
  await tabs.getByRole('tab', { name: 'Person Benefit Balances' }).click(); // no cell clicked: only the tab changes
  await page.getByRole('heading', { name: /^Person Benefit Balances — Session effective date/ }).waitFor();
  expect(await page.getByRole('heading', { name: /^Person Habits — / }).count()).toBe(0);
  // Upload acts on the sheet named: Balances has nothing left to send (Habits still has its failed row).
  await pane.upload(/^No changed rows to upload\.$/);

  await tabs.getByRole('tab', { name: 'Person Habits' }).click();
  await page.getByRole('heading', { name: /^Person Habits — Session effective date/ }).waitFor();
  await pane.upload(/1 row failed/);
});
