/**
 * The engine on read-only kinds (Enrollment Results, Contacts) against real parts: the real server on port 0 with
 * demo data and a batch processed through the API, the real axios client, the office host over the simulated Excel API.
 */
import { randomUUID } from 'node:crypto';
import { createApiClient, type ApiClient } from '../api/api-client';
import { createOfficeHost } from '../excel/office-host';
import { createSimulatedExcel } from '../excel/simulated/excel-api';
import type { SimulatedWorkbook } from '../excel/simulated/workbook-model';
import { startServer, type RunningServer } from '../../server/main';
import { pgliteTemplate } from '../../server/test-support/templates';
import { COL, createLayout, FIRST_DATA_ROW, type Layout } from '../core/sheet-layout';
import type { BatchJob } from '../contract/api';
import { createWorkbookEngine } from './workbook-engine';
import type { WorkbookEngine } from './engine-types';

jest.setTimeout(60000);

const KIND = 'enrollment-results';
const SHEET = 'Enrollment Results';
const BATCH = `Checked ${randomUUID().slice(0, 8)}`;
const DATE = '2026-01-01';
let server: RunningServer;
let api: ApiClient;
let uploads: number;
let wb: SimulatedWorkbook;
let engine: WorkbookEngine;
let layout: Layout;

const line = (personNumber: string, planName: string, optionName: string) => ({
  enrollmentType: 'Participant Enrollment',
  effectiveDate: DATE,
  personNumber,
  programName: 'Health and Welfare',
  planName,
  optionName,
  lifeEvent: 'Open Enrollment',
  lifeEventOccurredDate: DATE,
  createPotentialLifeEvent: 'Yes',
  benefitRelationship: 'Default',
  closeLifeEvent: 'Yes',
});

beforeAll(async () => {
  server = await startServer({ port: 0, loadDataDir: pgliteTemplate() });
  const session: { token?: string } = {};
  const real = createApiClient({ baseURL: server.url, getToken: () => session.token });
  session.token = (await real.signIn('demo', 'demo123')).token;
  api = { ...real, upload: (kind, request) => (uploads++, real.upload(kind, request)) };
  // A small batch, processed on the server: its results are what the read-only sheet shows.
  const rows = [line('P10021', 'Dental', 'Basic'), line('P10022', 'Dental', 'Premium')].map((values, rowId) => ({ rowId, op: 'insert' as const, values }));
  await real.upload('benefit-enrollments', { idempotencyKey: randomUUID(), batchName: BATCH, rows });
  let job: BatchJob = await real.startBatchJob('benefit-enrollments', BATCH, { idempotencyKey: randomUUID() });
  while (job.status === 'queued' || job.status === 'running') {
    await new Promise((resolve) => setTimeout(resolve, 20));
    job = await real.batchJob('benefit-enrollments', BATCH, job.jobId);
  }
  expect(job).toMatchObject({ status: 'completed', completed: 2 });
  layout = createLayout((await real.workbooks()).find((d) => d.kind === KIND)!, 'en-US');
});
afterAll(() => server.close());

beforeEach(async () => {
  uploads = 0;
  const excel = createSimulatedExcel();
  wb = excel.workbook;
  engine = createWorkbookEngine({ host: createOfficeHost(excel), api, locale: 'en-US' });
  await engine.prepare(KIND, { effectiveDate: DATE, filter: BATCH });
});

const col = (key: string) => layout.dataColumns.find((c) => c.key === key)!.index;

describe('workbook engine on a read-only kind', () => {
  it('when a read-only kind is prepared with a batch filter, then the batch’s results are there and every cell is locked, with no rows to add', async () => {
    // The title is in the first column shown (A to C are hidden), so the user sees what the sheet is.
    expect(wb.cell(SHEET, 0, COL.firstData).text).toBe(`Enrollment Results — Session effective date: 1/1/2026 — Batch name: ${BATCH}`);
    expect(wb.columnInfo(SHEET, COL.firstData).hidden).toBeFalsy();
    const rowCount = wb.dimensions(SHEET).rowCount - FIRST_DATA_ROW;
    const rows = Array.from({ length: rowCount }, (_, i) => FIRST_DATA_ROW + i);
    expect(rows.map((r) => [wb.cell(SHEET, r, col('personNumber')).value, wb.cell(SHEET, r, col('recordType')).value, wb.cell(SHEET, r, col('optionName')).value])).toEqual([
      ['P10021', 'Potential Life Event', ''],
      ['P10021', 'Participant Enrollment', 'Basic'],
      ['P10022', 'Potential Life Event', ''],
      ['P10022', 'Participant Enrollment', 'Premium'],
    ]);
    for (const r of [...rows, FIRST_DATA_ROW + rowCount]) {
      for (let c = 0; c < layout.width; c++) expect(wb.cell(SHEET, r, c)).toMatchObject({ locked: true, list: undefined });
    }
    for (const c of [COL.changed, COL.markForDeletion, COL.status]) expect(wb.columnInfo(SHEET, c).hidden).toBe(true);
    expect(wb.isProtected(SHEET)).toBe(true);
    expect(await engine.activeSheetInfo()).toEqual({ sheet: SHEET, kind: KIND, title: SHEET, scope: 'effective-date', effectiveDate: DATE, readOnly: expect.stringMatching(/Benefit Enrollments batch/), filter: BATCH });
  });

  it('when upload, marking or deleting is asked for, then the engine refuses with the reason and sends nothing', async () => {
    await expect(engine.upload(SHEET)).rejects.toThrow(/^"Enrollment Results" is read-only: you cannot upload changes in it\. It shows what the Upload Benefit Enrollments process created/);
    await expect(engine.markSelectedRowsForDeletion(SHEET)).rejects.toThrow(/is read-only: you cannot mark rows for deletion/);
    await expect(engine.deleteMarkedRows(SHEET)).rejects.toThrow(/is read-only: you cannot delete rows/);
    expect(uploads).toBe(0);
  });

  it('when the sheet is downloaded again, then it keeps its date and batch filter', async () => {
    const info = await engine.refresh(SHEET);
    expect(info).toMatchObject({ effectiveDate: DATE, filter: BATCH });
    expect(wb.cell(SHEET, 0, COL.firstData).text).toContain(`Batch name: ${BATCH}`);
    expect(wb.dimensions(SHEET).rowCount - FIRST_DATA_ROW).toBe(4);
  });

  it('when Contacts is prepared without a filter, then every participant’s contacts are listed, locked', async () => {
    await engine.prepare('participant-contacts', { effectiveDate: DATE });
    const contacts = createLayout((await engine.definitions()).find((d) => d.kind === 'participant-contacts')!, 'en-US');
    const number = contacts.dataColumns.find((c) => c.key === 'personNumber')!.index;
    expect(wb.cell('Contacts', FIRST_DATA_ROW, number)).toMatchObject({ value: 'P10001', locked: true });
    expect(wb.cell('Contacts', 0, COL.firstData).text).toBe('Contacts — Session effective date: 1/1/2026');
  });
});
