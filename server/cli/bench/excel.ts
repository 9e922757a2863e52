/**
 * Excel's side of a download and an upload at scale: src/engine driving the simulated Excel host against the real
 * server. Prepare downloads every row of Person Benefit Groups; then a paste changes the group of every row and the
 * engine uploads the changes. Counted as src/engine/request-counts.test.ts counts them, by the simulated host
 * (src/excel/simulated/request-context.ts): a request is a context.sync() that sends something; the payload is the
 * bytes of cell values the requests wrote (prepare) or read (upload); the largest is the largest request or
 * response, as office.js would send it.
 */
import { createApiClient } from '../../../src/api/api-client';
import { allowedExcelRequests } from '../../../src/core/request-size';
import { createLayout, FIRST_DATA_ROW } from '../../../src/core/sheet-layout';
import { createWorkbookEngine } from '../../../src/engine/workbook-engine';
import { createOfficeHost } from '../../../src/excel/office-host';
import { createSimulatedExcel } from '../../../src/excel/simulated/excel-api';

const KIND = 'person-benefit-groups';
// After every date the earlier steps write (the upload 2026-03-01, the 20 clients 2026-04-01): a session dated before
// a record's later change cannot edit it, so the Excel step's prepare and upload are dated after them all.
const DATE = '2026-05-01';
const MB = 1024 * 1024;

/** What the issue allows: 2 requests per started 5 MB of payload, plus 5 (the same function as the test's). */
const allowedRequests = allowedExcelRequests;

export interface ExcelFigures {
  prepareRequests: number;
  uploadRequests: number;
  allowed: { prepare: number; upload: number };
  payloadMb: { prepare: number; upload: number };
  largestRequestMb: number;
  /** Requests Excel refused for their size (0, or the figures above measure a failed action). */
  refused: number;
}

export async function measureExcel(ctx: { baseUrl: string; token: string; rows: number }): Promise<ExcelFigures> {
  const api = createApiClient({ baseURL: ctx.baseUrl, getToken: () => ctx.token });
  const excel = createSimulatedExcel();
  const wb = excel.workbook;
  const engine = createWorkbookEngine({ host: createOfficeHost(excel), api, locale: 'en-US' });
  const definition = (await api.workbooks()).find((d) => d.kind === KIND)!;
  const layout = createLayout(definition, 'en-US');
  const groupColumn = layout.dataColumns.find((c) => c.key === 'benefitsGroup')!.index;

  const c0 = { ...wb.counters };
  const info = await engine.prepare(KIND, { effectiveDate: DATE });
  const prepare = { requests: wb.counters.syncCount - c0.syncCount, payload: wb.counters.valueBytesWritten - c0.valueBytesWritten, largest: wb.counters.maxRequestBytes };

  // The downloaded rows: those with a key (the entry rows below them are blank).
  const { rowCount } = wb.dimensions(info.sheet);
  let dataRows = 0;
  while (FIRST_DATA_ROW + dataRows < rowCount && String(wb.cell(info.sheet, FIRST_DATA_ROW + dataRows, layout.key).value ?? '') !== '') dataRows++;
  const groups = (await api.rows(KIND, { effectiveDate: DATE }, undefined, 1)).lists.benefitGroups;
  const pasted = Array.from({ length: dataRows }, (_, r) => [groups[(groups.indexOf(String(wb.cell(info.sheet, FIRST_DATA_ROW + r, groupColumn).value)) + 1) % groups.length]]);
  wb.userPaste(info.sheet, FIRST_DATA_ROW, groupColumn, pasted as never);

  const c1 = { ...wb.counters };
  wb.counters.maxRequestBytes = 0;
  const summary = await engine.upload(info.sheet);
  if (summary.updated !== dataRows) throw new Error(`The Excel upload saved ${summary.updated} of ${dataRows} rows: ${JSON.stringify(summary.failedRows.slice(0, 3))}`);
  const upload = { requests: wb.counters.syncCount - c1.syncCount, payload: wb.counters.valueBytesRead - c1.valueBytesRead, largest: wb.counters.maxRequestBytes };
  return {
    prepareRequests: prepare.requests,
    uploadRequests: upload.requests,
    allowed: { prepare: allowedRequests(prepare.payload), upload: allowedRequests(upload.payload) },
    payloadMb: { prepare: prepare.payload / MB, upload: upload.payload / MB },
    largestRequestMb: Math.max(prepare.largest, upload.largest) / MB,
    refused: wb.counters.refusedCount,
  };
}
