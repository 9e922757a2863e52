/**
 * Search before download, and Cancel on Prepare and on Process batch, in the engine: the office host over the
 * simulated Excel API, and a server stand-in that answers pages as the real one does and records what it was asked.
 */
import type { ApiClient, RowsScope } from '../api/api-client';
import type { BatchJob, RowsResponse, WorkbookDefinition } from '../contract/api';
import { createOfficeHost } from '../excel/office-host';
import { createSimulatedExcel } from '../excel/simulated/excel-api';
import type { SimulatedWorkbook } from '../excel/simulated/workbook-model';
import { BATCH_CELLS } from '../core/batch-cells';
import { FIRST_DATA_ROW } from '../core/sheet-layout';
import { testBatchDefinition, testDefinition } from '../core/test-definition';
import { createWorkbookEngine } from './workbook-engine';
import { PROCESS_PHASE } from './batch-run';
import type { WorkbookEngine } from './engine-types';

jest.setTimeout(60000); // a loaded machine

const searchable: WorkbookDefinition = { ...testDefinition, search: { group: { label: 'Benefits group' } } };
const batchKind: WorkbookDefinition = { ...testBatchDefinition, search: { status: { label: 'Line status' } } };
const row = (n: number) => ({ key: `k${n}`, version: 1, values: { person: `P${10000 + n}`, name: `Person ${n}`, group: 'Executives', start: '2025-01-01' } });

let wb: SimulatedWorkbook;
let engine: WorkbookEngine;
let asked: Array<{ kind: string; scope: RowsScope; after?: string }>;
/** Rows the stand-in server has for the current query; paged 5,000 at a time as the engine asks. */
let serverRows: number;
let beforePage: (n: number) => void;
let jobs: { polls: number; cancelled: boolean; sawCancelAt?: number };

function pageOf(kind: string, scope: RowsScope, after: string | undefined, limit: number): RowsResponse {
  const from = after === undefined ? 0 : Number(after);
  const to = Math.min(serverRows, from + limit);
  return {
    kind,
    ...(scope.batchName ? { batchName: scope.batchName, batchExists: true } : { effectiveDate: scope.effectiveDate }),
    ...(scope.search ? { search: scope.search, unknownPersonNumbers: ['P99999'] } : {}),
    rows: Array.from({ length: to - from }, (_, i) => row(from + i)),
    ...(after === undefined ? { total: serverRows } : {}),
    nextCursor: to < serverRows ? String(to) : null,
    lists: { groups: ['Executives'], plans: [] },
  };
}

const job = (status: BatchJob['status'], done: number): BatchJob => ({ jobId: 7, batchName: 'B1', status, total: 10, done, completed: done, errors: 0, message: null });

beforeEach(() => {
  const excel = createSimulatedExcel();
  wb = excel.workbook;
  asked = [];
  serverRows = 3;
  beforePage = () => undefined;
  jobs = { polls: 0, cancelled: false };
  const api = {
    workbooks: async () => [searchable, batchKind],
    rows: async (kind: string, scope: RowsScope, after: string | undefined, limit: number) => {
      beforePage(asked.length);
      asked.push({ kind, scope, after });
      return pageOf(kind, scope, after, limit);
    },
    startBatchJob: async () => job('queued', 0),
    // The run goes on one unit per poll until it sees the cancel; then it ends as cancelled after that unit.
    batchJob: async () => {
      jobs.polls++;
      if (jobs.cancelled) return job('cancelled', jobs.sawCancelAt! + 1);
      return jobs.polls >= 5 ? job('completed', 5) : job('running', jobs.polls);
    },
    cancelBatchJob: async () => {
      jobs.cancelled = true;
      jobs.sawCancelAt = jobs.polls;
      return job('running', jobs.polls);
    },
  } as unknown as ApiClient;
  engine = createWorkbookEngine({ host: createOfficeHost(excel), api, locale: 'en-US', pollMs: 1 });
});

