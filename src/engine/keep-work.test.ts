/**
 * Never losing the person's work, and errors where they look: the engine against the real server on port 0 (embedded
 * database with demo data), the real axios client and the office host over the simulated Excel API.
 */
import { ApiError, createApiClient, type ApiClient } from '../api/api-client';
import { createOfficeHost } from '../excel/office-host';
import { createSimulatedExcel } from '../excel/simulated/excel-api';
import type { SimulatedWorkbook } from '../excel/simulated/workbook-model';
import { startServer, type RunningServer } from '../../server/main';
import { pgliteTemplate } from '../../server/test-support/templates';
import { createLayout, FIRST_DATA_ROW } from '../core/sheet-layout';
import { createWorkbookEngine } from './workbook-engine';
import type { WorkbookEngine } from './engine-types';
import type { UploadRequest } from '../contract/api';
import { ERROR_FILL } from './cell-errors';

jest.setTimeout(180000); // the embedded database starts slowly on a loaded machine

const SHEET = 'Person Benefit Groups';
const KIND = 'person-benefit-groups';
const DATE = '2026-01-01';
let server: RunningServer;
let real: ApiClient;
let uploads: UploadRequest[];
/** Runs before each chunk is sent (to cancel, or to end the session, in the middle of an upload). */
let beforeUpload: (n: number) => void;
let wb: SimulatedWorkbook;
let engine: WorkbookEngine;
let col: Record<string, number>;

beforeAll(async () => {
  server = await startServer({ port: 0, loadDataDir: pgliteTemplate() });
  const session: { token?: string } = {};
  real = createApiClient({ baseURL: server.url, getToken: () => session.token });
  session.token = (await real.signIn('demo', 'demo123')).token;
  const layout = createLayout((await real.workbooks()).find((d) => d.kind === KIND)!, 'en-US');
  col = Object.fromEntries(layout.dataColumns.map((c) => [c.key, c.index]));
});
afterAll(() => server.close());

async function prepared(chunkRows?: number): Promise<void> {
  uploads = [];
  beforeUpload = () => undefined;
  const excel = createSimulatedExcel();
  wb = excel.workbook;
  const api: ApiClient = { ...real, upload: async (kind, request) => (beforeUpload(uploads.length), uploads.push(request), real.upload(kind, request)) };
  engine = createWorkbookEngine({ host: createOfficeHost(excel), api, locale: 'en-US', chunkRows });
  await engine.prepare(KIND, { effectiveDate: DATE });
}

function findRow(personNumber: string): number {
  for (let r = FIRST_DATA_ROW; r < 500; r++) if (wb.cell(SHEET, r, col.personNumber).value === personNumber) return r;
  throw new Error(`no row for ${personNumber}`);
}

const otherGroup = (row: number) => (wb.cell(SHEET, row, col.benefitsGroup).value === 'Interns' ? 'Retirees' : 'Interns');
const changed = (rows: number[]) => rows.map((r) => wb.cell(SHEET, r, 0).value);
const statuses = (rows: number[]) => rows.map((r) => wb.cell(SHEET, r, 2).value);

describe('keeping the person\'s work', () => {
  beforeEach(() => prepared());

  it('when selected rows are reverted, then they hold their downloaded values again, their marks clear and nothing is left to upload', async () => {
    const [edited, marked, both] = ['P10002', 'P10003', 'P10004'].map(findRow);
    const before = [edited, marked, both].map((r) => wb.cell(SHEET, r, col.benefitsGroup).value);
    wb.userPickFromList(SHEET, edited, col.benefitsGroup, otherGroup(edited));
    wb.userPickFromList(SHEET, marked, 1, 'X');
    wb.userPickFromList(SHEET, both, col.benefitsGroup, otherGroup(both));
    wb.userPickFromList(SHEET, both, 1, 'X');
    expect(await engine.unsentRowCount(SHEET)).toBe(3);
    wb.userSelect(SHEET, { row: edited, column: 0, rowCount: both - edited + 1, columnCount: 1 });

    expect(await engine.revertSelectedRows(SHEET)).toBe(3);

    expect([edited, marked, both].map((r) => wb.cell(SHEET, r, col.benefitsGroup).value)).toEqual(before);
    expect(changed([edited, marked, both])).toEqual(['', '', '']);
    expect([edited, marked, both].map((r) => wb.cell(SHEET, r, 1).value)).toEqual(['', '', '']);
    expect(await engine.unsentRowCount(SHEET)).toBe(0);
    expect(await engine.upload(SHEET)).toMatchObject({ updated: 0, failed: 0 });
    expect(uploads).toHaveLength(0);
  });

  it('when the sheet Prepare would replace holds edits, new rows or marks, then they are counted first; a fresh sheet counts none', async () => {
    expect(await engine.unsentBeforePrepare(KIND)).toBe(0);
    wb.userPickFromList(SHEET, findRow('P10002'), col.benefitsGroup, otherGroup(findRow('P10002')));
    wb.userPickFromList(SHEET, findRow('P10005'), 1, 'X');
    expect(await engine.unsentBeforePrepare(KIND)).toBe(2);
    expect(await engine.unsentBeforePrepare('benefit-enrollments')).toBe(0); // no such sheet yet
  });

  it('when a changed row is also marked for deletion, then upload names it and says why it was not sent; the delete confirmation names marked rows', async () => {
    const row = findRow('P10007');
    const name = wb.cell(SHEET, row, col.personName).value;
    wb.userPickFromList(SHEET, row, col.benefitsGroup, otherGroup(row));
    wb.userPickFromList(SHEET, row, 1, 'X');
    const summary = await engine.upload(SHEET);
    expect(summary.pendingDeletion).toEqual([`row ${row + 1} (P10007 ${name})`]);
    expect(uploads).toHaveLength(0);
    expect(await engine.markedRowLabels(SHEET)).toEqual([`row ${row + 1} (P10007 ${name})`]);
  });
});

