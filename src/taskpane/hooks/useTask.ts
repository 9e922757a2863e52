import { useCallback, useState } from 'react';
import type { Progress } from '../../engine/engine-types';

/** Runs one long action at a time, with its name, progress and a plain-language error (ApiError messages are written for people). */
export function useTask<Name extends string = string>() {
  const [running, setRunning] = useState<Name | undefined>();
  const [progress, setProgress] = useState<Progress | undefined>();
  const [error, setError] = useState<string | undefined>();
  const run = useCallback(async <T>(name: Name, action: (onProgress: (p: Progress) => void) => Promise<T>): Promise<T | undefined> => {
    setRunning(name);
    setError(undefined);
    setProgress(undefined);
    try {
      return await action(setProgress);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      return undefined;
    } finally {
      setRunning(undefined);
      setProgress(undefined);
    }
  }, []);
  return { busy: running !== undefined, running, progress, error, run };
}
