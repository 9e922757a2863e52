/** Which Excel the pane talks to: the real one inside Office; in a plain browser, a simulated one (development only). */
import { createOfficeHost, type ExcelApi } from '../excel/office-host';
import type { WorkbookHost } from '../excel/workbook-host';
import { sharedSimulatedExcel } from '../preview/shared-workbook';

export type PaneHost = { kind: 'excel'; host: WorkbookHost } | { kind: 'simulated'; host: WorkbookHost } | { kind: 'none' };

export async function choosePaneHost(): Promise<PaneHost> {
  const info = typeof Office !== 'undefined' ? await Office.onReady() : { host: null };
  if (info.host === Office.HostType.Excel) return { kind: 'excel', host: createOfficeHost(Excel as unknown as ExcelApi) };
  if (process.env.NODE_ENV !== 'production') return { kind: 'simulated', host: createOfficeHost(sharedSimulatedExcel()) };
  return { kind: 'none' };
}
