/** Global Benefit Rate Change from the pane: preview into a read-only sheet, then run exactly that preview and show the outcome. */
import { useState } from 'react';
import type { ApiClient } from '../../api/api-client';
import type { RateChangeCriteria, RateChangePreview, RateChangeRun } from '../../contract/rate-change';
import type { WorkbookEngine } from '../../engine/engine-types';
import { useTask } from './useTask';

export const RATE_CHANGE_PHASE = 'Applying the new rates';

export function useRateChange(api: ApiClient, engine: WorkbookEngine, { pollMs = 1000, onPrepared }: { pollMs?: number; onPrepared?: () => void } = {}) {
  const task = useTask<'preview' | 'run'>();
  const [preview, setPreview] = useState<{ result: RateChangePreview; sheet: string } | undefined>();
  const [run, setRun] = useState<RateChangeRun | undefined>();
  return {
    task,
    preview: preview?.result,
    run,
    async doPreview(criteria: RateChangeCriteria) {
      setRun(undefined);
      await task.run('preview', async (onProgress) => {
        const result = await api.previewRateChange(criteria);
        const info = await engine.prepare(result.sheet.kind, { effectiveDate: result.newRateStart, filter: result.sheet.filter }, onProgress);
        setPreview({ result, sheet: info.sheet });
        onPrepared?.();
      });
    },
    async doRun() {
      if (!preview) return;
      await task.run('run', async (onProgress) => {
        let state = await api.runRateChange(preview.result.previewId, crypto.randomUUID());
        onProgress({ phase: RATE_CHANGE_PHASE, done: state.done, total: state.total });
        while (state.status === 'queued' || state.status === 'running') {
          await new Promise((resolve) => setTimeout(resolve, pollMs));
          state = await api.rateChangeRun(state.runId);
          onProgress({ phase: RATE_CHANGE_PHASE, done: state.done, total: state.total });
        }
        // The preview sheet downloaded again: each record's Outcome.
        await engine.refresh(preview.sheet, onProgress);
        setRun(state);
        onPrepared?.();
      });
    },
  };
}
