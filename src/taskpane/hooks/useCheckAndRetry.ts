import type { FailedRow, WorkbookEngine } from '../../engine/engine-types';
import { checkSummaryText } from '../check-summary';
import { summaryText } from '../upload-summary';
import type { SheetActions } from './useBatchActions';

/** Check changes, Retry failed rows and "Did you mean" fixes, sharing the sheet's one running task and result. */
export function useCheckAndRetry(engine: WorkbookEngine, sheet: string, { task, changed, showResult }: SheetActions) {
  return {
    check: async () => {
      const summary = await task.run('check', (p, signal) => engine.checkChanges(sheet, p, signal));
      if (summary) showResult({ text: checkSummaryText(summary), failed: summary.failedRows.length > 0, label: 'Check result' });
      changed();
    },
    retryFailed: async () => {
      const summary = await task.run('retry', (p) => engine.retryFailedRows(sheet, p));
      if (summary) showResult({ text: summaryText('uploaded', summary), failed: summary.failed > 0 });
      changed();
    },
    useSuggestion: async (row: FailedRow, suggestion: { column: string; value: string }, everywhere: boolean) => {
      const n = await task.run('suggest', () => engine.useSuggestion(sheet, row, suggestion, everywhere));
      if (n !== undefined) {
        const cells = n === 1 ? '1 cell' : `${n} cells`;
        showResult({ text: `Put "${suggestion.value}" in ${cells}. Upload changes (or Retry failed rows) to save.`, failed: false, label: 'Suggestion result' });
      }
      changed();
    },
  };
}
