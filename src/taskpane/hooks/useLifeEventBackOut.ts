import { useState } from 'react';
import type { BatchLifeEvent } from '../../contract/api';
import type { WorkbookEngine } from '../../engine/engine-types';
import type { SheetActions } from './useBatchActions';

/**
 * Back out life event… on a batch sheet: asks the server about the selected line's life event, confirms, then backs it
 * out (or, once voided, deletes it), sharing the sheet's one running task and result.
 */
export function useLifeEventBackOut(engine: WorkbookEngine, sheet: string, { task, changed, showResult }: SheetActions) {
  /** The life event the confirmation is about, while it is open. */
  const [confirming, setConfirming] = useState<BatchLifeEvent | undefined>();
  return {
    confirming,
    ask: async () => {
      const event = await task.run('lifeEvent', () => engine.selectedLifeEvent(sheet));
      if (!event) return;
      if (event.status === null) {
        showResult({
          text: `Line ${event.lineId} has no life event to back out: ${event.personNumber} has no potential life event ${event.lifeEvent} of ${event.occurredDate} (the line was not processed, or its voided life event was deleted).`,
          failed: true,
          label: 'Back out result',
        });
      } else setConfirming(event);
    },
    cancel: () => setConfirming(undefined),
    confirm: async () => {
      const event = confirming;
      setConfirming(undefined);
      if (!event) return;
      if (event.status === 'VOIDED') {
        const deleted = await task.run('deleteLifeEvent', () => engine.deleteVoidedLifeEvent(sheet, event.lineId));
        if (deleted) showResult({ text: deleted.message, failed: false, label: 'Back out result' });
        return;
      }
      const result = await task.run('backOut', (p) => engine.backOutLifeEvent(sheet, event.lineId, p));
      if (result) showResult({ text: result.message, failed: result.alreadyBackedOut, label: 'Back out result' });
      changed();
    },
  };
}
