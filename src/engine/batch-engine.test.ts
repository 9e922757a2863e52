/**
 * The engine on a batch kind (Benefit Enrollments) against real parts: the real server on port 0 with demo data,
 * the real axios client, and the office host over the simulated Excel API.
 */
import { randomUUID } from 'node:crypto';
import { createApiClient, type ApiClient } from '../api/api-client';
import { createOfficeHost } from '../excel/office-host';
import { createSimulatedExcel } from '../excel/simulated/excel-api';
import type { SimulatedWorkbook, Value } from '../excel/simulated/workbook-model';
import { startServer, type RunningServer } from '../../server/main';
import { pgliteTemplate } from '../../server/test-support/templates';
import { BATCH_CELLS } from '../core/batch-cells';
import { isoToCell } from '../core/dates';
import { createLayout, FIRST_DATA_ROW } from '../core/sheet-layout';
import type { UploadRequest } from '../contract/api';
import { createWorkbookEngine } from './workbook-engine';
import type { Progress, WorkbookEngine } from './engine-types';

jest.setTimeout(60000);

const KIND = 'benefit-enrollments';
const SHEET = 'Benefit Enrollments';
const NAME = BATCH_CELLS.batchName;
const AUDIT = BATCH_CELLS.auditLog;
let server: RunningServer;
let api: ApiClient;
let uploads: UploadRequest[];
let jobsStarted: number;
let wb: SimulatedWorkbook;
let engine: WorkbookEngine;
let col: Record<string, number>;

beforeAll(async () => {
  server = await startServer({ port: 0, loadDataDir: pgliteTemplate() });
  const session: { token?: string } = {};
  const real = createApiClient({ baseURL: server.url, getToken: () => session.token });
  session.token = (await real.signIn('demo', 'demo123')).token;
  // The real client, recording what it sends.
  api = {
    ...real,
    upload: (kind, request) => (uploads.push(request), real.upload(kind, request)),
    startBatchJob: (kind, name, request) => (jobsStarted++, real.startBatchJob(kind, name, request)),
  };
  const definition = (await real.workbooks()).find((d) => d.kind === KIND)!;
  col = Object.fromEntries(createLayout(definition, 'en-US').dataColumns.map((c) => [c.key, c.index]));
});
afterAll(() => server.close());

beforeEach(async () => {
  uploads = [];
  jobsStarted = 0;
  const excel = createSimulatedExcel();
  wb = excel.workbook;
  engine = createWorkbookEngine({ host: createOfficeHost(excel), api, locale: 'en-US', pollMs: 20 });
  await engine.prepare(KIND, {});
});

/** A name no other test uses (the server keeps batches for the whole run). */
const uniqueName = (prefix = 'Test batch') => `${prefix} ${randomUUID().slice(0, 8)}`;

/** A participant's enrollment in Medical as the seed's example fills it in; only a person who is no participant fails it. */
const enrollment = (personNumber: string): Record<string, Value> => ({
  enrollmentType: 'Participant Enrollment',
  effectiveDate: isoToCell('2026-01-01'),
  personNumber,
  programName: 'Health and Welfare',
  planName: 'Medical',
  optionName: 'Employee Only',
  lifeEvent: 'New Hire',
  lifeEventOccurredDate: isoToCell('2026-01-01'),
  createPotentialLifeEvent: 'Yes',
  benefitRelationship: 'Default',
  closeLifeEvent: 'Yes',
});

/** Types a line into a sheet row as a person would (dropdown cells only take their list's values). */
function enterLine(row: number, values: Record<string, Value>, w = wb): void {
  for (const [key, value] of Object.entries(values)) expect([key, w.userEdit(SHEET, row, col[key], value)]).toEqual([key, { ok: true }]);
}

function typeBatch(name: string, auditLog = 'No', w = wb): void {
  expect(w.userEdit(SHEET, NAME.row, NAME.column, name)).toEqual({ ok: true });
  expect(w.userPickFromList(SHEET, AUDIT.row, AUDIT.column, auditLog)).toEqual({ ok: true });
}

