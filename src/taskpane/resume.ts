/** An upload or deletion stopped by an ended session or a lost connection: the pane offers it again after sign-in. */
import { ApiError } from '../api/api-client';

/** What was stopped, on which sheet: after signing in again, one click runs it again (only unsent rows still go). */
export interface StoppedAction {
  sheet: string;
  action: 'upload' | 'delete';
}

/** Whether the failure was the session or the connection, not the data: worth resuming as it is. */
export function isConnectionStop(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 401 || error.status === undefined);
}

/** Passes the action's outcome through; a connection stop also calls `onStopped`. */
export async function stoppedByConnection<T>(action: Promise<T>, onStopped: () => void): Promise<T> {
  try {
    return await action;
  } catch (error) {
    if (isConnectionStop(error)) onStopped();
    throw error;
  }
}

export function resumeText({ action, sheet }: StoppedAction): string {
  const what = action === 'upload' ? 'The upload' : 'The deletion';
  return `${what} on the sheet "${sheet}" stopped before every row was sent. Rows already sent show their status; the others keep their mark and go when you resume.`;
}
