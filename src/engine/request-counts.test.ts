/**
 * Excel requests of prepare and upload against issue 12's allowance: 2 × ⌈payload / 5 MB⌉ + 5, none over 5 MB, where
 * the payload is the bytes of cell values the simulated Excel counted as written (prepare) or read (upload). The API
 * is an in-memory stand-in (these are Excel counts; the server has its own tests), so 10,000 rows stay quick.
 */
import type { ApiClient } from '../api/api-client';
import type { DownloadedRow, RowResult, WorkbookDefinition } from '../contract/api';
import { allowedExcelRequests } from '../core/request-size';
import { createLayout, FIRST_DATA_ROW } from '../core/sheet-layout';
import { createOfficeHost } from '../excel/office-host';
import { createSimulatedExcel } from '../excel/simulated/excel-api';
import { createWorkbookEngine } from './workbook-engine';

jest.setTimeout(120000);

const definition: WorkbookDefinition = {
  kind: 'notes',
  title: 'Person Notes',
  description: '',
  scope: 'effective-date',
  columns: [
    { key: 'personNumber', header: 'Person Number', type: 'text', editable: false, enterable: true, required: true, identifying: true },
    { key: 'personName', header: 'Person Name', type: 'text', editable: false, enterable: false, required: false },
    { key: 'note', header: 'Note', type: 'text', editable: true, enterable: true, required: false },
    { key: 'startDate', header: 'Start Date', type: 'date', editable: false, enterable: false, required: false },
  ],
};

function fakeApi(count: number, noteOf: (i: number) => string): ApiClient {
  const rows: DownloadedRow[] = Array.from({ length: count }, (_, i) => ({
    key: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    version: 1,
    values: { personNumber: `P${100000 + i}`, personName: `Person ${i} Lastname`, note: noteOf(i), startDate: '2025-01-01' },
  }));
  const api: Partial<ApiClient> = {
    workbooks: async () => [definition],
    rows: async (kind, _scope, after, limit) => {
      const offset = Number(after ?? 0); // the stand-in's cursor is the next row's index
      return { kind, rows: rows.slice(offset, offset + limit), ...(after === undefined ? { total: count } : {}), nextCursor: offset + limit < count ? String(offset + limit) : null, lists: {} };
    },
    upload: async (_kind, request) => ({
      results: request.rows.map((r): RowResult => ({ rowId: r.rowId, status: 'Updated', errors: [], key: r.key, version: (r.version ?? 0) + 1, values: { ...rows[0].values, ...r.values, startDate: '2026-01-01' } })),
    }),
  };
  return api as ApiClient;
}

const allowed = allowedExcelRequests;

async function prepareAndUpload(count: number, noteOf: (i: number) => string, editOf: (i: number) => string) {
  const excel = createSimulatedExcel();
  const wb = excel.workbook;
  const engine = createWorkbookEngine({ host: createOfficeHost(excel), api: fakeApi(count, noteOf) });
  const layout = createLayout(definition, 'en-US');
  const note = layout.dataColumns.find((c) => c.key === 'note')!.index;
  const c0 = { ...wb.counters };
  await engine.prepare('notes', { effectiveDate: '2026-01-01' });
  const prepare = { requests: wb.counters.syncCount - c0.syncCount, payload: wb.counters.valueBytesWritten - c0.valueBytesWritten, largest: wb.counters.maxRequestBytes };
  for (let i = 0; i < count; i++) wb.userPaste('Person Notes', FIRST_DATA_ROW + i, note, [[editOf(i)]]);
  const c1 = { ...wb.counters };
  wb.counters.maxRequestBytes = 0;
  const summary = await engine.upload('Person Notes');
  const upload = { requests: wb.counters.syncCount - c1.syncCount, payload: wb.counters.valueBytesRead - c1.valueBytesRead, largest: wb.counters.maxRequestBytes };
  return { prepare, upload, summary, refused: wb.counters.refusedCount };
}

// Wide values at 10,000 rows took 42 upload requests where 37 are allowed while the write-back rewrote each saved
// 4,000-character cell; it now writes only the cells that change (changed-cells.ts).
describe.each([
  ['realistic values', [1000, 10000], (i: number) => `Note ${i}`, (i: number) => `Changed note ${i}`],
  ['wide values (4,000-character text cells)', [1000, 10000], (i: number) => 'n'.repeat(3990) + String(i).padStart(10, '0'), (i: number) => 'e'.repeat(3990) + String(i).padStart(10, '0')],
] as const)('Excel requests with %s', (_name, sizes, noteOf, editOf) => {
  it.each([...sizes])('when %i rows are prepared and every row is changed and uploaded, then both stay within 2 × ⌈payload / 5 MB⌉ + 5 requests, none over 5 MB', async (count) => {
    const { prepare, upload, summary, refused } = await prepareAndUpload(count, noteOf, editOf);
    expect(summary.updated).toBe(count);
    expect(refused).toBe(0);
    expect(prepare.requests).toBeLessThanOrEqual(allowed(prepare.payload));
    expect(upload.requests).toBeLessThanOrEqual(allowed(upload.payload));
    expect(Math.max(prepare.largest, upload.largest)).toBeLessThan(5_000_000);
  });
});
