/** Never losing work, as a user clicks: Prepare asks before it replaces unsent edits; Cancel stops an upload cleanly. */
import type { Page } from 'playwright-core';
import { ENGINE_COL, openSignedInPane, type PaneSession } from './pane-driver';

jest.setTimeout(240000);

const C = { personNumber: 3, group: 5 };
let session: PaneSession | undefined;
let page: Page;
let pane: PaneSession['pane'];

beforeAll(async () => {
  // Uploads go two rows per chunk, so a handful of edits makes several chunks to cancel between.
  session = await openSignedInPane(undefined, '?chunkRows=2');
  ({ page, pane } = session);
  page.on('pageerror', (error) => console.error('page error:', error));
});

afterAll(() => session?.close());

/** Picks another group than the row shows; answers the one it picked. */
async function changeGroup(row: number): Promise<string> {
  const now = (await pane.cell(row, C.group).textContent()) ?? '';
  const next = now === 'Interns' ? 'Retirees' : 'Interns';
  await pane.pick(row, C.group, next);
  await pane.cell(row, ENGINE_COL.status).click();
  return next;
}

it('when Prepare would replace a sheet with unsent edits, then it asks first, saying how many rows, and replaces it only when confirmed', async () => {
  await pane.prepare('Person Benefit Groups', '2026-01-01');
  const row = await pane.rowWhere(C.personNumber, 'P10002');
  const before = (await pane.cell(row, C.group).textContent()) ?? '';
  const picked = await changeGroup(row);
  await pane.showsText(pane.cell(row, ENGINE_COL.changed), '✓');

  await page.getByRole('button', { name: 'Prepare in workbook' }).click();
  const dialog = page.getByRole('dialog', { name: 'Replace the sheet?' });
  await pane.showsText(dialog, '1 row has changes that are not uploaded');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await dialog.waitFor({ state: 'detached' });
  expect(await pane.cell(row, C.group).textContent()).toBe(picked); // kept

  await page.getByRole('button', { name: 'Prepare in workbook' }).click();
  await dialog.getByRole('button', { name: 'Replace the sheet' }).click();
  await pane.showsText(pane.cell(row, C.group), before);
  await pane.showsText(pane.cell(row, ENGINE_COL.changed), /^$/);
});

it('when Cancel is clicked during an upload, then the chunk on its way finishes with statuses and the unsent rows keep their Changed mark', async () => {
  await pane.prepare('Person Benefit Groups', '2026-01-01');
  const rows: number[] = [];
  for (const person of ['P10003', 'P10004', 'P10005', 'P10006', 'P10008', 'P10009']) {
    const row = await pane.rowWhere(C.personNumber, person);
    await changeGroup(row);
    rows.push(row);
  }
  // The first chunk is held on its way until Cancel has been clicked.
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  let arrived!: () => void;
  const onItsWay = new Promise<void>((resolve) => (arrived = resolve));
  let first = true;
  await page.route('**/uploads', async (route) => {
    if (first) {
      first = false;
      arrived();
      await held;
    }
    await route.continue();
  });

  await page.getByRole('button', { name: 'Upload changes' }).click();
  await onItsWay;
  await page.getByRole('button', { name: 'Cancel' }).click();
  await page.getByText(/Stopping after this chunk/).waitFor();
  release();

  await page.getByText(/^2 rows uploaded: 2 updated\. Cancelled: 4 rows not sent keep their Changed mark; upload again to send them\.$/).waitFor();
  expect(await Promise.all(rows.map((r) => pane.status(r)))).toEqual(['Updated', 'Updated', '', '', '', '']);
  expect(await Promise.all(rows.map((r) => pane.cell(r, ENGINE_COL.changed).textContent()))).toEqual(['', '', '✓', '✓', '✓', '✓']);
  await page.unroute('**/uploads');

  await pane.upload(/^4 rows uploaded: 4 updated\.$/);
  expect(await Promise.all(rows.map((r) => pane.status(r)))).toEqual(rows.map(() => 'Updated'));
});
