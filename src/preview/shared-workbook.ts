/** One simulated workbook per page, shared by the preview grid and the task pane's host. */
import { createSimulatedExcel, type SimulatedExcel } from '../excel/simulated/excel-api';

let shared: SimulatedExcel | undefined;

export function sharedSimulatedExcel(): SimulatedExcel {
  shared ??= createSimulatedExcel();
  return shared;
}
