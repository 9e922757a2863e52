/**
 * Progress with time left, and Cancel, for any long action (prepare, upload, delete, check, process).
 * An action reports `{ phase, done, total }`; `withTimeLeft` adds an estimate once a phase has moved twice, and an
 * action that sends in chunks asks `cancelRequested(signal)` between chunks, so Cancel stops after the current one.
 */
import type { Progress, ProgressListener } from './engine-types';

/** The estimate is given once this many updates of a phase have moved it forward (the first chunk is often slow to start). */
const UPDATES_BEFORE_ESTIMATE = 2;

/** Wraps a listener so each report carries `secondsLeft`, from the pace of the phase so far; `now` is a clock in ms. */
export function withTimeLeft(listener: ProgressListener, now: () => number = Date.now): ProgressListener {
  let phase: string | undefined;
  let started = 0;
  let startDone = 0;
  let moves = 0;
  let lastDone = 0;
  return (progress: Progress) => {
    const at = now();
    if (progress.phase !== phase || progress.done < lastDone) {
      phase = progress.phase;
      started = at;
      startDone = progress.done;
      moves = 0;
    } else if (progress.done > lastDone) moves++;
    lastDone = progress.done;
    const rate = (progress.done - startDone) / Math.max(1, at - started);
    const left = progress.total - progress.done;
    const known = moves >= UPDATES_BEFORE_ESTIMATE && rate > 0 && left > 0;
    const { secondsLeft: _dropped, ...plain } = progress;
    listener(known ? { ...plain, secondsLeft: Math.ceil(left / rate / 1000) } : plain);
  };
}

/** Whether Cancel was clicked: checked between chunks, never in the middle of one (the server applies a chunk whole). */
export function cancelRequested(signal: AbortSignal | undefined): boolean {
  return signal?.aborted === true;
}

/** "about 2 minutes left", "less than a minute left": rounded as people say it. */
export function timeLeftText(seconds: number): string {
  if (seconds < 60) return seconds <= 10 ? 'a few seconds left' : 'less than a minute left';
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `about ${minutes === 1 ? '1 minute' : `${minutes} minutes`} left`;
  const hours = Math.round(minutes / 6) / 10;
  return `about ${hours} hours left`;
}

/** "Uploading rows: 2,000 of 5,400 rows, about 2 minutes left". */
export function progressText(progress: Progress, locale?: string): string {
  if (progress.total <= 0) return progress.phase;
  const n = (v: number) => v.toLocaleString(locale);
  const left = progress.secondsLeft === undefined ? '' : `, ${timeLeftText(progress.secondsLeft)}`;
  return `${progress.phase}: ${n(progress.done)} of ${n(progress.total)} rows${left}`;
}
