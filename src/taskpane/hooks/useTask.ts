import { useCallback, useState } from 'react';
import type { Progress } from '../../engine/engine-types';

/** Runs one long action at a time, with its progress and a plain-language error. */
export function useTask() {
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<Progress | undefined>();
  const [error, setError] = useState<string | undefined>();
  const run = useCallback(async <T,>(action: (onProgress: (p: Progress) => void) => Promise<T>): Promise<T | undefined> => {
    setBusy(true);
    setError(undefined);
    setProgress(undefined);
    try {
      return await action(setProgress);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      return undefined;
    } finally {
      setBusy(false);
      setProgress(undefined);
    }
  }, []);
  return { busy, progress, error, run, clearError: () => setError(undefined) };
}
