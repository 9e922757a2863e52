import { useState } from 'react';
import type { AuditLogEntry } from '../../contract/api';
import type { WorkbookEngine } from '../../engine/engine-types';
import { processText } from '../batch-summary';
import type { useTask } from './useTask';
import type { ActionResult, WorkbookAction } from './useWorkbookActions';

export interface SheetActions {
  task: ReturnType<typeof useTask<WorkbookAction>>;
  changed: () => void;
  showResult: (result: ActionResult | undefined) => void;
}

/** Process batch and Show audit log, sharing the sheet's one running task (so no two actions overlap) and result. */
export function useBatchActions(engine: WorkbookEngine, sheet: string, { task, changed, showResult }: SheetActions) {
  const [auditLog, setAuditLog] = useState<AuditLogEntry[] | undefined>();
  return {
    auditLog,
    process: async () => {
      // Cancel asks the server to stop after the participants in flight; the sheet then shows how far it got.
      const job = await task.run('process', (p, signal) => engine.processBatch(sheet, p, signal));
      if (job) showResult({ text: processText(job), failed: job.errors > 0, label: 'Process result' });
      // A run adds to the log: the list shown before it is out of date.
      setAuditLog(undefined);
      changed();
    },
    showAuditLog: async () => {
      const entries = await task.run('audit', () => engine.auditLog(sheet));
      if (entries) setAuditLog(entries);
    },
  };
}
