/**
 * Conflicts cell by cell, against real parts: the real server on port 0, two signed-in clients (the pane's and another
 * user's), and the office host over the simulated Excel API.
 */
import { createApiClient, type ApiClient } from '../api/api-client';
import { createOfficeHost } from '../excel/office-host';
import { createSimulatedExcel } from '../excel/simulated/excel-api';
import type { SimulatedWorkbook } from '../excel/simulated/workbook-model';
import { startServer, type RunningServer } from '../../server/main';
import { pgliteTemplate } from '../../server/test-support/templates';
import { createLayout, FIRST_DATA_ROW } from '../core/sheet-layout';
import { createWorkbookEngine } from './workbook-engine';
import type { WorkbookEngine } from './engine-types';
import { randomUUID } from 'node:crypto';
import type { UploadRow } from '../contract/api';

jest.setTimeout(300000);

const SHEET = 'Person Benefit Groups';
const KIND = 'person-benefit-groups';
const DATE = '2026-01-01';
let server: RunningServer;
let pane: ApiClient;
let other: ApiClient;
let wb: SimulatedWorkbook;
let engine: WorkbookEngine;
let col: Record<string, number>;

async function signedIn(): Promise<ApiClient> {
  const session: { token?: string } = {};
  const client = createApiClient({ baseURL: server.url, getToken: () => session.token });
  session.token = (await client.signIn('demo', 'demo123')).token;
  return client;
}

beforeAll(async () => {
  server = await startServer({ port: 0, loadDataDir: pgliteTemplate() });
  [pane, other] = await Promise.all([signedIn(), signedIn()]);
  const layout = createLayout((await pane.workbooks()).find((d) => d.kind === KIND)!, 'en-US');
  col = Object.fromEntries(layout.dataColumns.map((c) => [c.key, c.index]));
});
afterAll(() => server.close());

beforeEach(async () => {
  const excel = createSimulatedExcel();
  wb = excel.workbook;
  engine = createWorkbookEngine({ host: createOfficeHost(excel), api: pane, locale: 'en-US' });
  await engine.prepare(KIND, { effectiveDate: DATE });
});

function findRow(personNumber: string): number {
  for (let r = FIRST_DATA_ROW; r < 400; r++) if (wb.cell(SHEET, r, col.personNumber).value === personNumber) return r;
  throw new Error(`no row for ${personNumber}`);
}

/** The record as the server holds it on the date. */
async function serverRow(personNumber: string) {
  const page = await other.rows(KIND, { effectiveDate: DATE }, undefined, 10000);
  return page.rows.find((r) => r.values.personNumber === personNumber);
}

/** Another user changes (or deletes) the record over the API after the pane downloaded it. */
async function otherUser(personNumber: string, group: string | 'delete') {
  const row = (await serverRow(personNumber))!;
  const op: Pick<UploadRow, 'op' | 'values'> = group === 'delete' ? { op: 'delete', values: {} } : { op: 'update', values: { benefitsGroup: group } };
  const [result] = (await other.upload(KIND, { idempotencyKey: randomUUID(), effectiveDate: DATE, rows: [{ rowId: 1, key: row.key, version: row.version, ...op }] })).results;
  expect(result.status).toBe(group === 'delete' ? 'Deleted' : 'Updated');
}

