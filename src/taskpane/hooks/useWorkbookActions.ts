import { useCallback, useEffect, useState } from 'react';
import type { FailedRow, SheetInfo, UploadSummary, WorkbookEngine } from '../../engine/engine-types';
import type { Selection } from '../../excel/workbook-host';
import { useTask } from './useTask';

export function summaryText(action: 'uploaded' | 'deleted', s: UploadSummary): string {
  const done = s.inserted + s.updated + s.deleted;
  if (done + s.failed === 0) return action === 'uploaded' ? 'No changed rows to upload.' : 'No rows are marked for deletion.';
  const parts = [s.inserted && `${s.inserted} inserted`, s.updated && `${s.updated} updated`, s.deleted && `${s.deleted} deleted`].filter(Boolean);
  const ok = `${done} ${done === 1 ? 'row' : 'rows'} ${action}${parts.length ? `: ${parts.join(', ')}` : ''}.`;
  return s.failed ? `${ok} ${s.failed} ${s.failed === 1 ? 'row' : 'rows'} failed: select a row to see why.` : ok;
}

/** Upload, deletion, refresh and the error views for one prepared sheet. */
export function useWorkbookActions(engine: WorkbookEngine, info: SheetInfo, selection: Selection | undefined) {
  const task = useTask();
  const [result, setResult] = useState<{ text: string; failed: boolean } | undefined>();
  const [failedRows, setFailedRows] = useState<FailedRow[]>([]);
  const [selectedErrors, setSelectedErrors] = useState<FailedRow | undefined>();
  const [markedCount, setMarkedCount] = useState<number | undefined>();
  const sheet = info.sheet;

  useEffect(() => {
    let alive = true;
    void engine.failedRows(sheet).then((rows) => alive && setFailedRows(rows), () => undefined);
    const stop = engine.watch(sheet).catch(() => undefined);
    return () => {
      alive = false;
      void stop.then((s) => s?.());
    };
  }, [engine, sheet]);

  useEffect(() => {
    const row = selection?.sheet === sheet && selection.rows.length === 1 ? selection.rows[0] : undefined;
    if (row === undefined) return setSelectedErrors(undefined);
    let alive = true;
    void engine.rowErrors(sheet, row).then((f) => alive && setSelectedErrors(f), () => undefined);
    return () => {
      alive = false;
    };
  }, [engine, sheet, selection]);

  const finish = (action: 'uploaded' | 'deleted', summary: UploadSummary | undefined) => {
    if (!summary) return;
    setResult({ text: summaryText(action, summary), failed: summary.failed > 0 });
    void engine.failedRows(sheet).then(setFailedRows);
  };

  return {
    task,
    result,
    failedRows,
    selectedErrors,
    markedCount,
    upload: useCallback(async () => finish('uploaded', await task.run((p) => engine.upload(sheet, p))), [engine, sheet]), // eslint-disable-line react-hooks/exhaustive-deps
    markSelected: useCallback(async () => {
      const n = await task.run(() => engine.markSelectedRowsForDeletion());
      if (n !== undefined) setResult({ text: n ? `${n} ${n === 1 ? 'row' : 'rows'} marked for deletion.` : 'Select the rows to delete first.', failed: false });
    }, [engine, task]),
    askDelete: useCallback(async () => setMarkedCount(await task.run(() => engine.countMarkedRows(sheet))), [engine, sheet, task]),
    cancelDelete: () => setMarkedCount(undefined),
    confirmDelete: useCallback(async () => {
      setMarkedCount(undefined);
      finish('deleted', await task.run((p) => engine.deleteMarkedRows(sheet, p)));
    }, [engine, sheet]), // eslint-disable-line react-hooks/exhaustive-deps
    refresh: useCallback(async () => {
      await task.run((p) => engine.refresh(sheet, p));
      setResult(undefined);
      setFailedRows([]);
    }, [engine, sheet, task]),
    selectRow: (row: number) => void engine.selectRow(sheet, row),
  };
}
