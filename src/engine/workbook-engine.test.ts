/**
 * The engine against real parts: the real server on port 0 (embedded PGlite with demo data),
 * the real axios client, and the office host over the simulated Excel API.
 */
import { createApiClient, type ApiClient } from '../api/api-client';
import { createOfficeHost } from '../excel/office-host';
import { createSimulatedExcel } from '../excel/simulated/excel-api';
import type { SimulatedWorkbook } from '../excel/simulated/workbook-model';
import { unhideableSheets, visibilityOf } from '../excel/simulated/sheet-visibility';
import { clearUndoLog, undoClears } from '../excel/simulated/undo-log';
import { isFilteredOut, userFilter } from '../excel/simulated/autofilter';
import { startServer, type RunningServer } from '../../server/main';
import { pgliteTemplate } from '../../server/test-support/templates';
import { createLayout, FIRST_DATA_ROW } from '../core/sheet-layout';
import { createWorkbookEngine } from './workbook-engine';
import type { WorkbookEngine } from './engine-types';
import type { UploadRequest } from '../contract/api';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

jest.setTimeout(60000);

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
  // The real client, recording what it sends.
  api = { ...real, upload: (kind, request) => (uploads.push(request), real.upload(kind, request)) };
  const definition = (await real.workbooks()).find((d) => d.kind === 'person-benefit-groups')!;
  const layout = createLayout(definition, 'en-US');
  col = Object.fromEntries(layout.dataColumns.map((c) => [c.key, c.index]));
  Object.assign(col, { key: layout.key, errors: layout.errors });
});
afterAll(() => server.close());

beforeEach(async () => {
  uploads = [];
  const excel = createSimulatedExcel();
  wb = excel.workbook;
  engine = createWorkbookEngine({ host: createOfficeHost(excel), api, locale: 'en-US' });
  await engine.prepare('person-benefit-groups', { effectiveDate: DATE });
});

/** Rows up to the last one holding anything besides its Changed formula (blank rows below the data have one too). */
function usedRows(w: SimulatedWorkbook = wb): number {
  const { rowCount, columnCount } = w.dimensions(SHEET);
  for (let r = rowCount - 1; r >= 0; r--) for (let c = 1; c < columnCount; c++) if (w.cell(SHEET, r, c).value !== '') return r + 1;
  return 0;
}

function findRow(personNumber: string): number {
  for (let r = FIRST_DATA_ROW; r < usedRows(wb); r++) if (wb.cell(SHEET, r, col.personNumber).value === personNumber) return r;
  throw new Error(`no row for ${personNumber}`);
}

