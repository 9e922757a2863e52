/** The enrollment history a back-out leaves (seed: successive life events replay history; backing one out undoes its part). */
import { dayBefore } from '../../engine/effective-dating';

export interface HistoryEnrollment {
  id: number;
  start: string;
  end: string;
}

/**
 * One person's enrollments in one plan, and the ones a back-out removes: each earlier enrollment that a removed one
 * end-dated (it ends the day before the removed one starts) takes over the removed one's end, so it is open again
 * when the removed one was open, or ends where the removed one ended (the day before a later enrollment began).
 * A run of removed enrollments one after another extends the kept one to the end of the run. Returns the new ends.
 */
export function historyAfterBackOut(history: HistoryEnrollment[], removed: ReadonlySet<number>): Array<{ id: number; end: string }> {
  const changes = new Map<number, string>();
  let kept: HistoryEnrollment | undefined;
  for (const e of [...history].sort((a, b) => a.start.localeCompare(b.start))) {
    if (!removed.has(e.id)) {
      kept = { ...e };
    } else if (kept && kept.end === dayBefore(e.start)) {
      kept.end = e.end;
      changes.set(kept.id, e.end);
    } else {
      // Nothing was end-dated by this one (it began after a gap): the enrollments before it stay as they are.
      kept = undefined;
    }
  }
  return [...changes].map(([id, end]) => ({ id, end }));
}
