/**
 * A conflict resolved cell by cell, as a user clicks: another user changes two rows over the API after the pane
 * downloaded them; the pane's upload answers Conflict for both; one is resolved Keep mine, the other Take theirs.
 */
import axios from 'axios';
import type { Page } from 'playwright-core';
import { ENGINE_COL, openSignedInPane, type PaneSession } from './pane-driver';

jest.setTimeout(240000);

const KIND = 'person-benefit-groups';
const DATE = '2026-01-01';
const GROUP = 5;
let session: PaneSession | undefined;
let page: Page;
let pane: PaneSession['pane'];

beforeAll(async () => {
  session = await openSignedInPane();
  ({ page, pane } = session);
  page.setDefaultTimeout(120000); // the machine may be busy: wait for the pane as long as the test allows
  page.on('pageerror', (error) => console.error('page error:', error));
});
afterAll(() => session?.close());

/** Another user's session on the same server, over the API. */
async function otherUser() {
  const api = axios.create({ baseURL: new URL(page.url()).origin });
  const { token } = (await api.post('/api/auth/sign-in', { username: 'demo', password: 'demo123' })).data;
  const headers = { authorization: `Bearer ${token}` };
  const rows = async () => (await api.get(`/api/workbooks/${KIND}/rows`, { params: { effectiveDate: DATE, limit: 1000 }, headers })).data.rows as Array<{ key: string; version: number; values: Record<string, string> }>;
  return {
    rows,
    async change(personNumber: string, group: string) {
      const row = (await rows()).find((r) => r.values.personNumber === personNumber)!;
      const rowsToSend = [{ rowId: 1, op: 'update', key: row.key, version: row.version, values: { benefitsGroup: group } }];
      const { results } = (await api.post(`/api/workbooks/${KIND}/uploads`, { idempotencyKey: crypto.randomUUID(), effectiveDate: DATE, rows: rowsToSend }, { headers })).data;
      expect(results[0].status).toBe('Updated');
    },
  };
}

it('when another user changed two rows since download, then the pane shows each side by side, and Keep mine and Take theirs resolve one row each', async () => {
  await pane.prepare('Person Benefit Groups', DATE);
  const kept = await pane.rowWhere(3, 'P10002');
  const taken = await pane.rowWhere(3, 'P10004');
  const downloaded = await pane.cell(kept, GROUP).textContent();
  await pane.pick(kept, GROUP, 'Executives');
  await pane.pick(taken, GROUP, 'Executives');
  await pane.cell(taken, ENGINE_COL.status).click(); // move on, so the cell shows its text rather than its dropdown

  const other = await otherUser();
  await other.change('P10002', 'Retirees');
  await other.change('P10004', 'Interns');

  await pane.upload(/2 rows failed/);
  expect([await pane.status(kept), await pane.status(taken)]).toEqual(['Conflict', 'Conflict']);

  // Column by column: what I typed, what I downloaded, what the server holds now.
  const keptPanel = page.getByRole('region', { name: new RegExp(`^Row ${kept + 1}: P10002`) });
  const table = keptPanel.getByRole('table');
  await table.waitFor();
  const groupRow = table.getByRole('row').filter({ hasText: 'Benefits Group' });
  expect(await groupRow.getByRole('cell').allTextContents()).toEqual(['Benefits Group', 'Executives', downloaded, 'Retirees']);

  await keptPanel.getByRole('button', { name: 'Keep mine' }).click();
  await page.getByText(`Kept your change to row ${kept + 1}. 1 row uploaded: 1 updated.`).waitFor();
  expect(await pane.status(kept)).toBe('Updated');
  expect(await pane.cell(kept, GROUP).textContent()).toBe('Executives');

  const takenPanel = page.getByRole('region', { name: new RegExp(`^Row ${taken + 1}: P10004`) });
  await takenPanel.getByRole('button', { name: 'Take theirs' }).click();
  await page.getByText(`Row ${taken + 1} now shows what the server holds`).waitFor();
  await pane.showsText(pane.cell(taken, GROUP), /^Interns$/);
  expect([await pane.status(taken), await pane.cell(taken, ENGINE_COL.changed).textContent()]).toEqual(['', '']);
  await page.getByRole('region', { name: 'Conflicts' }).waitFor({ state: 'detached' });

  const now = new Map((await other.rows()).map((r) => [r.values.personNumber, r.values.benefitsGroup]));
  expect([now.get('P10002'), now.get('P10004')]).toEqual(['Executives', 'Interns']);
});