describe('conflicts cell by cell', () => {
  it('when another user changed a row the user also edited, then the upload says Conflict and the pane shows yours, downloaded and theirs', async () => {
    const row = findRow('P10002');
    const downloaded = wb.cell(SHEET, row, col.benefitsGroup).value;
    await otherUser('P10002', 'Retirees');
    wb.userPickFromList(SHEET, row, col.benefitsGroup, 'Executives');

    const summary = await engine.upload(SHEET);

    expect(summary).toMatchObject({ failed: 1, updated: 0 });
    expect(wb.cell(SHEET, row, 2).value).toBe('Conflict');
    expect((await serverRow('P10002'))?.values.benefitsGroup).toBe('Retirees'); // nothing overwritten
    expect(await engine.conflicts(SHEET)).toEqual([
      expect.objectContaining({
        row,
        excelRow: row + 1,
        label: `P10002 ${wb.cell(SHEET, row, col.personName).value}`,
        deleted: false,
        cells: expect.arrayContaining([
          { column: 'benefitsGroup', header: 'Benefits Group', mine: 'Executives', downloaded, theirs: 'Retirees', changedByMe: true, changedByThem: true },
          expect.objectContaining({ column: 'startDate', downloaded: expect.any(String), theirs: '1/1/2026', changedByMe: false, changedByThem: true }),
        ]),
      }),
    ]);
  });

  it('when the user takes theirs, then the row shows the server’s values, has no Changed mark, and nothing is uploaded', async () => {
    const row = findRow('P10004');
    await otherUser('P10004', 'Retirees');
    wb.userPickFromList(SHEET, row, col.benefitsGroup, 'Executives');
    await engine.upload(SHEET);
    const [conflict] = await engine.conflicts(SHEET);

    const outcome = await engine.resolveConflict(SHEET, conflict.row, conflict.key, 'theirs');

    expect(outcome).toEqual({ choice: 'theirs', excelRow: row + 1 });
    expect(wb.cell(SHEET, row, col.benefitsGroup).value).toBe('Retirees');
    expect([wb.cell(SHEET, row, 0).value, wb.cell(SHEET, row, 2).value]).toEqual(['', '']);
    expect(await engine.conflicts(SHEET)).toEqual([]);
    expect((await engine.upload(SHEET)).updated).toBe(0); // the row is as the server has it
    expect((await serverRow('P10004'))?.values.benefitsGroup).toBe('Retirees');
  });

  it('when the user keeps theirs own change, then it is uploaded on the current version and the server holds it', async () => {
    const row = findRow('P10006');
    await otherUser('P10006', 'Retirees');
    wb.userPickFromList(SHEET, row, col.benefitsGroup, 'Interns');
    await engine.upload(SHEET);
    const [conflict] = await engine.conflicts(SHEET);

    const outcome = await engine.resolveConflict(SHEET, conflict.row, conflict.key, 'mine');

    expect(outcome).toMatchObject({ choice: 'mine', excelRow: row + 1, summary: { updated: 1, failed: 0 } });
    expect(wb.cell(SHEET, row, 2).value).toBe('Updated');
    expect(wb.cell(SHEET, row, col.benefitsGroup).value).toBe('Interns');
    expect((await serverRow('P10006'))?.values.benefitsGroup).toBe('Interns');
  });

  it('when another user deleted the row, then Keep mine enters it again as a new record, and Take theirs leaves it Deleted', async () => {
    const kept = findRow('P10007');
    const dropped = findRow('P10008');
    await otherUser('P10007', 'delete');
    await otherUser('P10008', 'delete');
    // Neither person is in Part-Time Staff (P10007 is in Interns, P10008 in Salaried Employees): both rows change.
    wb.userPickFromList(SHEET, kept, col.benefitsGroup, 'Part-Time Staff');
    wb.userPickFromList(SHEET, dropped, col.benefitsGroup, 'Part-Time Staff');
    await engine.upload(SHEET);
    const conflicts = await engine.conflicts(SHEET);
    expect(conflicts.map((c) => [c.row, c.deleted])).toEqual([[kept, true], [dropped, true]]);

    expect((await engine.resolveConflict(SHEET, kept, conflicts[0].key, 'mine')).summary).toMatchObject({ inserted: 1 });
    await engine.resolveConflict(SHEET, dropped, conflicts[1].key, 'theirs');

    expect(wb.cell(SHEET, kept, 2).value).toBe('Inserted');
    expect((await serverRow('P10007'))?.values.benefitsGroup).toBe('Part-Time Staff');
    expect([wb.cell(SHEET, dropped, 2).value, wb.cell(SHEET, dropped, 0).value]).toEqual(['Deleted', '']);
    expect(await serverRow('P10008')).toBeUndefined();
  });
});
