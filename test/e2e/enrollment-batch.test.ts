/**
 * One enrollment batch through the whole loop, as a benefits professional clicks: prepare with a new batch name,
 * enter lines, upload, fix an upload error, process with progress, read each line's result, fix the failing
 * participant, process again (only the unfinished lines), and download the batch into a fresh sheet.
 */
import type { Page } from 'playwright-core';
import { enrollmentBatchesDefinition } from '../../server/workbooks/enrollment-batches/definition';
import { createLayout } from '../../src/core/sheet-layout';
import { ENGINE_COL, openSignedInPane, type PaneSession } from './pane-driver';

// Its one long test takes about 45 s alone (184 s before the grid stopped redrawing unchanged rows); room for a busy CI machine.
jest.setTimeout(600000);

let session: PaneSession | undefined;
let page: Page;
let pane: PaneSession['pane'];

/** Sheet column of each definition column (after Changed, Mark for Deletion and Status; the outcome columns lead). */
const C = Object.fromEntries(createLayout(enrollmentBatchesDefinition, 'en-US').dataColumns.map((c) => [c.key, c.index]));
const LISTED = new Set(enrollmentBatchesDefinition.columns.filter((c) => c.list).map((c) => c.key));

beforeAll(async () => {
  session = await openSignedInPane({ pollMs: 100 });
  ({ page, pane } = session);
});

afterAll(() => session?.close());

/** Enters a line the way a user does: dropdown picks for list columns, typing for the rest. */
async function enterLine(row: number, values: Record<string, string>) {
  for (const [key, value] of Object.entries(values)) {
    if (LISTED.has(key)) await pane.pick(row, C[key], value);
    else await pane.type(row, C[key], value);
  }
}

const newHire = (personNumber: string) => ({
  enrollmentType: 'Participant Enrollment',
  effectiveDate: '1/1/2020',
  personNumber,
  planName: 'Medical',
  optionName: 'Employee Only',
  lifeEvent: 'New Hire',
  lifeEventOccurredDate: '1/1/2020',
  benefitRelationship: 'Default',
  closeLifeEvent: 'Yes',
});
const spouse = (personNumber: string, born: string) => ({ ...newHire(personNumber), enrollmentType: 'Dependent Designation', optionName: '', closeLifeEvent: 'No', dateOfBirth: born });

it('when a batch with a failing participant goes through upload, process, fix and reprocess, then every line ends COMPLETE', async () => {
  await pane.prepareBatch('Benefit Enrollments', 'E2E open enrollment', { isNew: true });
  expect(await pane.cell(0, 3).textContent()).toBe('E2E open enrollment'); // the Batch Name cell
  const { optionName: _none, ...spouseOfP10001 } = spouse('P10001', '4/15/1970');
  const { optionName: _none2, ...spouseOfP10002 } = spouse('P10002', '4/15/1971');
  // The dependent comes first in the sheet; the process still enrolls the participant first.
  await enterLine(2, spouseOfP10001);
  await enterLine(3, { ...newHire('P10001'), createPotentialLifeEvent: 'Yes' });
  // P10002's new hire has no potential life event and does not ask to create one: it will fail when processed.
  await enterLine(4, { ...newHire('P10002'), createPotentialLifeEvent: 'No', rateAmount: '300', coverageAmount: '1000' });
  await enterLine(5, spouseOfP10002);

  await pane.upload(/3 rows uploaded: 3 inserted\. 1 row failed/);
  expect(await pane.status(4)).toBe('Upload Failed');
  await pane.cell(4, ENGINE_COL.status).click();
  const errors = page.getByRole('region', { name: 'Errors in the selected row' });
  await pane.showsText(errors, 'Rate Amount: Enter a Rate Amount or a Coverage Amount, not both');
  await pane.clear(4, C.coverageAmount);
  await pane.upload(/^1 row uploaded: 1 inserted\.$/);
  expect(await pane.cell(4, C.batchLineId).textContent()).toBe('4'); // numbered in upload order: rows 2, 3 and 5 went first

  await page.getByRole('button', { name: 'Process batch' }).click();
  await pane.showsText(page.getByLabel('Process result'), /Processed 4 lines: 2 complete, 2 with errors/);
  // The results come down into the sheet in Batch Line ID order.
  const line = (id: number) => pane.rowWhere(C.batchLineId, String(id));
  const result = async (id: number) => ({ status: await pane.cell(await line(id), C.rowBatchStatus).textContent(), message: await pane.cell(await line(id), C.message).textContent() });
  expect((await result(1)).status).toBe('COMPLETE');
  // Each line's outcome is in view beside its Status, with the sheet at its left edge (entering lines scrolled it right).
  await pane.scrollRight(-100000);
  for (const col of [C.rowBatchStatus, C.message]) expect(await pane.inView(await line(4), col)).toBe(true);
  expect(await result(2)).toEqual({ status: 'COMPLETE', message: expect.stringMatching(/^Line 2: Enrolled P10001 in Medical, Employee Only from 2020-01-01/) });
  expect(await result(4)).toEqual({ status: 'ERROR', message: expect.stringMatching(/^Line 4: P10002 has no potential life event New Hire of 2020-01-01/) });
  expect(await result(3)).toEqual({ status: 'ERROR', message: expect.stringMatching(/^Line 3: Not processed: the participant enrollment of P10002 \(line 4\) failed/) });

  // The two lines in error are listed with the failed rows; clicking one selects it and shows its message.
  const failedRows = page.getByRole('list', { name: 'Failed rows' });
  await pane.showsText(failedRows, `Row ${(await line(3)) + 1}: Line 3: Not processed`);
  expect(await failedRows.getByRole('listitem').count()).toBe(2);
  await failedRows.getByText(`Row ${(await line(4)) + 1}: Line 4:`).click();
  await pane.showsText(errors, `Row ${(await line(4)) + 1}: Processing failed`);
  await pane.showsText(errors, 'Line 4: P10002 has no potential life event');

  // Fix the participant: let the process create the life event; upload the change, process again.
  await pane.pick(await line(4), C.createPotentialLifeEvent, 'Yes');
  await pane.upload(/^1 row uploaded: 1 updated\.$/);
  await page.getByRole('button', { name: 'Process batch' }).click();
  await pane.showsText(page.getByLabel('Process result'), /^Processed 2 lines: 2 complete\.$/);
  for (const id of [1, 2, 3, 4]) expect((await result(id)).status).toBe('COMPLETE');
  await failedRows.waitFor({ state: 'detached' }); // nothing failed any more
  expect((await result(4)).message).toMatch(/^Line 4: Enrolled P10002 in Medical, Employee Only from 2020-01-01 \(rate 300, coverage none\)/);

  // Download the batch into a fresh sheet: every line comes back, with its ID, message, status and key.
  await pane.prepareBatch('Benefit Enrollments', 'E2E open enrollment');
  for (const [row, id] of [[2, '1'], [3, '2'], [4, '3'], [5, '4']] as const) {
    expect(await pane.cell(row, C.batchLineId).textContent()).toBe(id);
    expect(await pane.cell(row, C.rowBatchStatus).textContent()).toBe('COMPLETE');
    expect(await pane.cell(row, C.lineKey).textContent()).toMatch(/^[0-9a-f-]{36}$/);
  }
});
