import { useEffect, useState } from 'react';
import type { ConflictView } from '../../core/conflicts';
import type { ConflictChoice } from '../../engine/conflicts';
import type { WorkbookEngine } from '../../engine/engine-types';
import { summaryText } from '../upload-summary';
import type { SheetActions } from './useBatchActions';

/** The sheet's Conflict rows (asked again after every action) and resolving one, on the sheet's one running task. */
export function useConflicts(engine: WorkbookEngine, sheet: string, version: number, { task, changed, showResult }: SheetActions) {
  const [conflicts, setConflicts] = useState<ConflictView[]>([]);
  useEffect(() => {
    let alive = true;
    engine.conflicts(sheet).then(
      (found) => alive && setConflicts(found),
      () => alive && setConflicts([]),
    );
    return () => {
      alive = false;
    };
  }, [engine, sheet, version]);
  return {
    conflicts,
    resolve: async (conflict: ConflictView, choice: ConflictChoice) => {
      const outcome = await task.run('resolve', (p) => engine.resolveConflict(sheet, conflict.row, conflict.key, choice, p));
      if (outcome) {
        const text =
          choice === 'theirs'
            ? `Row ${outcome.excelRow} now shows what the server holds; your change to it was dropped.`
            : outcome.summary
              ? `Kept your change to row ${outcome.excelRow}. ${summaryText('uploaded', outcome.summary)}`
              : `Row ${outcome.excelRow} already holds the server's values: nothing to upload.`;
        showResult({ text, failed: (outcome.summary?.failed ?? 0) > 0, label: 'Conflict result' });
      }
      changed();
    },
  };
}