describe('workbook engine', () => {
  it('when a workbook is prepared, then the sheet has the title, starred headers, rows, dropdowns and locks, in a few Excel requests', async () => {
    const excel = createSimulatedExcel();
    const e = createWorkbookEngine({ host: createOfficeHost(excel), api, locale: 'en-GB' });
    await e.prepare('person-benefit-groups', { effectiveDate: DATE });
    const w = excel.workbook;
    expect(w.cell(SHEET, 0, 0).text).toBe('Person Benefit Groups — Session effective date: 01/01/2026');
    expect([0, 1, 2, col.personNumber, col.benefitsGroup].map((c) => w.cell(SHEET, 1, c).value)).toEqual(['Changed', 'Mark for Deletion', 'Status', '*Person Number', '*Benefits Group']);
    const first = FIRST_DATA_ROW;
    expect(w.cell(SHEET, first, col.personNumber).value).toBe('P10001');
    expect(w.cell(SHEET, first, col.startDate).text).toBe('01/01/2025'); // the user's date format
    expect(w.cell(SHEET, first, col.benefitsGroup)).toMatchObject({ locked: false, list: expect.arrayContaining(['Executives', 'Interns']) });
    expect(w.cell(SHEET, first, col.benefitsGroup).list).not.toContain('Legacy Contractors'); // ended before the session date
    expect(w.cell(SHEET, first, col.personName).locked).toBe(true);
    expect(w.cell(SHEET, first, col.personNumber).locked).toBe(true);
    const rows = usedRows(w) - FIRST_DATA_ROW;
    expect(w.cell(SHEET, FIRST_DATA_ROW + rows, col.personNumber).locked).toBe(false); // blank rows take new records
    expect(w.columnInfo(SHEET, col.key).hidden).toBe(true);
    expect(w.isProtected(SHEET)).toBe(true);
    expect(w.counters.syncCount).toBeLessThan(20);
    expect(await e.activeSheetInfo()).toEqual({ sheet: SHEET, kind: 'person-benefit-groups', title: 'Person Benefit Groups', scope: 'effective-date', effectiveDate: DATE });
  });

  it('when rows are edited by dropdown pick, added and made invalid, then upload sends only those and writes each status', async () => {
    const edited = findRow('P10002');
    const bad = findRow('P10003');
    const newRow = usedRows(wb);
    expect(wb.userPickFromList(SHEET, edited, col.benefitsGroup, 'Executives')).toEqual({ ok: true }); // no change event
    expect(wb.userPaste(SHEET, bad, col.benefitsGroup, [['Gold Plated']])).toEqual({ ok: true }); // pastes skip validation
    expect(wb.userEdit(SHEET, edited, col.personName, 'Someone Else').ok).toBe(false); // locked
    wb.userEdit(SHEET, newRow, col.personNumber, 'P10010');
    wb.userPickFromList(SHEET, newRow, col.benefitsGroup, 'Interns');

    const summary = await engine.upload(SHEET);

    expect(uploads.flatMap((u) => u.rows).map((r) => [r.rowId, r.op])).toEqual([[edited, 'update'], [bad, 'update'], [newRow, 'insert']]);
    expect(uploads[0].rows[0].values).toEqual({ benefitsGroup: 'Executives' }); // only editable columns on update
    expect(summary).toMatchObject({ inserted: 1, updated: 1, failed: 1 });
    expect(wb.cell(SHEET, edited, 2).value).toBe('Updated');
    expect(wb.cell(SHEET, edited, col.startDate).value).toBe(46023);
    expect(wb.cell(SHEET, newRow, 2).value).toBe('Inserted');
    expect(wb.cell(SHEET, newRow, col.personName).value).toBe('Jamal Ivanova');
    expect(wb.cell(SHEET, newRow, col.key).value).not.toBe('');
    expect(wb.cell(SHEET, bad, 2)).toMatchObject({ value: 'Upload Failed', fill: '#FFC7CE' });
    expect(wb.cell(SHEET, bad, 0).value).toBe('✓');

    const errors = await engine.rowErrors(SHEET, bad);
    expect(errors?.errors).toEqual([expect.objectContaining({ column: 'benefitsGroup', header: 'Benefits Group', message: expect.stringContaining('Gold Plated') })]);
    expect((await engine.failedRows(SHEET)).map((f) => f.excelRow)).toEqual([bad + 1]);

    uploads = [];
    wb.userPickFromList(SHEET, bad, col.benefitsGroup, 'Retirees');
    const second = await engine.upload(SHEET);
    expect(uploads.flatMap((u) => u.rows).map((r) => r.rowId)).toEqual([bad]); // only the still-changed row
    expect(second).toMatchObject({ updated: 1, failed: 0 });
    expect(wb.cell(SHEET, bad, 0).value).toBe('');
  });

  it('when a non-editable column is edited (the sheet unprotected), then the edit is not uploaded', async () => {
    wb.sheet(SHEET)!.protectedWith = undefined;
    const row = findRow('P10004');
    wb.userEdit(SHEET, row, col.personName, 'Changed Name');
    await engine.upload(SHEET);
    expect(uploads).toHaveLength(0);
  });

  it('when selected rows are marked and deleted, then they are gone from the server and say Deleted', async () => {
    const row = findRow('P10005');
    wb.userSelect(SHEET, { row, column: 0, rowCount: 1, columnCount: 1 });
    expect(await engine.markSelectedRowsForDeletion(SHEET)).toBe(1);
    expect(wb.cell(SHEET, row, 1).value).toBe('X');
    expect(await engine.countMarkedRows(SHEET)).toBe(1);
    await engine.upload(SHEET);
    expect(uploads).toHaveLength(0); // Upload does not delete
    const summary = await engine.deleteMarkedRows(SHEET);
    expect(summary.deleted).toBe(1);
    expect(wb.cell(SHEET, row, 2).value).toBe('Deleted');
    await engine.refresh(SHEET);
    expect(() => findRow('P10005')).toThrow();
  });

  it('when a row is changed by typing, a dropdown pick or a paste, then its Changed cell marks it at once and clears when undone, with no add-in request', async () => {
    const [typed, picked, pasted] = ['P10006', 'P10007', 'P10008'].map(findRow);
    const other = (row: number) => (wb.cell(SHEET, row, col.benefitsGroup).value === 'Interns' ? 'Retirees' : 'Interns');
    const before = wb.cell(SHEET, typed, col.benefitsGroup).value;
    const syncs = wb.counters.syncCount;
    expect(wb.userEdit(SHEET, typed, col.benefitsGroup, other(typed)).ok).toBe(true);
    expect(wb.userPickFromList(SHEET, picked, col.benefitsGroup, other(picked)).ok).toBe(true); // Excel raises no event
    expect(wb.userPaste(SHEET, pasted, col.benefitsGroup, [[other(pasted)]]).ok).toBe(true); // nor for a paste
    const blank = usedRows();
    wb.userEdit(SHEET, blank, col.personNumber, 'P10011');
    expect([typed, picked, pasted, blank].map((r) => wb.cell(SHEET, r, 0).value)).toEqual(['✓', '✓', '✓', '✓']);
    expect(wb.cell(SHEET, findRow('P10009'), 0).value).toBe('');
    wb.userEdit(SHEET, typed, col.benefitsGroup, before); // undone by hand
    expect(wb.cell(SHEET, typed, 0).value).toBe('');
    expect(wb.counters.syncCount).toBe(syncs); // Excel did it all: the add-in made no request
  });

  it('when a user types, picks, pastes and marks rows for deletion, then nothing clears Excel\'s undo stack; prepare and upload write-back do, as documented', async () => {
    expect(undoClears(wb)).toContain('WorksheetProtection.protect'); // prepare protects the sheet
    clearUndoLog(wb);
    const [a, b, c] = ['P10006', 'P10007', 'P10008'].map(findRow);
    wb.userEdit(SHEET, a, col.benefitsGroup, 'Interns');
    wb.userPickFromList(SHEET, b, col.benefitsGroup, 'Retirees');
    wb.userPaste(SHEET, c, col.benefitsGroup, [['Executives']]);
    wb.userSelect(SHEET, { row: c, column: 0, rowCount: 1, columnCount: 1 });
    expect(await engine.markSelectedRowsForDeletion(SHEET)).toBe(1);
    expect(wb.cell(SHEET, c, 1).value).toBe('X');
    await engine.countMarkedRows(SHEET);
    await engine.failedRows(SHEET);
    await engine.rowErrors(SHEET, a);
    expect(undoClears(wb)).toEqual([]);
    await engine.upload(SHEET);
    expect(undoClears(wb)).toEqual(expect.arrayContaining(['WorksheetProtection.unprotect', 'WorksheetProtection.protect']));
  });

  it('when rows are filtered out and the add-in sorts them, then upload, statuses, failed rows and selecting a row follow each row\'s key', async () => {
    const good = findRow('P10002');
    const bad = findRow('P10003');
    const picked = wb.cell(SHEET, good, col.benefitsGroup).value === 'Retirees' ? 'Executives' : 'Retirees';
    wb.userPickFromList(SHEET, good, col.benefitsGroup, picked);
    wb.userPaste(SHEET, bad, col.benefitsGroup, [['Gold Plated']]);
    // A person filters on the protected sheet (allowed: the filter was set before protecting); both rows are hidden.
    expect(userFilter(wb, SHEET, col.benefitsGroup, ['Interns'])).toEqual({ ok: true });
    expect([good, bad].map((r) => isFilteredOut(wb.sheet(SHEET)!, r))).toEqual([true, true]);
    await engine.sortRows(SHEET, 'personNumber', false);
    const [goodNow, badNow] = [findRow('P10002'), findRow('P10003')];
    expect(goodNow).not.toBe(good);
    expect(wb.cell(SHEET, goodNow, 0).value).toBe('✓'); // the formula moved with its row

    const summary = await engine.upload(SHEET);
    expect([wb.cell(SHEET, goodNow, 2).value, wb.cell(SHEET, badNow, 2).value]).toEqual(['Updated', 'Upload Failed']);
    expect(wb.cell(SHEET, goodNow, col.benefitsGroup).value).toBe(picked);
    expect(summary.failedRows.map((r) => r.row)).toEqual([badNow]);

    await engine.sortRows(SHEET, 'personNumber', true);
    expect(findRow('P10003')).not.toBe(badNow);
    const [listed] = summary.failedRows; // the list shown before the second sort
    await engine.selectRow(SHEET, listed.row, listed.key);
    expect(wb.selection().row).toBe(findRow('P10003'));
  });

  it('when the user inserts a row above the data while an upload runs, then each status lands on its own row', async () => {
    const excel = createSimulatedExcel();
    const w = excel.workbook;
    const inserting: ApiClient = { ...api, upload: async (kind, request) => {
      const answer = await api.upload(kind, request);
      expect(w.userInsertRows(SHEET, FIRST_DATA_ROW, 1)).toEqual({ ok: true }); // allowed on the protected sheet
      return answer;
    } };
    const e = createWorkbookEngine({ host: createOfficeHost(excel), api: inserting, locale: 'en-US' });
    await e.prepare('person-benefit-groups', { effectiveDate: DATE });
    const find = (p: string) => { for (let r = FIRST_DATA_ROW; r < usedRows(w); r++) if (w.cell(SHEET, r, col.personNumber).value === p) return r; return -1; };
    const edited = find('P10004');
    w.userPickFromList(SHEET, edited, col.benefitsGroup, w.cell(SHEET, edited, col.benefitsGroup).value === 'Interns' ? 'Retirees' : 'Interns');
    const blank = usedRows(w);
    w.userEdit(SHEET, blank, col.personNumber, 'P10040');
    w.userPickFromList(SHEET, blank, col.benefitsGroup, 'Interns');

    expect(await e.upload(SHEET)).toMatchObject({ inserted: 1, updated: 1 });
    expect(find('P10004')).toBe(edited + 1);
    expect(w.cell(SHEET, edited + 1, 2).value).toBe('Updated');
    expect(w.cell(SHEET, blank + 1, 2).value).toBe('Inserted');
    expect(w.cell(SHEET, edited, 2).value).not.toBe('Updated');
  });

  it('when a new row marked for deletion is deleted, then it is only cleared and nothing is sent', async () => {
    const newRow = usedRows(wb);
    wb.userEdit(SHEET, newRow, col.personNumber, 'P10011');
    wb.userPickFromList(SHEET, newRow, 1, 'X');
    expect(await engine.countMarkedRows(SHEET)).toBe(1);
    expect(await engine.deleteMarkedRows(SHEET)).toMatchObject({ deleted: 0, failed: 0 });
    expect(uploads).toHaveLength(0);
    expect(wb.cell(SHEET, newRow, col.personNumber).value).toBe('');
  });

  it('when a user types anything in Mark for Deletion and also edits the row, then Upload leaves it for Delete', async () => {
    wb.sheet(SHEET)!.protectedWith = undefined;
    const row = findRow('P10007');
    wb.userPaste(SHEET, row, 1, [['yes']]);
    wb.userPickFromList(SHEET, row, col.benefitsGroup, 'Retirees');
    expect(await engine.upload(SHEET)).toMatchObject({ updated: 0, inserted: 0 });
    expect(uploads).toHaveLength(0);
    expect(await engine.countMarkedRows(SHEET)).toBe(1);
  });

  it('when scattered rows are uploaded, then the sheet is read and written in whole blocks, not row by row', async () => {
    const rows = ['P10002', 'P10004', 'P10008', 'P10012', 'P10015', 'P10021', 'P10033', 'P10047', 'P10062', 'P10083'].map(findRow);
    for (const r of rows) wb.userPickFromList(SHEET, r, col.benefitsGroup, wb.cell(SHEET, r, col.benefitsGroup).value === 'Interns' ? 'Retirees' : 'Interns');
    const before = wb.counters.syncCount;
    await engine.upload(SHEET);
    expect(rows.map((r) => wb.cell(SHEET, r, 2).value)).toEqual(rows.map(() => 'Updated'));
    // settings and used range (5), one read block, one write of Changed marks, one write-back, growth check (2): not one per row
    expect(wb.counters.syncCount - before).toBeLessThanOrEqual(5 + 1 + 1 + 1 + 2);
  });
});

