/** The last administrator stays one: no chunk may leave the install without an enabled administrator. */
import type { RowError } from '../../../src/contract/api';
import type { KeyedChange } from '../../engine/workbook-kind';

const administers = (attributes: Record<string, unknown> | undefined) => attributes !== undefined && attributes.role === 'administrator' && attributes.disabled !== true;

/**
 * Pure: the rows, in order, that would leave no enabled administrator (run on the administrators read under the
 * kind's lock, so two chunks cannot each take away "the other" last one). Errors by rowId.
 */
export function lastAdministratorErrors(administrators: ReadonlySet<string>, changes: KeyedChange[], actor: string): Map<number, RowError[]> {
  const left = new Set(administrators);
  const errors = new Map<number, RowError[]>();
  for (const change of changes) {
    const was = left.has(change.key);
    const will = administers(change.after);
    if (!was || will) {
      if (will) left.add(change.key);
      continue;
    }
    if (left.size === 1) {
      const who = change.key === actor ? 'You are' : `"${change.key}" is`;
      const column = change.op === 'delete' ? undefined : change.after?.role !== 'administrator' ? 'role' : 'disabled';
      errors.set(change.rowId, [{ ...(column ? { column } : {}), message: `${who} the last administrator: this row would leave no one who can manage users. Make another user an administrator first.` }]);
      continue;
    }
    left.delete(change.key);
  }
  return errors;
}
