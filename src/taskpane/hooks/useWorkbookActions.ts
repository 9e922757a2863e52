import { useEffect, useState } from 'react';
import type { FailedRow, SheetInfo, UploadSummary, WorkbookEngine } from '../../engine/engine-types';
import { markedText, revertedText, summaryText } from '../upload-summary';
import { stoppedByConnection } from '../resume';
import { useTask } from './useTask';

export type WorkbookAction = 'upload' | 'mark' | 'count' | 'delete' | 'refresh' | 'process' | 'audit' | 'lifeEvent' | 'backOut' | 'deleteLifeEvent' | 'sort' | 'resolve' | 'check' | 'retry' | 'suggest' | 'revert';

/** The last action's outcome; `label` names it for screen readers (uploads and the like: "Upload result"). */
export interface ActionResult {
  text: string;
  failed: boolean;
  label?: string;
}

/** Upload, deletion and download-again for one prepared sheet, with the result and the failed rows after each. */
export function useWorkbookActions(engine: WorkbookEngine, info: SheetInfo, onStopped?: (action: 'upload' | 'delete') => void) {
  const task = useTask<WorkbookAction>();
  const [result, setResult] = useState<ActionResult | undefined>();
  const [failedRows, setFailedRows] = useState<FailedRow[]>([]);
  /** The rows to delete as people name them, while the confirmation is open. */
  const [confirmingDelete, setConfirmingDelete] = useState<string[] | undefined>();
  const [confirmingRefresh, setConfirmingRefresh] = useState(false);
  const [choosingSort, setChoosingSort] = useState(false);
  /** Bumped after each upload so views of row statuses ask again. */
  const [version, setVersion] = useState(0);
  const { sheet } = info;

  useEffect(() => {
    let alive = true;
    engine.failedRows(sheet).then((rows) => alive && setFailedRows(rows), () => undefined);
    return () => {
      alive = false;
    };
  }, [engine, sheet, version]);

  // No watching of edits: the sheet's Changed formulas mark rows in Excel itself, and the add-in writes nothing while the user edits.
  const finish = (action: 'uploaded' | 'deleted', summary: UploadSummary | undefined) => {
    if (summary) setResult({ text: summaryText(action, summary), failed: summary.failed > 0 });
    setVersion((v) => v + 1);
  };

  return {
    task,
    result,
    failedRows,
    version,
    confirmingDelete,
    confirmingRefresh,
    choosingSort,
    /** Says the sheet's rows were rewritten (by any action), so views of row statuses ask again. */
    changed: () => setVersion((v) => v + 1),
    /** One outcome at a time: a newer action's result replaces the older one. */
    showResult: setResult,
    // An upload stopped by an ended session or a lost connection is offered again, one click, once signed in.
    upload: async () => finish('uploaded', await task.run('upload', (p, signal) => stoppedByConnection(engine.upload(sheet, p, signal), () => onStopped?.('upload')))),
    revertSelected: async () => {
      const n = await task.run('revert', () => engine.revertSelectedRows(sheet));
      if (n !== undefined) setResult({ text: revertedText(n), failed: n === 0, label: 'Revert result' });
      setVersion((v) => v + 1);
    },
    markSelected: async () => {
      const n = await task.run('mark', () => engine.markSelectedRowsForDeletion(sheet));
      if (n !== undefined) setResult({ text: markedText(n), failed: false });
    },
    askDelete: async () => {
      const rows = await task.run('count', () => engine.markedRowLabels(sheet));
      if (rows?.length === 0) setResult({ text: 'No rows are marked for deletion. Select rows and click Mark selected rows for deletion.', failed: true });
      else if (rows) setConfirmingDelete(rows);
    },
    cancelDelete: () => setConfirmingDelete(undefined),
    confirmDelete: async () => {
      setConfirmingDelete(undefined);
      finish('deleted', await task.run('delete', (p, signal) => stoppedByConnection(engine.deleteMarkedRows(sheet, p, signal), () => onStopped?.('delete'))));
    },
    askRefresh: () => setConfirmingRefresh(true),
    cancelRefresh: () => setConfirmingRefresh(false),
    confirmRefresh: async () => {
      setConfirmingRefresh(false);
      const done = await task.run('refresh', (p, signal) => engine.refresh(sheet, p, signal));
      if (done) setResult({ text: done.scope === 'batch' ? `Downloaded the lines of batch ${done.batchName ?? ''}.` : done.scope === 'keyed' ? 'Downloaded again.' : `Downloaded again as of ${done.effectiveDate}.`, failed: false });
      setVersion((v) => v + 1);
    },
    askSort: () => setChoosingSort(true),
    cancelSort: () => setChoosingSort(false),
    sort: async (columnKey: string, ascending: boolean) => {
      setChoosingSort(false);
      const done = await task.run('sort', async () => (await engine.sortRows(sheet, columnKey, ascending), true));
      if (done) setResult({ text: 'Rows sorted. Excel cannot undo the sort (Ctrl+Z); your edits moved with their rows.', failed: false, label: 'Sort result' });
      setVersion((v) => v + 1);
    },
    selectRow: (row: FailedRow) => void engine.selectRow(sheet, row.row, row.key).catch(() => undefined),
  };
}
