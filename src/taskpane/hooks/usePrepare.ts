import { useState } from 'react';
import type { PrepareScope, WorkbookEngine } from '../../engine/engine-types';
import { useTask } from './useTask';

/** A Prepare waiting for the person to say the unsent rows of the sheet it replaces may go. */
export interface PendingPrepare {
  kind: string;
  scope: PrepareScope;
  /** Rows with changes not uploaded on the sheet Prepare would replace. */
  unsent: number;
}

/** Prepare in workbook: asks first when it would replace a sheet holding changes not uploaded (as Download again does). */
export function usePrepare(engine: WorkbookEngine) {
  const task = useTask<'prepare'>();
  const [prepared, setPrepared] = useState(0);
  const [confirming, setConfirming] = useState<PendingPrepare | undefined>();
  const go = async (kind: string, scope: PrepareScope) => {
    await task.run('prepare', (p, signal) => engine.prepare(kind, scope, p, signal));
    setPrepared((n) => n + 1);
  };
  return {
    task,
    prepared,
    confirming,
    ask: async (kind: string, scope: PrepareScope) => {
      const unsent = await task.run('prepare', () => engine.unsentBeforePrepare(kind));
      if (unsent === undefined) return;
      if (unsent > 0) setConfirming({ kind, scope, unsent });
      else await go(kind, scope);
    },
    confirm: async () => {
      const pending = confirming;
      setConfirming(undefined);
      if (pending) await go(pending.kind, pending.scope);
    },
    cancel: () => setConfirming(undefined),
  };
}
