/**
 * Excel's side of a download and an upload at scale: src/engine driving the simulated Excel host (which counts every
 * request and its size, with Excel on the web's 5 MB limit), against the real server. Prepare downloads every row of
 * Person Benefit Groups; then a paste changes the group of every row and the engine uploads the changes.
 */
import { createApiClient } from '../../../src/api/api-client';
import { createLayout, FIRST_DATA_ROW } from '../../../src/core/sheet-layout';
import { createWorkbookEngine } from '../../../src/engine/workbook-engine';
import { createOfficeHost } from '../../../src/excel/office-host';
import { createSimulatedExcel } from '../../../src/excel/simulated/excel-api';

const KIND = 'person-benefit-groups';
const DATE = '2026-03-01';
const MB = 1024 * 1024;

/** What the issue allows: 2 requests per started 5 MB of payload, plus 5. */
export const allowedRequests = (payloadBytes: number) => 2 * Math.ceil(payloadBytes / (5 * MB)) + 5;

export async function measureExcel(ctx: { baseUrl: string; token: string; rows: number }): Promise<{ prepareRequests: number; uploadRequests: number; allowed: { prepare: number; upload: number }; largestRequestMb: number; payloadMb: number }> {
  const api = createApiClient({ baseURL: ctx.baseUrl, getToken: () => ctx.token });
  const excel = createSimulatedExcel();
  const wb = excel.workbook;
  const engine = createWorkbookEngine({ host: createOfficeHost(excel), api, locale: 'en-US' });
  const definition = (await api.workbooks()).find((d) => d.kind === KIND)!;
  const layout = createLayout(definition, 'en-US');
  const groupColumn = layout.dataColumns.find((c) => c.key === 'benefitsGroup')!.index;

  const before = wb.counters.syncCount;
  const info = await engine.prepare(KIND, { effectiveDate: DATE });
  const prepareRequests = wb.counters.syncCount - before;
  const largestPrepare = wb.counters.maxRequestBytes;

  const { rowCount } = wb.dimensions(info.sheet);
  const dataRows = Math.min(ctx.rows, rowCount - FIRST_DATA_ROW);
  const groups = (await api.rows(KIND, { effectiveDate: DATE }, undefined, 1)).lists.benefitGroups;
  const sheetRows: unknown[][] = [];
  for (let r = 0; r < dataRows; r++) {
    const current = wb.cell(info.sheet, FIRST_DATA_ROW + r, groupColumn).value;
    sheetRows.push([groups[(groups.indexOf(String(current)) + 1) % groups.length]]);
  }
  // The payload: the data rows as the sheet holds them (every column), in JSON, as Excel would carry them.
  let payloadBytes = 0;
  for (let r = 0; r < dataRows; r++) {
    const cells: unknown[] = [];
    for (let c = 0; c < layout.width; c++) cells.push(wb.cell(info.sheet, FIRST_DATA_ROW + r, c).value);
    payloadBytes += JSON.stringify(cells).length + 1;
  }
  wb.userPaste(info.sheet, FIRST_DATA_ROW, groupColumn, sheetRows as never);

  const beforeUpload = wb.counters.syncCount;
  wb.counters.maxRequestBytes = 0;
  await engine.upload(info.sheet);
  const uploadRequests = wb.counters.syncCount - beforeUpload;
  const largest = Math.max(largestPrepare, wb.counters.maxRequestBytes);
  return {
    prepareRequests,
    uploadRequests,
    allowed: { prepare: allowedRequests(payloadBytes), upload: allowedRequests(payloadBytes) },
    largestRequestMb: largest / MB,
    payloadMb: payloadBytes / MB,
  };
}
