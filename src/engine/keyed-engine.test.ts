/**
 * The engine on a keyed kind (Users: plain records with a key, no date) against real parts: the real server on port 0,
 * the real axios client, the office host over the simulated Excel API.
 */
import { createApiClient } from '../api/api-client';
import { createOfficeHost } from '../excel/office-host';
import { createSimulatedExcel } from '../excel/simulated/excel-api';
import { startServer, type RunningServer } from '../../server/main';
import { createLayout, FIRST_DATA_ROW } from '../core/sheet-layout';
import { createWorkbookEngine } from './workbook-engine';

jest.setTimeout(120000);
const SHEET = 'Users';
let server: RunningServer;
beforeAll(async () => {
  server = await startServer({ port: 0 });
}, 240000);
afterAll(() => server.close());

/** Group Life Plans prepared in a new simulated workbook, signed in as the demo user. */
async function groupLifePlansSheet() {
  const session: { token?: string } = {};
  const api = createApiClient({ baseURL: server.url, getToken: () => session.token });
  session.token = (await api.signIn('demo', 'demo123')).token;
  const excel = createSimulatedExcel();
  const engine = createWorkbookEngine({ host: createOfficeHost(excel), api, locale: 'en-US' });
  const { sheet } = await engine.prepare('group-life-plans', {});
  const layout = createLayout((await engine.definitions()).find((d) => d.kind === 'group-life-plans')!, 'en-US');
  const col = (key: string) => layout.dataColumns.find((c) => c.key === key)!.index;
  return { api, wb: excel.workbook, engine, sheet, col };
}

describe('workbook engine on a keyed kind', () => {
  it('when Users is prepared, then no date is asked for or shown; a typed row is created, an edited one updated, and the user name is locked on saved rows', async () => {
    const session: { token?: string } = {};
    const api = createApiClient({ baseURL: server.url, getToken: () => session.token });
    session.token = (await api.signIn('demo', 'demo123')).token;
    const rowsQueries: unknown[] = [];
    const excel = createSimulatedExcel();
    const wb = excel.workbook;
    const engine = createWorkbookEngine({ host: createOfficeHost(excel), api: { ...api, rows: (kind, scope, after, limit) => (rowsQueries.push(scope), api.rows(kind, scope, after, limit)) }, locale: 'en-US' });
    const info = await engine.prepare('users', {});
    expect(info).toEqual({ sheet: SHEET, kind: 'users', title: 'Users', scope: 'keyed' });
    expect(rowsQueries).toEqual([{}]);
    expect(wb.cell(SHEET, 0, 0).text).toBe('Users');
    const layout = createLayout((await engine.definitions()).find((d) => d.kind === 'users')!, 'en-US');
    const col = (key: string) => layout.dataColumns.find((c) => c.key === key)!.index;
    const demo = FIRST_DATA_ROW;
    expect(wb.cell(SHEET, demo, col('username')).value).toBe('demo');
    expect(wb.userEdit(SHEET, demo, col('username'), 'renamed').ok).toBe(false); // the key is locked once saved
    wb.userEdit(SHEET, demo, col('displayName'), 'Demo Administrator');
    const added = demo + 1;
    wb.userEdit(SHEET, added, col('username'), 'pane.user');
    wb.userPickFromList(SHEET, added, col('role'), 'viewer');
    await engine.upload(SHEET);
    expect([wb.cell(SHEET, demo, 2).value, wb.cell(SHEET, added, 2).value]).toEqual(['Updated', 'Inserted']);
    expect(wb.cell(SHEET, added, col('disabled')).value).toBe('No');
    const users = (await api.rows('users', {}, undefined, 100)).rows.map((r) => [r.key, r.values.displayName, r.values.role]);
    expect(users).toEqual([['demo', 'Demo Administrator', 'administrator'], ['pane.user', 'pane.user', 'viewer']]);
  });

  it('when an upload switches a group life plan between X of Salary and % of Salary, then the row is Updated, the summary says the warning and selecting the row shows it', async () => {
    const { wb, engine, sheet, col } = await groupLifePlansSheet();
    const row = FIRST_DATA_ROW;
    expect(wb.cell(sheet, row, col('plan')).value).toBe('Group Life');
    wb.userPickFromList(sheet, row, col('basis'), '% of Salary');
    const summary = await engine.upload(sheet);
    expect(wb.cell(sheet, row, 2).value).toBe('Updated');
    expect(summary).toMatchObject({ updated: 1, failed: 0, failedRows: [] });
    expect(summary.warnedRows).toEqual([expect.objectContaining({ excelRow: row + 1, status: 'Updated', errors: [expect.objectContaining({ column: 'basis', header: 'X of Salary or % of Salary', message: expect.stringContaining('Group Life now pays a percentage of salary instead of a multiple') })] })]);
    expect((await engine.rowErrors(sheet, row))?.errors[0].message).toContain('1x Salary 1 was 1 × salary, now 1 % of salary');
    expect(await engine.failedRows(sheet)).toEqual([]);
    // Put the plan back (the server is shared by this file's tests).
    wb.userPickFromList(sheet, row, col('basis'), 'X of Salary');
    expect((await engine.upload(sheet)).updated).toBe(1);
  });

  it('when Check is run on a switch between X of Salary and % of Salary, then the Status says the row will be updated with the warning, it is no failure, and nothing is saved', async () => {
    const { api, wb, engine, sheet, col } = await groupLifePlansSheet();
    const row = FIRST_DATA_ROW;
    wb.userPickFromList(sheet, row, col('basis'), '% of Salary');
    const summary = await engine.checkChanges(sheet);
    expect(wb.cell(sheet, row, 2).value).toMatch(/^Will update, with a warning: Check Benefit Level Limits: Group Life now pays a percentage of salary instead of a multiple/);
    expect(summary).toMatchObject({ willUpdate: 1, willFail: 0, failInProcessing: 0, failedRows: [] });
    expect(summary.warnedRows).toEqual([expect.objectContaining({ excelRow: row + 1, errors: [expect.objectContaining({ column: 'basis', header: 'X of Salary or % of Salary' })] })]);
    expect((await engine.rowErrors(sheet, row))?.errors[0].message).toContain('1x Salary 1 was 1 × salary, now 1 % of salary');
    expect(await engine.failedRows(sheet)).toEqual([]);
    const saved = (await api.rows('group-life-plans', {}, undefined, 100)).rows.find((r) => r.values.plan === 'Group Life');
    expect(saved?.values.basis).toBe('X of Salary'); // Check saved nothing
    // The upload that follows saves it, with the same warning; then the plan is put back.
    expect((await engine.upload(sheet)).warnedRows).toHaveLength(1);
    wb.userPickFromList(sheet, row, col('basis'), 'X of Salary');
    expect((await engine.upload(sheet)).updated).toBe(1);
  });
});