describe('workbook engine, when the connection drops after the server applied a chunk', () => {
  it('then the chunk is resent with the same idempotency key, applied once, and the row status is written', async () => {
    const target = new URL(server.url);
    let drop = true;
    const keys: string[] = [];
    const proxy = http.createServer((req, res) => {
      const body: Buffer[] = [];
      req.on('data', (c: Buffer) => body.push(c));
      req.on('end', () => {
        const upstream = http.request({ host: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers }, (answer) => {
          if (req.url?.includes('/uploads')) {
            keys.push((JSON.parse(Buffer.concat(body).toString()) as UploadRequest).idempotencyKey);
            if (drop) {
              drop = false;
              answer.resume();
              req.socket.destroy(); // applied by the server, answer lost on the way back
              return;
            }
          }
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        });
        upstream.end(Buffer.concat(body));
      });
    });
    await new Promise<void>((resolve) => proxy.listen(0, 'localhost', resolve));
    try {
      const session: { token?: string } = {};
      const viaProxy = createApiClient({ baseURL: `http://localhost:${(proxy.address() as AddressInfo).port}`, getToken: () => session.token, retryDelayMs: 10 });
      session.token = (await viaProxy.signIn('demo', 'demo123')).token;
      const excel = createSimulatedExcel();
      const w = excel.workbook;
      const e = createWorkbookEngine({ host: createOfficeHost(excel), api: viaProxy, locale: 'en-US' });
      await e.prepare('person-benefit-groups', { effectiveDate: DATE });
      const before = (await api.rows('person-benefit-groups', { effectiveDate: DATE }, undefined, 10000)).total as number;
      const newRow = usedRows(w);
      w.userEdit(SHEET, newRow, col.personNumber, 'P10030');
      w.userPickFromList(SHEET, newRow, col.benefitsGroup, 'Interns');

      const summary = await e.upload(SHEET);

      expect(keys).toHaveLength(2);
      expect(keys[1]).toBe(keys[0]);
      expect(summary).toMatchObject({ inserted: 1, failed: 0 });
      expect(w.cell(SHEET, newRow, 2).value).toBe('Inserted');
      expect((await api.rows('person-benefit-groups', { effectiveDate: DATE }, undefined, 10000)).total).toBe(before + 1);
      expect(await e.upload(SHEET)).toMatchObject({ inserted: 0, updated: 0 }); // nothing left to send
    } finally {
      await new Promise((resolve) => proxy.close(resolve));
    }
  });
});