const SHEET = 'Kind';
const title = (sheet = SHEET) => String(wb.cell(sheet, 0, 0).value);

describe('search before download in the engine', () => {
  it('when a sheet is prepared with a search, then the title names it, the settings keep it, and Download again asks for the same rows', async () => {
    const search = { personNumbers: Array.from({ length: 12 }, (_, i) => `P${10000 + i}`), name: 'smi', group: 'Executives' };
    const info = await engine.prepare(searchable.kind, { effectiveDate: '2026-01-01', search });
    expect(title()).toBe('Kind — Session effective date: 1/1/2026 — Person numbers: 12 listed; Name contains "smi"; Benefits group: Executives');
    expect(info).toMatchObject({ search, unknownPersonNumbers: ['P99999'] });
    expect((await engine.activeSheetInfo())?.search).toEqual(search); // read back from the sheet's settings
    expect(asked[0].scope.search).toEqual(search);

    asked = [];
    await engine.refresh(SHEET);
    expect(asked.map((a) => a.scope.search)).toEqual([search]);
    expect(title()).toContain('Person numbers: 12 listed; Name contains "smi"');
  });

  it('when a batch sheet has a search, then Download batch and the download after Process keep it', async () => {
    const search = { personNumbers: ['P10001'], status: 'ERROR' };
    await engine.prepare(batchKind.kind, { batchName: 'B1', search });
    const sheet = 'Batch Kind';
    expect(title(sheet)).toBe('Batch Kind — Person numbers: P10001; Line status: ERROR');
    expect(wb.cell(sheet, 0, BATCH_CELLS.batchName.column).value).toBe('B1');
    asked = [];
    await engine.refresh(sheet);
    await engine.processBatch(sheet);
    expect(asked.map((a) => a.scope)).toEqual([
      { batchName: 'B1', search },
      { batchName: 'B1', search },
    ]);
  });
});

describe('Cancel on Prepare and on Process batch', () => {
  it('when Prepare is cancelled during the download, then it stops after the page in flight and the sheet says plainly it is incomplete', async () => {
    serverRows = 5002; // two pages of 5,000 rows and one of 2
    const abort = new AbortController();
    beforePage = (n) => n === 0 && abort.abort(); // Cancel clicked while the first page is on its way
    const info = await engine.prepare(searchable.kind, { effectiveDate: '2026-01-01' }, undefined, abort.signal);
    expect(asked).toHaveLength(1);
    expect(info.incomplete).toBe(true);
    expect(title()).toBe('Kind — Session effective date: 1/1/2026 — INCOMPLETE: the download was cancelled after 5,000 of 5,002 rows; click Download again for all of them');
    expect(wb.cell(SHEET, FIRST_DATA_ROW + 4999, 3).value).toBe('P14999');
    expect(wb.cell(SHEET, FIRST_DATA_ROW + 5000, 3).value).toBe('');

    // Download again completes it, and the sheet is no longer marked incomplete.
    beforePage = () => undefined;
    const again = await engine.refresh(SHEET);
    expect(again.incomplete).toBeUndefined();
    expect(title()).not.toContain('INCOMPLETE');
    expect(wb.cell(SHEET, FIRST_DATA_ROW + 5001, 3).value).toBe('P15001');
  });

  it('when Process batch is cancelled, then the server is asked once to stop, the run ends as cancelled and the sheet is downloaded again', async () => {
    await engine.prepare(batchKind.kind, { batchName: 'B1' });
    const abort = new AbortController();
    const finished = await engine.processBatch('Batch Kind', (p) => {
      if (p.phase === PROCESS_PHASE && p.done === 2) abort.abort();
    }, abort.signal);
    expect(finished).toMatchObject({ status: 'cancelled', done: 3 });
    expect(jobs).toMatchObject({ cancelled: true, sawCancelAt: 2 });
    expect(asked.filter((a) => a.scope.batchName === 'B1')).toHaveLength(2); // prepare, then the download after the run
  });
});
