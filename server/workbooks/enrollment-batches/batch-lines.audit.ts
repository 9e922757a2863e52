/** The audit trail of a chunk of batch lines: each saved line's changed columns, in one statement. */
import type { Actor } from '../../engine/actor';
import { changedColumns, recordChanges, type Change } from '../../engine/audit';
import type { Db } from '../../engine/workbook-kind';
import { enrollmentBatchesDefinition } from './definition';
import { lineValues, type StoredLine } from './line-fields';

const ACTION = { insert: 'insert', update: 'update', delete: 'delete' } as const;

export async function recordLineChanges(db: Db, actor: Actor, planned: Array<{ op: string; key?: string }>, before: Map<string, StoredLine>, after: Map<string, StoredLine>): Promise<void> {
  const changes: Change[] = planned.flatMap((p): Change[] => {
    if (!(p.op in ACTION) || !p.key) return [];
    const old = before.get(p.key);
    const now = p.op === 'delete' ? undefined : after.get(p.key);
    const line = now ?? old;
    return changedColumns(enrollmentBatchesDefinition, old && lineValues(old), now && lineValues(now)).map((c) => ({
      kind: enrollmentBatchesDefinition.kind,
      action: ACTION[p.op as keyof typeof ACTION],
      recordKey: p.key as string,
      personNumber: line?.person_number ?? null,
      effectiveDate: line?.effective_date ?? null,
      ...c,
    }));
  });
  await recordChanges(db, actor, changes);
}
