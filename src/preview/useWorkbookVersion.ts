import { useCallback, useRef, useSyncExternalStore } from 'react';
import type { SimulatedWorkbook } from '../excel/simulated/workbook-model';

/** Re-renders on every change the simulated workbook reports (edits, the pane's writes, selection). */
export function useWorkbookVersion(workbook: SimulatedWorkbook): number {
  const version = useRef(0);
  const subscribe = useCallback(
    (notify: () => void) =>
      workbook.subscribe(() => {
        version.current++;
        notify();
      }),
    [workbook],
  );
  return useSyncExternalStore(subscribe, () => version.current);
}
