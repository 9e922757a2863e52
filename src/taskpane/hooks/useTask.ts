import { useCallback, useRef, useState } from 'react';
import type { Progress } from '../../engine/engine-types';
import { withTimeLeft } from '../../engine/progress';

/**
 * Runs one long action at a time, with its name, progress (with time left) and a plain-language error (ApiError
 * messages are written for people). `cancel` asks the action to stop after its current chunk (the signal it gets).
 */
export function useTask<Name extends string = string>() {
  const [running, setRunning] = useState<Name | undefined>();
  const [progress, setProgress] = useState<Progress | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [cancelling, setCancelling] = useState(false);
  const controller = useRef<AbortController | undefined>(undefined);
  const run = useCallback(async <T>(name: Name, action: (onProgress: (p: Progress) => void, signal: AbortSignal) => Promise<T>): Promise<T | undefined> => {
    const abort = new AbortController();
    controller.current = abort;
    setRunning(name);
    setError(undefined);
    setCancelling(false);
    // From the first second: the bar shows before the first answer arrives.
    setProgress({ phase: 'Starting', done: 0, total: 0 });
    try {
      return await action(withTimeLeft(setProgress), abort.signal);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      return undefined;
    } finally {
      controller.current = undefined;
      setRunning(undefined);
      setProgress(undefined);
      setCancelling(false);
    }
  }, []);
  const cancel = useCallback(() => {
    controller.current?.abort();
    setCancelling(true);
  }, []);
  return { busy: running !== undefined, running, progress, error, run, cancel, cancelling };
}
