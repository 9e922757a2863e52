/**
 * The system-wide audit trail (change_history): one row per changed column of every upload, delete, batch process
 * and back-out, written set-based (one statement per call) in the transaction of the change itself, so a change and
 * its trail commit or roll back together. The batch audit log of a batch (enrollment_audit_log) is separate.
 */
import { sql } from 'kysely';
import type { CellValue, WorkbookDefinition } from '../../src/contract/api';
import type { Db } from './workbook-kind';

export type ChangeAction = 'insert' | 'update' | 'delete' | 'process' | 'back-out';

export interface Change {
  kind: string;
  action: ChangeAction;
  recordKey: string;
  personNumber: string | null;
  column: string;
  oldValue: string | null;
  newValue: string | null;
  effectiveDate?: string | null;
}

/** Who made the changes and the request they came with (an upload's idempotency key, a run's, or the request id). */
export interface ChangeAuthor {
  username: string;
  requestId: string;
}

const asText = (value: CellValue | undefined): string | null => (value === undefined || value === null || value === '' ? null : String(value));

/** The columns whose value differs between two display rows of a kind, by header (what the user sees). */
export function changedColumns(definition: WorkbookDefinition, before: Record<string, CellValue> | undefined, after: Record<string, CellValue> | undefined): Array<{ column: string; oldValue: string | null; newValue: string | null }> {
  return definition.columns.flatMap((c) => {
    const oldValue = asText(before?.[c.key]);
    const newValue = asText(after?.[c.key]);
    return oldValue === newValue ? [] : [{ column: c.header, oldValue, newValue }];
  });
}

/** Writes the changes in one statement, in the caller's transaction. */
export async function recordChanges(db: Db, author: ChangeAuthor, changes: Change[]): Promise<void> {
  if (changes.length === 0) return;
  const payload = changes.map((c) => ({
    kind: c.kind,
    action: c.action,
    record_key: c.recordKey,
    person_number: c.personNumber,
    column_name: c.column,
    old_value: c.oldValue,
    new_value: c.newValue,
    effective_date: c.effectiveDate ?? null,
    n: 0,
  }));
  payload.forEach((p, i) => (p.n = i));
  await sql`
    insert into change_history (username, request_id, kind, action, record_key, person_number, column_name, old_value, new_value, effective_date)
    select ${author.username}, ${author.requestId}, v.kind, v.action, v.record_key, v.person_number, v.column_name, v.old_value, v.new_value, v.effective_date
    from json_to_recordset(${JSON.stringify(payload)}::json)
      as v(kind text, action text, record_key text, person_number text, column_name text, old_value text, new_value text, effective_date date, n integer)
    order by v.n`.execute(db);
}
