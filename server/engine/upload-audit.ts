/** The audit trail of an effective-dated chunk: what each saved row changed, column by column, in the user's words. */
import type { DownloadedRow } from '../../src/contract/api';
import type { DatedUploadRequest } from './request-schemas';
import { changedColumns, recordChanges, type Change, type ChangeAuthor } from './audit';
import type { Decision } from './effective-dating';
import type { Db, EffectiveDatedKind } from './workbook-kind';

/** The display rows of these keys on the date, before the chunk writes (no population: the rows passed the check). */
export async function snapshot(db: Db, kind: EffectiveDatedKind, date: string, keys: string[]): Promise<Map<string, DownloadedRow>> {
  if (keys.length === 0) return new Map();
  const page = await kind.download(db, date, { limit: keys.length, keys, population: undefined });
  return new Map(page.rows.map((r) => [r.key, r]));
}

const ACTION = { insert: 'insert', correct: 'update', split: 'update', delete: 'delete' } as const;

/** One statement for every changed column of every saved row (failed rows changed nothing). */
export async function recordChunkChanges(
  db: Db,
  kind: EffectiveDatedKind,
  request: Omit<DatedUploadRequest, 'idempotencyKey'>,
  author: ChangeAuthor,
  planned: Array<{ key?: string; decision: Decision }>,
  before: Map<string, DownloadedRow>,
  after: Map<string, DownloadedRow>,
): Promise<void> {
  const changes: Change[] = planned.flatMap(({ key, decision }) => {
    if (decision.type === 'fail' || !key) return [];
    const old = before.get(key)?.values;
    const now = decision.type === 'delete' ? undefined : after.get(key)?.values;
    const personNumber = String((now ?? old)?.personNumber ?? '') || null;
    return changedColumns(kind.definition, old, now).map((c) => ({ kind: kind.definition.kind, action: ACTION[decision.type], recordKey: key, personNumber, effectiveDate: request.effectiveDate, ...c }));
  });
  await recordChanges(db, author, changes);
}
