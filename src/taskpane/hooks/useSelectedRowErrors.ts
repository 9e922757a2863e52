import { useEffect, useState } from 'react';
import type { FailedRow, WorkbookEngine } from '../../engine/engine-types';
import type { Selection } from '../../excel/workbook-host';

/**
 * The errors of the selected row, when exactly one row of this sheet is selected and it failed.
 * Stands in for Excel's double-click on a status cell, which Office.js cannot detect. `version` re-asks after an upload.
 */
export function useSelectedRowErrors(engine: WorkbookEngine, sheet: string, selection: Selection | undefined, version: number) {
  const [failed, setFailed] = useState<FailedRow | undefined>();
  const row = selection?.sheet === sheet && new Set(selection.rows).size === 1 ? selection.rows[0] : undefined;
  useEffect(() => {
    if (row === undefined) return setFailed(undefined);
    let alive = true;
    engine.rowErrors(sheet, row).then(
      (f) => alive && setFailed(f),
      () => alive && setFailed(undefined),
    );
    return () => {
      alive = false;
    };
  }, [engine, sheet, row, version]);
  return failed;
}
