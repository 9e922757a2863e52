/** Which Excel the pane talks to: the real one inside Office; in a plain browser, a simulated one (development builds only). */
import { createOfficeHost, type ExcelApi } from '../excel/office-host';
import type { WorkbookHost } from '../excel/workbook-host';
import { sharedSimulatedExcel } from '../preview/shared-workbook';

export type PaneHost = { kind: 'excel' | 'simulated'; host: WorkbookHost } | { kind: 'none' };

export async function choosePaneHost(): Promise<PaneHost> {
  // office.js may have failed to load (offline, blocked): then this is not Excel.
  const info = typeof Office === 'undefined' ? undefined : await Office.onReady();
  if (info && info.host === Office.HostType.Excel) return { kind: 'excel', host: createOfficeHost(Excel as unknown as ExcelApi) };
  // DefinePlugin makes this `false` in production, and the simulated Excel drops out of the bundle.
  if (process.env.NODE_ENV !== 'production') return { kind: 'simulated', host: createOfficeHost(sharedSimulatedExcel()) };
  return { kind: 'none' };
}
