/**
 * Check, "Did you mean" and Retry failed rows, through the engine against real parts: the real server on port 0
 * (embedded PGlite with demo data), the real axios client and the office host over the simulated Excel API.
 */
import { createApiClient, type ApiClient } from '../api/api-client';
import { createOfficeHost } from '../excel/office-host';
import { createSimulatedExcel } from '../excel/simulated/excel-api';
import type { SimulatedWorkbook } from '../excel/simulated/workbook-model';
import { startServer, type RunningServer } from '../../server/main';
import { pgliteTemplate } from '../../server/test-support/templates';
import { COL, createLayout, FIRST_DATA_ROW } from '../core/sheet-layout';
import { createWorkbookEngine } from './workbook-engine';
import type { WorkbookEngine } from './engine-types';
import type { UploadRequest } from '../contract/api';

jest.setTimeout(180000);

const SHEET = 'Person Benefit Groups';
const DATE = '2026-01-01';
let server: RunningServer;
let api: ApiClient;
let uploads: UploadRequest[];
let wb: SimulatedWorkbook;
let engine: WorkbookEngine;
let col: Record<string, number>;

beforeAll(async () => {
  server = await startServer({ port: 0, loadDataDir: pgliteTemplate() });
  const session: { token?: string } = {};
  const real = createApiClient({ baseURL: server.url, getToken: () => session.token });
  session.token = (await real.signIn('demo', 'demo123')).token;
  api = { ...real, upload: (kind, request) => (uploads.push(request), real.upload(kind, request)) };
  const definition = (await real.workbooks()).find((d) => d.kind === 'person-benefit-groups')!;
  const layout = createLayout(definition, 'en-US');
  col = Object.fromEntries(layout.dataColumns.map((c) => [c.key, c.index]));
});
afterAll(() => server.close());

beforeEach(async () => {
  uploads = [];
  const excel = createSimulatedExcel();
  wb = excel.workbook;
  engine = createWorkbookEngine({ host: createOfficeHost(excel), api, locale: 'en-US' });
  await engine.prepare('person-benefit-groups', { effectiveDate: DATE });
});

const status = (row: number) => wb.cell(SHEET, row, COL.status).value;
const changed = (row: number) => wb.cell(SHEET, row, COL.changed).value;
const group = (row: number) => wb.cell(SHEET, row, col.benefitsGroup).value;
const other = (row: number) => (group(row) === 'Interns' ? 'Executives' : 'Interns');

describe('Check changes', () => {
  it('when changed rows are checked, then each row shows its predicted status, keeps its Changed mark and nothing is uploaded', async () => {
    const [good, typo, unchanged] = [FIRST_DATA_ROW, FIRST_DATA_ROW + 1, FIRST_DATA_ROW + 2];
    const before = group(good);
    wb.userPaste(SHEET, good, col.benefitsGroup, [[other(good)]]);
    wb.userPaste(SHEET, typo, col.benefitsGroup, [['Retiree']]);
    const summary = await engine.checkChanges(SHEET);
    expect(status(good)).toBe('Will update');
    expect(status(typo)).toBe('Will fail: There is no benefits group named "Retiree". Pick a group from the list. Did you mean "Retirees"?');
    expect(status(unchanged)).toBe('');
    expect([changed(good), changed(typo)]).toEqual(['✓', '✓']);
    expect(summary).toMatchObject({ willUpdate: 1, willFail: 1, failedRows: [{ excelRow: typo + 1, errors: [{ header: 'Benefits Group', suggestion: { column: 'benefitsGroup', value: 'Retirees' } }] }] });
    expect(uploads).toEqual([]);
    // Nothing was saved: a fresh download still has the old group.
    const fresh = createSimulatedExcel();
    await createWorkbookEngine({ host: createOfficeHost(fresh), api, locale: 'en-US' }).prepare('person-benefit-groups', { effectiveDate: DATE });
    expect(fresh.workbook.cell(SHEET, good, col.benefitsGroup).value).toBe(before);
    // The predicted failure is listed with the failed rows, so its errors show when the row is selected.
    expect((await engine.failedRows(SHEET)).map((r) => r.row)).toEqual([typo]);
    // An edit undone after a check: its prediction goes at the next upload, as a stale failure does.
    wb.userPaste(SHEET, good, col.benefitsGroup, [[before]]);
    await engine.upload(SHEET);
    expect(status(good)).toBe('');
  });

  it('when Cancel is clicked before the rows are sent, then no row is checked, statuses stay as they were and the summary says how many were not checked', async () => {
    const [a, b] = [FIRST_DATA_ROW, FIRST_DATA_ROW + 1];
    wb.userPaste(SHEET, a, col.benefitsGroup, [[other(a)]]);
    wb.userPaste(SHEET, b, col.benefitsGroup, [['Retiree']]);
    const cancel = new AbortController();
    let checks = 0;
    const counting = createWorkbookEngine({ host: createOfficeHost(createSimulatedExcel(wb)), api: { ...api, check: (kind, request) => (checks++, api.check(kind, request)) }, locale: 'en-US' });
    const summary = await counting.checkChanges(SHEET, (p) => {
      if (p.phase === 'Checking rows' && p.done === 0) cancel.abort(); // clicked as the first chunk is about to go
    }, cancel.signal);
    expect(checks).toBe(0);
    expect([status(a), status(b)]).toEqual(['', '']);
    expect(summary).toMatchObject({ willUpdate: 0, willFail: 0, notChecked: 2 });
  });
});

describe('Did you mean', () => {
  it('when the suggestion is used for every cell with the same typo, then those cells get the valid name and other cells stay', async () => {
    const [a, b, c] = [FIRST_DATA_ROW, FIRST_DATA_ROW + 3, FIRST_DATA_ROW + 4];
    for (const row of [a, b]) wb.userPaste(SHEET, row, col.benefitsGroup, [['Retiree']]);
    wb.userPaste(SHEET, c, col.benefitsGroup, [['Retirez']]);
    const { failedRows } = await engine.upload(SHEET);
    const first = failedRows.find((r) => r.row === a)!;
    expect(await engine.useSuggestion(SHEET, first, { column: 'benefitsGroup', value: 'Retirees' }, true)).toBe(2);
    expect([group(a), group(b), group(c)]).toEqual(['Retirees', 'Retirees', 'Retirez']);
    expect(await engine.useSuggestion(SHEET, failedRows.find((r) => r.row === c)!, { column: 'benefitsGroup', value: 'Retirees' }, false)).toBe(1);
    expect(group(c)).toBe('Retirees');
  });
});

describe('Retry failed rows', () => {
  it('when failed rows are fixed and retried, then only they are sent; another edit not uploaded stays unsent and marked', async () => {
    const [failing, later] = [FIRST_DATA_ROW, FIRST_DATA_ROW + 1];
    wb.userPaste(SHEET, failing, col.benefitsGroup, [['Retiree']]);
    expect((await engine.upload(SHEET)).failed).toBe(1);
    wb.userPaste(SHEET, failing, col.benefitsGroup, [['Retirees']]);
    wb.userPaste(SHEET, later, col.benefitsGroup, [[other(later)]]);
    uploads = [];
    const summary = await engine.retryFailedRows(SHEET);
    expect(summary).toMatchObject({ updated: 1, failed: 0 });
    expect(uploads.flatMap((u) => u.rows.map((r) => r.rowId))).toEqual([failing]);
    expect(status(failing)).toBe('Updated');
    expect([status(later), changed(later)]).toEqual(['', '✓']);
  });
});