describe('stopping an upload in the middle', () => {
  const people = ['P10002', 'P10003', 'P10004', 'P10005', 'P10006', 'P10008'];

  it('when Cancel is clicked during the first chunk, then that chunk finishes and gets statuses, and the unsent rows keep their Changed mark', async () => {
    await prepared(2);
    const rows = people.map(findRow);
    for (const r of rows) wb.userPickFromList(SHEET, r, col.benefitsGroup, otherGroup(r));
    const cancel = new AbortController();
    beforeUpload = () => cancel.abort(); // clicked while the first chunk is on its way

    const summary = await engine.upload(SHEET, undefined, cancel.signal);

    expect(uploads).toHaveLength(1);
    expect(summary).toMatchObject({ updated: 2, notSent: 4 });
    expect(statuses(rows)).toEqual(['Updated', 'Updated', '', '', '', '']);
    expect(changed(rows)).toEqual(['', '', '✓', '✓', '✓', '✓']);
    uploads = [];
    expect(await engine.upload(SHEET)).toMatchObject({ updated: 4 });
    expect(uploads.flatMap((u) => u.rows).map((r) => r.rowId)).toEqual(rows.slice(2));
  });

  it('when the session ends after the first chunk, then the upload stops cleanly: sent rows have statuses, unsent rows keep their mark and go when resumed', async () => {
    await prepared(2);
    const rows = people.map(findRow);
    for (const r of rows) wb.userPickFromList(SHEET, r, col.benefitsGroup, otherGroup(r));
    beforeUpload = (n) => {
      if (n === 1) throw new ApiError('Your session has ended. Sign in again.', 401);
    };

    await expect(engine.upload(SHEET)).rejects.toMatchObject({ status: 401 });

    expect(statuses(rows)).toEqual(['Updated', 'Updated', '', '', '', '']);
    expect(changed(rows)).toEqual(['', '', '✓', '✓', '✓', '✓']);
    beforeUpload = () => undefined;
    uploads = [];
    expect(await engine.upload(SHEET)).toMatchObject({ updated: 4, failed: 0 });
    expect(uploads.flatMap((u) => u.rows).map((r) => r.rowId)).toEqual(rows.slice(2));
  });
});

describe('errors where the person looks', () => {
  beforeEach(() => prepared());

  it('when a row fails, then exactly the cell its error names is red and carries the message as its input message, its dropdown kept; fixed and uploaded, the mark clears', async () => {
    const row = findRow('P10003');
    const fix = otherGroup(row);
    wb.userPaste(SHEET, row, col.benefitsGroup, [['Gold Plated']]);
    await engine.upload(SHEET);

    const bad = wb.cell(SHEET, row, col.benefitsGroup);
    expect(bad.fill).toBe(ERROR_FILL);
    expect(bad.prompt).toEqual({ title: 'Benefits Group', message: expect.stringContaining('Gold Plated') });
    expect(bad.prompt?.message).not.toMatch(/^Benefits Group:/);
    expect(bad.list).toEqual(expect.arrayContaining(['Executives', 'Interns'])); // the list rule is kept
    expect(wb.cell(SHEET, row, col.personNumber).prompt).toBeUndefined(); // only the named column
    expect(wb.cell(SHEET, row, col.personNumber).fill).not.toBe(ERROR_FILL);

    wb.userPickFromList(SHEET, row, col.benefitsGroup, fix);
    await engine.upload(SHEET);
    expect(wb.cell(SHEET, row, 2).value).toBe('Updated');
    expect(wb.cell(SHEET, row, col.benefitsGroup)).toMatchObject({ prompt: undefined, fill: undefined });
  });

  it('when a failed row is reverted, then its cell marks and its failure clear', async () => {
    const row = findRow('P10003');
    wb.userPaste(SHEET, row, col.benefitsGroup, [['Gold Plated']]);
    await engine.upload(SHEET);
    wb.userSelect(SHEET, { row, column: 0, rowCount: 1, columnCount: 1 });
    expect(await engine.revertSelectedRows(SHEET)).toBe(1);
    expect(wb.cell(SHEET, row, col.benefitsGroup)).toMatchObject({ prompt: undefined, fill: undefined });
    expect(wb.cell(SHEET, row, 2).value).toBe('');
    expect(await engine.failedRows(SHEET)).toEqual([]);
  });
});