/** Rows up to the last one holding anything besides its Changed formula (blank rows below the data have one too). */
function usedRows(w: SimulatedWorkbook = wb): number {
  const { rowCount, columnCount } = w.dimensions(SHEET);
  for (let r = rowCount - 1; r >= 0; r--) for (let c = 1; c < columnCount; c++) if (w.cell(SHEET, r, c).value !== '') return r + 1;
  return 0;
}

function findRow(personNumber: string, w = wb): number {
  for (let r = FIRST_DATA_ROW; r < usedRows(w); r++) if (w.cell(SHEET, r, col.personNumber).value === personNumber) return r;
  throw new Error(`no line for ${personNumber}`);
}

describe('workbook engine on a batch kind', () => {
  it('when a batch workbook is prepared without a name, then the sheet has the batch cells, the lists as dropdowns and no lines', async () => {
    expect([0, 2, 3, 4, 5].map((c) => wb.cell(SHEET, 0, c).value)).toEqual(['Benefit Enrollments', '*Batch Name', '', 'Audit Log', 'No']);
    expect(wb.cell(SHEET, NAME.row, NAME.column)).toMatchObject({ locked: false, fill: '#FFF2CC' });
    expect(wb.cell(SHEET, AUDIT.row, AUDIT.column)).toMatchObject({ locked: false, list: ['Yes', 'No'] });
    expect(wb.cell(SHEET, 0, 0).locked).toBe(true);
    expect([col.enrollmentType, col.effectiveDate, col.personNumber].map((c) => wb.cell(SHEET, 1, c).value)).toEqual(['*Enrollment Type', '*Effective Date', '*Person Number']);
    expect(usedRows(wb)).toBe(FIRST_DATA_ROW);
    expect(wb.cell(SHEET, FIRST_DATA_ROW, col.enrollmentType)).toMatchObject({ locked: false, list: expect.arrayContaining(['Participant Enrollment', 'Beneficiary Designation']) });
    expect(wb.cell(SHEET, FIRST_DATA_ROW, col.planName).list).toEqual(expect.arrayContaining(['Medical', 'Dental', 'Basic Life']));
    // seed: Batch Line ID, Message, Row Batch Status and Key are "Do not modify"; reserved columns are hidden and locked.
    for (const key of ['batchLineId', 'message', 'rowBatchStatus', 'lineKey']) expect([key, wb.cell(SHEET, FIRST_DATA_ROW, col[key]).locked]).toEqual([key, true]);
    for (const key of ['additionalPersonIdentifier', 'planDisenrolledFrom', 'optionDisenrolledFrom', 'disenrolledCoverageAmount']) {
      expect([key, wb.columnInfo(SHEET, col[key]).hidden, wb.cell(SHEET, FIRST_DATA_ROW, col[key]).locked]).toEqual([key, true, true]);
    }
    expect(wb.columnInfo(SHEET, col.message).hidden).toBe(false);
    expect(wb.isProtected(SHEET)).toBe(true);
    expect(await engine.activeSheetInfo()).toEqual({ sheet: SHEET, kind: KIND, title: 'Benefit Enrollments', scope: 'batch' });
  });

  it('when lines are uploaded under a new batch name, then the batch is created with them, each says Inserted with its Batch Line ID, and it downloads again by name', async () => {
    const name = uniqueName();
    typeBatch(name, 'Yes');
    enterLine(FIRST_DATA_ROW, enrollment('P10001'));
    enterLine(FIRST_DATA_ROW + 1, enrollment('P10002'));

    const summary = await engine.upload(SHEET);

    expect(uploads.map((u) => [u.batchName, u.auditLog, u.effectiveDate, u.rows.length])).toEqual([[name, true, undefined, 2]]);
    expect(summary).toMatchObject({ inserted: 2, failed: 0 });
    for (const row of [FIRST_DATA_ROW, FIRST_DATA_ROW + 1]) {
      expect(wb.cell(SHEET, row, 2).value).toBe('Inserted');
      expect(typeof wb.cell(SHEET, row, col.batchLineId).value).toBe('number');
    }
    expect(await engine.activeSheetInfo()).toMatchObject({ scope: 'batch', batchName: name });

    const again = createSimulatedExcel();
    const other = createWorkbookEngine({ host: createOfficeHost(again), api, locale: 'en-US' });
    expect(await other.prepare(KIND, { batchName: name })).toMatchObject({ scope: 'batch', batchName: name });
    expect(again.workbook.cell(SHEET, NAME.row, NAME.column).value).toBe(name);
    expect([findRow('P10001', again.workbook), findRow('P10002', again.workbook)]).toHaveLength(2);
    expect(again.workbook.cell(SHEET, findRow('P10001', again.workbook), col.planName).value).toBe('Medical');
  });

  it('when the Batch Name cell is empty, then upload and delete say where to enter it and send nothing', async () => {
    enterLine(FIRST_DATA_ROW, enrollment('P10003'));
    await expect(engine.upload(SHEET)).rejects.toThrow('Enter a batch name in cell D1 (Batch Name), then upload again.');
    wb.userEdit(SHEET, NAME.row, NAME.column, '   ');
    await expect(engine.upload(SHEET)).rejects.toThrow('Enter a batch name in cell D1 (Batch Name)');
    await expect(engine.deleteMarkedRows(SHEET)).rejects.toThrow('Enter a batch name in cell D1 (Batch Name)');
    expect(uploads).toEqual([]);
    expect(wb.cell(SHEET, FIRST_DATA_ROW, 2).value).toBe(''); // no status written
  });

  it('when a new batch name is prepared, then the sheet is empty with that name in D1, ready to start the batch', async () => {
    const name = uniqueName('New batch');
    expect(await engine.prepare(KIND, { batchName: ` ${name} ` })).toMatchObject({ batchName: name });
    expect(wb.cell(SHEET, NAME.row, NAME.column).value).toBe(name);
    expect(usedRows(wb)).toBe(FIRST_DATA_ROW);
  });

  it('when Download batch names a batch that does not exist, then it says so and the sheet is left untouched; an existing one replaces the lines', async () => {
    enterLine(FIRST_DATA_ROW, enrollment('P10004'));
    await expect(engine.refresh(SHEET)).rejects.toThrow('Enter a batch name in cell D1 (Batch Name), then download again.');
    const missing = uniqueName('Missing');
    typeBatch(missing);
    await expect(engine.refresh(SHEET)).rejects.toThrow(`There is no batch called "${missing}" yet. Enter its lines and click Upload changes to create it.`);
    expect(wb.cell(SHEET, FIRST_DATA_ROW, col.personNumber).value).toBe('P10004');
    expect(wb.cell(SHEET, NAME.row, NAME.column).value).toBe(missing);

    const name = uniqueName();
    typeBatch(name, 'Yes');
    await engine.upload(SHEET);
    enterLine(FIRST_DATA_ROW + 1, enrollment('P10006')); // typed, not uploaded: Download replaces it
    await engine.refresh(SHEET);
    expect(usedRows(wb)).toBe(FIRST_DATA_ROW + 1);
    expect(wb.cell(SHEET, FIRST_DATA_ROW, col.personNumber).value).toBe('P10004');
    expect([wb.cell(SHEET, NAME.row, NAME.column).value, wb.cell(SHEET, AUDIT.row, AUDIT.column).value]).toEqual([name, 'Yes']);
  });

  it('when a line has changes that are not uploaded, then Process batch refuses and starts no run', async () => {
    const name = uniqueName();
    typeBatch(name);
    enterLine(FIRST_DATA_ROW, enrollment('P10007'));
    await engine.upload(SHEET);
    wb.userEdit(SHEET, FIRST_DATA_ROW, col.optionName, 'Employee Plus Family');
    enterLine(FIRST_DATA_ROW + 1, enrollment('P10008'));
    await expect(engine.processBatch(SHEET)).rejects.toThrow('2 rows have changes that are not uploaded. Upload them first, then process the batch.');
    expect(jobsStarted).toBe(0);
  });

  it('when the batch is processed, then progress reaches every line and the sheet shows each line’s status, message and Batch Line ID', async () => {
    const name = uniqueName('Spring/2026'); // a "/" in the name stays part of it in the run's address
    typeBatch(name, 'Yes');
    enterLine(FIRST_DATA_ROW, enrollment('P10009'));
    // seed: without Create Potential Life Event the life event must already exist; P10011 has none, so processing fails the line.
    enterLine(FIRST_DATA_ROW + 1, { ...enrollment('P10011'), createPotentialLifeEvent: 'No' });
    expect(await engine.upload(SHEET)).toMatchObject({ inserted: 2, failed: 0 });

    const progress: Progress[] = [];
    const job = await engine.processBatch(SHEET, (p) => progress.push(p));

    expect(job).toMatchObject({ batchName: name, status: 'completed', total: 2, done: 2, completed: 1, errors: 1 });
    const processing = progress.filter((p) => p.phase === 'Processing batch lines');
    expect(processing.at(-1)).toEqual({ phase: 'Processing batch lines', done: 2, total: 2 });
    expect(jobsStarted).toBe(1);
    const good = findRow('P10009');
    const bad = findRow('P10011');
    expect(wb.cell(SHEET, good, col.rowBatchStatus)).toMatchObject({ value: 'COMPLETE', fill: '#C6EFCE', fontColor: '#006100' });
    expect(wb.cell(SHEET, bad, col.rowBatchStatus)).toMatchObject({ value: 'ERROR', fill: '#FFC7CE', fontColor: '#9C0006' });
    expect(String(wb.cell(SHEET, bad, col.message).value)).toMatch(/P10011 has no potential life event/);
    const lineIds = [good, bad].map((r) => wb.cell(SHEET, r, col.batchLineId).value);
    expect(lineIds.every((id) => typeof id === 'number')).toBe(true);
    expect([wb.cell(SHEET, NAME.row, NAME.column).value, wb.cell(SHEET, AUDIT.row, AUDIT.column).value]).toEqual([name, 'Yes']);
    expect(await engine.upload(SHEET)).toMatchObject({ inserted: 0, updated: 0 }); // the downloaded results are not changes

    const log = await engine.auditLog(SHEET);
    expect(log).toContainEqual(expect.objectContaining({ lineId: lineIds[1], level: 'ERROR' }));
  });

  it('when a line fails in processing, then it is listed with the failed rows with its message, until an uploaded fix clears it', async () => {
    typeBatch(uniqueName());
    enterLine(FIRST_DATA_ROW, enrollment('P10013'));
    enterLine(FIRST_DATA_ROW + 1, { ...enrollment('P10011'), createPotentialLifeEvent: 'No' });
    await engine.upload(SHEET);
    await engine.processBatch(SHEET);
    const bad = findRow('P10011');
    const message = String(wb.cell(SHEET, bad, col.message).value);
    expect(message).toMatch(/^Line \d+: .*P10011 has no potential life event/);

    // The pane shows the message's dates in the user's format (en-US here), as the sheet shows dates.
    const shown = message.replace('2026-01-01', '1/1/2026');
    const failed = [{ row: bad, excelRow: bad + 1, key: expect.any(String), status: 'Processing failed', errors: [{ message: shown }] }];
    expect(await engine.failedRows(SHEET)).toEqual(failed);
    expect(await engine.rowErrors(SHEET, bad)).toEqual(failed[0]);
    expect(await engine.rowErrors(SHEET, findRow('P10013'))).toBeUndefined();

    // Fixed and uploaded: the line waits to be processed again, so it is no failure any more.
    wb.userPickFromList(SHEET, bad, col.createPotentialLifeEvent, 'Yes');
    expect(await engine.upload(SHEET)).toMatchObject({ updated: 1, failed: 0 });
    expect(wb.cell(SHEET, bad, col.rowBatchStatus).value).toBe('');
    expect(await engine.failedRows(SHEET)).toEqual([]);
  });
  it('when the selected line’s life event is backed out, then the sheet shows its lines BACKED OUT, and once voided it can be deleted', async () => {
    const name = uniqueName('Back out');
    typeBatch(name, 'Yes');
    enterLine(FIRST_DATA_ROW, enrollment('P10016'));
    enterLine(FIRST_DATA_ROW + 1, { ...enrollment('P10016'), planName: 'Dental', optionName: 'Basic' });
    await engine.upload(SHEET);
    // Nothing processed yet: the server knows the line, but no life event.
    wb.userSelect(SHEET, { row: FIRST_DATA_ROW, column: col.personNumber, rowCount: 1, columnCount: 1 });
    expect(await engine.selectedLifeEvent(SHEET)).toMatchObject({ personNumber: 'P10016', status: null });
    await engine.processBatch(SHEET);

    const row = findRow('P10016');
    wb.userSelect(SHEET, { row, column: col.personNumber, rowCount: 1, columnCount: 1 });
    const event = await engine.selectedLifeEvent(SHEET);
    expect(event).toMatchObject({ batchName: name, personNumber: 'P10016', lifeEvent: 'New Hire', occurredDate: '2026-01-01', status: 'CLOSED', enrollments: 2, lineIds: [1, 2] });

    wb.userEdit(SHEET, FIRST_DATA_ROW + 2, col.personNumber, 'P10017'); // typed, not uploaded
    await expect(engine.backOutLifeEvent(SHEET, event.lineId)).rejects.toThrow('1 row has changes that are not uploaded. Upload them first, then back out the life event.');
    wb.userEdit(SHEET, FIRST_DATA_ROW + 2, col.personNumber, '');

    const result = await engine.backOutLifeEvent(SHEET, event.lineId);
    expect(result).toMatchObject({ alreadyBackedOut: false, removed: { enrollments: 2 }, lifeEvent: { status: 'VOIDED' } });
    for (const r of [FIRST_DATA_ROW, FIRST_DATA_ROW + 1]) {
      expect(wb.cell(SHEET, r, col.rowBatchStatus).value).toBe('BACKED OUT');
      expect(String(wb.cell(SHEET, r, col.message).value)).toMatch(/^Line \d: Backed out on /);
    }
    expect(await engine.failedRows(SHEET)).toEqual([]); // backed out is no failure
    wb.userSelect(SHEET, { row: FIRST_DATA_ROW + 1, column: col.personNumber, rowCount: 1, columnCount: 1 });
    expect(await engine.selectedLifeEvent(SHEET)).toMatchObject({ status: 'VOIDED', lineId: 2 });
    expect((await engine.deleteVoidedLifeEvent(SHEET, 2)).message).toMatch(/^Deleted the voided potential life event New Hire of 2026-01-01 for P10016/);
    expect(await engine.selectedLifeEvent(SHEET)).toMatchObject({ status: null });
  });

  it('when no single uploaded line is selected, then Back out life event says what to select', async () => {
    typeBatch(uniqueName());
    enterLine(FIRST_DATA_ROW, enrollment('P10018'));
    wb.userSelect(SHEET, { row: FIRST_DATA_ROW, column: col.personNumber, rowCount: 1, columnCount: 1 });
    await expect(engine.selectedLifeEvent(SHEET)).rejects.toThrow(`Row ${FIRST_DATA_ROW + 1} has no Batch Line ID: it is not uploaded yet, so nothing was processed for it.`);
    wb.userSelect(SHEET, { row: FIRST_DATA_ROW, column: col.personNumber, rowCount: 2, columnCount: 1 });
    await expect(engine.selectedLifeEvent(SHEET)).rejects.toThrow('Select one line of the batch (a single row), then click Back out life event again.');
  });
});