describe('workbook engine: the sheet the pane names, and the lists sheet', () => {
  it('when rows are selected on another sheet than the one named, then nothing is marked and the message names the sheet', async () => {
    await engine.prepare('person-habits', { effectiveDate: DATE });
    const row = FIRST_DATA_ROW;
    wb.userSelect(SHEET, { row, column: 0, rowCount: 1, columnCount: 1 }); // the person is back on the groups sheet
    await expect(engine.markSelectedRowsForDeletion('Person Habits')).rejects.toThrow('Select the rows to delete on the sheet "Person Habits"');
    expect(wb.cell(SHEET, row, 1).value).toBe('');
  });

  it('when a workbook is prepared and downloaded again, then its lists sheet is very hidden (people cannot unhide it) and every list cell is text', async () => {
    const lists = wb.sheets.find((s) => s.name.endsWith(' Lists'))!.name;
    const check = () => {
      const sheet = wb.sheet(lists)!;
      expect(visibilityOf(sheet)).toBe('VeryHidden');
      expect(unhideableSheets(wb)).not.toContain(lists);
      const { rowCount, columnCount } = wb.dimensions(lists);
      expect(rowCount).toBeGreaterThan(0);
      for (let r = 0; r < rowCount; r++) for (let c = 0; c < columnCount; c++) expect(sheet.formatOf(r, c, 'numberFormat')).toBe('@');
    };
    check();
    await engine.refresh(SHEET); // replaces the very hidden sheet, which Excel cannot delete while very hidden
    check();
  });
});

