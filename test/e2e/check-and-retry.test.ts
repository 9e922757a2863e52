/**
 * Check changes, "Did you mean" and Retry failed rows, as a benefits professional clicks them: the real pane in
 * headless Chromium on the preview page, against the real server on the embedded database with demo data.
 */
import type { Page } from 'playwright-core';
import { ENGINE_COL, openSignedInPane, type PaneSession } from './pane-driver';

jest.setTimeout(240000);

const GROUP = 5; // Changed, Mark for Deletion, Status, Person Number, Person Name, Benefits Group
const PERSON = 3;
let session: PaneSession | undefined;
let page: Page;
let pane: PaneSession['pane'];

beforeAll(async () => {
  session = await openSignedInPane();
  ({ page, pane } = session);
});

afterAll(() => session?.close());

/** Pastes text into the cell, as from the clipboard: Excel does not check a paste against the dropdown's list. */
async function paste(row: number, col: number, text: string) {
  await pane.cell(row, col).click();
  await pane.cell(row, col).evaluate((td, value) => {
    const data = new DataTransfer();
    data.setData('text/plain', value);
    td.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
  await pane.cell(row, ENGINE_COL.status).click(); // move on, so the cell shows its text rather than its dropdown
  await pane.showsText(pane.cell(row, col), value(text));
}

const value = (text: string) => new RegExp(`^${text}$`);
const changed = (row: number) => pane.cell(row, ENGINE_COL.changed).textContent();

async function pickOther(row: number) {
  const now = await pane.cell(row, GROUP).textContent();
  await pane.pick(row, GROUP, now === 'Interns' ? 'Executives' : 'Interns');
  await pane.showsText(pane.cell(row, ENGINE_COL.changed), /^✓$/);
  await pane.cell(row, ENGINE_COL.status).click();
}

it('when changes are checked, a typo fixed with "Use Retirees" and the failed rows retried, then only those rows are sent', async () => {
  // Person Benefit Groups is the workbook the pane offers first.
  await page.getByLabel('Session effective date').fill('2026-01-01');
  await page.getByRole('button', { name: 'Prepare in workbook' }).click();
  await page.getByRole('button', { name: 'Check changes' }).waitFor({ timeout: 90000 }); // a busy machine prepares slowly
  await pane.showsText(pane.cell(2, PERSON), /^P10001$/);
  const [edited, typo1, typo2, wrong, later] = await Promise.all(['P10002', 'P10004', 'P10005', 'P10008', 'P10012'].map((p) => pane.rowWhere(PERSON, p)));
  await pickOther(edited);
  await paste(typo1, GROUP, 'Retiree');
  await paste(typo2, GROUP, 'Retiree');
  await paste(wrong, GROUP, 'Gold Plated');

  // Check: each changed row says what an upload would do; nothing is saved and the rows stay Changed.
  await page.getByRole('button', { name: 'Check changes' }).click();
  await page.getByText(/^Checked 4 rows: 1 will be updated, 3 will fail\. Nothing was uploaded/).waitFor();
  expect(await pane.status(edited)).toBe('Will update');
  expect(await pane.status(typo1)).toBe('Will fail: There is no benefits group named "Retiree". Pick a group from the list. Did you mean "Retirees"?');
  expect(await pane.status(wrong)).toMatch(/^Will fail: There is no benefits group named "Gold Plated"/);
  expect(await changed(edited)).toBe('✓');

  await pane.upload(/^1 row uploaded: 1 updated\. 3 rows failed/);
  expect(await pane.status(edited)).toBe('Updated');

  // Did you mean: from the failed-rows list, one click puts "Retirees" in both cells with the typo.
  await page.getByRole('list', { name: 'Failed rows' }).getByRole('link', { name: new RegExp(`^Row ${typo1 + 1}:`) }).click();
  const suggestions = page.getByRole('group', { name: 'Suggestions' });
  await suggestions.getByRole('button', { name: 'Use Retirees in every Benefits Group cell with this typo' }).click();
  await page.getByText('Put "Retirees" in 2 cells. Upload changes (or Retry failed rows) to save.').waitFor();
  expect([await pane.cell(typo1, GROUP).textContent(), await pane.cell(typo2, GROUP).textContent()]).toEqual(['Retirees', 'Retirees']);

  // Fix the last failed row by hand; edit another row that is not to be sent yet.
  await pane.pick(wrong, GROUP, 'Interns');
  await pane.cell(wrong, ENGINE_COL.status).click();
  await pickOther(later);

  await page.getByRole('button', { name: 'Retry failed rows' }).click();
  const result = page.getByLabel('Upload result');
  await result.waitFor({ timeout: 90000 });
  expect(await result.textContent()).toBe('3 rows uploaded: 3 updated.');
  expect([await pane.status(typo1), await pane.status(typo2), await pane.status(wrong)]).toEqual(['Updated', 'Updated', 'Updated']);
  expect(await pane.status(later)).toBe('');
  expect(await changed(later)).toBe('✓');
});
