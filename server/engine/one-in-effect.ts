/**
 * One record in effect per subject (a person; for balances a person and balance type), enforced by the engine inside
 * the chunk's transaction for every record a chunk writes, so no kind and no concurrent upload can get around it.
 */
import type { RowError } from '../../src/contract/api';
import { datesOf, overlapsWithinChunk, type Decision } from './effective-dating';
import { findSubjectOverlaps, type SubjectCandidate } from './effective-dated.repository';
import { lockPersons } from './persons.repository';
import type { Db, EffectiveDatedKind, RecordSubject } from './workbook-kind';

interface PlannedRow {
  row: { rowId: number };
  key?: string;
  decision: Decision;
  attributes?: Record<string, unknown>;
}

type Writing = PlannedRow & { decision: Extract<Decision, { type: 'insert' | 'correct' | 'split' }> };

const isWrite = (p: PlannedRow): p is Writing => p.decision.type === 'insert' || p.decision.type === 'correct' || p.decision.type === 'split';

function subjectOf(subject: RecordSubject, attributes: Record<string, unknown> = {}): Record<string, unknown> {
  return Object.fromEntries(subject.columns.map((c) => [c, attributes[c] ?? null]));
}

/**
 * Fails each planned row whose record would be a second one in effect for its subject on some date, naming the other
 * record and its dates. The persons of every written record are locked first (in id order, so two uploads never
 * deadlock): a concurrent upload for the same person waits for this one to commit, then its check sees this record.
 * The check is one statement against stored records of other keys, then the chunk's own rows (the earlier row wins).
 */
export async function refuseSecondRecords(db: Db, kind: EffectiveDatedKind, planned: PlannedRow[]): Promise<void> {
  const subject = kind.subject;
  if (!subject) return;
  const writes = planned.filter(isWrite);
  if (writes.length === 0) return;
  await lockPersons(db, writes.map((p) => p.attributes?.person_id).filter((id): id is number => typeof id === 'number'));
  const candidates: SubjectCandidate[] = writes.map((p, index) => ({ index, key: p.key as string, start: p.decision.start, end: p.decision.end, subject: subjectOf(subject, p.attributes) }));
  const deleted = planned.filter((p) => p.decision.type === 'delete').map((p) => p.key as string);
  const stored = new Map((await findSubjectOverlaps(db, kind, subject.columns, candidates, deleted)).map((r) => [r.candidate, r]));

  // A row without a subject value (SQL's null = null is not true) cannot clash, in the chunk as in the database.
  const open = candidates.filter((c) => !stored.has(c.index) && Object.values(c.subject).every((v) => v !== null));
  const inChunk = overlapsWithinChunk(open.map((c) => ({ start: c.start, end: c.end, subject: JSON.stringify(c.subject) })));
  const clashes: Array<{ at: number; start: string; end: string; attributes: Record<string, unknown>; onRow?: number }> = [];
  for (const [index, other] of stored) clashes.push({ at: index, start: other.effective_start_date, end: other.effective_end_date, attributes: other });
  inChunk.forEach((j, i) => {
    if (j === undefined) return;
    const other = writes[open[j].index];
    clashes.push({ at: open[i].index, start: other.decision.start, end: other.decision.end, attributes: other.attributes ?? {}, onRow: other.row.rowId });
  });
  if (clashes.length === 0) return;

  const descriptions = await subject.describe(db, clashes.map((c) => c.attributes));
  clashes.forEach((clash, i) => {
    const { who, what } = descriptions[i];
    const message = clash.onRow === undefined
      ? `${who} already has ${what} ${datesOf(clash.start, clash.end)}; change that record instead.`
      : `${who} already has ${what} ${datesOf(clash.start, clash.end)} on row ${clash.onRow} of this upload; keep only one of the two rows.`;
    const errors: RowError[] = [{ column: subject.column, message }];
    const row: PlannedRow = writes[clash.at];
    row.decision = { type: 'fail', status: 'Upload Failed', errors };
  });
}
