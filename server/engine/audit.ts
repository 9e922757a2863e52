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

/**
 * A PostgreSQL array literal of text values (NULL for null), cast by the statement (`::text[]`, `::date[]`): built in
 * one pass here, it costs a tenth of what the driver's per-element array conversion costs for 4,000 values a column.
 */
export function arrayLiteral(values: Array<string | null>): string {
  let literal = '{';
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (i > 0) literal += ',';
    literal += v === null ? 'NULL' : `"${v.replace(/[\\"]/g, '\\$&')}"`;
  }
  return `${literal}}`;
}

/**
 * Writes the changes in one statement, in the caller's transaction. The values go as one array per column (`unnest`
 * reads them about twice as fast as `json_to_recordset` reads 4,000 objects), in the order given (`with ordinality`).
 */
export async function recordChanges(db: Db, author: ChangeAuthor, changes: Change[]): Promise<void> {
  if (changes.length === 0) return;
  const column = (value: (c: Change) => string | null) => arrayLiteral(changes.map(value));
  await sql`
    insert into change_history (username, request_id, kind, action, record_key, person_number, column_name, old_value, new_value, effective_date)
    select ${author.username}, ${author.requestId}, v.kind, v.action, v.record_key, v.person_number, v.column_name, v.old_value, v.new_value, v.effective_date
    from unnest(${column((c) => c.kind)}::text[], ${column((c) => c.action)}::text[], ${column((c) => c.recordKey)}::text[], ${column((c) => c.personNumber)}::text[],
      ${column((c) => c.column)}::text[], ${column((c) => c.oldValue)}::text[], ${column((c) => c.newValue)}::text[], ${column((c) => c.effectiveDate ?? null)}::date[])
      with ordinality as v(kind, action, record_key, person_number, column_name, old_value, new_value, effective_date, n)
    order by v.n`.execute(db);
}
