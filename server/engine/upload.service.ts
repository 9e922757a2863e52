/**
 * Applies one uploaded chunk of an effective-dated kind: once per idempotency key, set-based,
 * and with each failing row rolled back alone while the others are saved.
 */
import { randomUUID } from 'node:crypto';
import type { DownloadedRow, RowResult, UploadResponse, UploadRow } from '../../src/contract/api';
import type { DatedUploadRequest as UploadRequest } from './request-schemas';
import { oncePerKey } from './idempotency';
import { decideDelete, decideInsert, decideUpdate, inPlaceWhenUnchanged, type DatedRecord, type Decision } from './effective-dating';
import { correct, deleteKeys, endDate, insertRecords, lockRecords, type NewRecord, type StoredRecord, type TableSpec } from './effective-dated.repository';
import { refuseSecondRecords } from './one-in-effect';
import { writeWithRowFallback } from './row-fallback';
import { settableOnly } from './settable-values';
import { onlyUndatedChanged, typedEndDecision } from './typed-end-date';
import { addSuggestions } from './suggestions';
import { applyStorableRows } from './storable-text';
import type { Actor } from './actor';
import { recordChunkChanges, snapshot } from './upload-audit';
import { NO_ACCESS, refuseMovesOut, visiblePersonIds } from './population';
import type { BatchKind, BatchUploadRequest, Db, DownloadPage, EffectiveDatedKind, ResolveInput } from './workbook-kind';

interface Planned {
  row: UploadRow;
  key?: string;
  decision: Decision;
  attributes?: Record<string, unknown>;
}

export async function uploadChunk(db: Db, kind: EffectiveDatedKind, request: UploadRequest, actor: Actor): Promise<UploadResponse> {
  return oncePerKey(db, request.idempotencyKey, kind.definition.kind, (trx) => applyDatedChunk(trx, kind, request, { ...actor, requestId: request.idempotencyKey }));
}

/** A batch kind's chunk: once per key and batch, with the same text rule at the edge as every kind. */
export async function uploadBatchChunk(db: Db, kind: BatchKind, request: BatchUploadRequest, actor: Actor): Promise<UploadResponse> {
  return oncePerKey(db, request.idempotencyKey, `${kind.definition.kind}:${request.batchName}`, (trx) => applyBatchChunk(trx, kind, request, { ...actor, requestId: request.idempotencyKey }));
}

/** The whole of an effective-dated upload in the caller's transaction (Check runs it too, then rolls back). */
export async function applyDatedChunk(trx: Db, kind: EffectiveDatedKind, request: Omit<UploadRequest, 'idempotencyKey'>, actor: Actor): Promise<UploadResponse> {
  const results = await applyStorableRows(kind.definition, request.rows, (rows) => applyChunk(trx, kind, { ...request, rows }, actor));
  await addSuggestions(trx, kind.definition, request.rows, results, () => kind.lists(trx, request.effectiveDate));
  return { results };
}

/** The whole of a batch upload in the caller's transaction (Check runs it too, then rolls back). */
export async function applyBatchChunk(trx: Db, kind: BatchKind, request: Omit<BatchUploadRequest, 'idempotencyKey'>, actor: Actor): Promise<UploadResponse> {
  const results = await applyStorableRows(kind.definition, request.rows, async (rows) => (await kind.upload(trx, { ...request, rows }, actor)).results);
  await addSuggestions(trx, kind.definition, request.rows, results, () => kind.lists(trx));
  return { results };
}

function toDated(record: StoredRecord): DatedRecord {
  return { effectiveStartDate: record.effective_start_date, effectiveEndDate: record.effective_end_date, version: record.version };
}

function attributesOf(kind: EffectiveDatedKind, record: StoredRecord): Record<string, unknown> {
  return Object.fromEntries(Object.keys(kind.attributes).map((name) => [name, record[name]]));
}

const noAccess = (kind: EffectiveDatedKind): Decision => ({
  type: 'fail',
  status: 'Upload Failed',
  errors: [{ ...(kind.definition.columns.some((c) => c.key === 'personNumber') ? { column: 'personNumber' } : {}), message: NO_ACCESS }],
});

/** The stored record of a key in effect on the date (what the sheet showed), if any. */
function coveringRecord(records: StoredRecord[] | undefined, date: string): StoredRecord | undefined {
  return records?.find((r) => r.effective_start_date <= date && date <= r.effective_end_date);
}

async function plan(db: Db, kind: EffectiveDatedKind, request: Omit<UploadRequest, 'idempotencyKey'>, actor: Actor): Promise<{ planned: Planned[]; byKey: Map<string, StoredRecord[]> }> {
  const date = request.effectiveDate;
  const keyed = request.rows.filter((r) => r.op !== 'insert' && r.key).map((r) => r.key as string);
  const byKey = new Map<string, StoredRecord[]>();
  for (const record of await lockRecords(db, kind, [...new Set(keyed)])) {
    const records = byKey.get(record.key);
    if (records) records.push(record);
    else byKey.set(record.key, [record]);
  }
  // Data access: a stored record of a person outside the population is refused before anything about it is said.
  const personOf = (key: string) => byKey.get(key)?.[0]?.person_id as number | undefined;
  const storedVisible = await visiblePersonIds(db, actor.population, keyed.map(personOf).filter((id) => id !== undefined), date);
  const outside = (key: string) => personOf(key) !== undefined && !storedVisible.has(personOf(key) as number);
  const seen = new Set<string>();
  const planned: Planned[] = request.rows.map((row) => {
    if (row.op === 'insert') return { row, key: randomUUID(), decision: decideInsert(date) };
    if (!row.key) return { row, decision: { type: 'fail', status: 'Upload Failed', errors: [{ message: 'This row has no key. Download again, or enter it as a new row.' }] } };
    if (seen.has(row.key)) {
      return { row, decision: { type: 'fail', status: 'Upload Failed', errors: [{ message: `This ${kind.recordName} appears more than once in this upload; only its first row is applied.` }] } };
    }
    seen.add(row.key);
    if (outside(row.key)) return { row, key: row.key, decision: noAccess(kind) };
    const records = (byKey.get(row.key) ?? []).map(toDated);
    const decision = row.op === 'delete' ? decideDelete(records, row.version, kind.recordName) : decideUpdate(records, row.version, date, kind.recordName);
    return { row, key: row.key, decision };
  });
  const toResolve = planned.filter((p) => p.decision.type !== 'fail' && p.decision.type !== 'delete');
  const inputs: ResolveInput[] = toResolve.map((p) => {
    const covering = coveringRecord(byKey.get(p.key as string), date);
    return { row: settableOnly(kind.definition, p.row), current: covering ? attributesOf(kind, covering) : undefined };
  });
  const resolutions = await kind.resolve(db, inputs, date, { filter: request.filter || undefined });
  await refuseDeletes(db, kind, planned, byKey, date);
  const named = (i: number) => (resolutions[i].personId ?? resolutions[i].attributes?.person_id) as number | undefined;
  const resolvedVisible = await visiblePersonIds(db, actor.population, toResolve.map((_, i) => named(i)).filter((id) => id !== undefined), date);
  toResolve.forEach((p, i) => {
    const resolution = resolutions[i];
    // A person outside the population: only that is said (not what else is wrong with the row, which could tell about them).
    if (named(i) !== undefined && !resolvedVisible.has(named(i) as number)) p.decision = noAccess(kind);
    else if (resolution.errors.length > 0) p.decision = { type: 'fail', status: 'Upload Failed', errors: resolution.errors };
    else {
      p.attributes = resolution.attributes;
      const attributes = resolution.attributes ?? {};
      p.decision = typedEndDecision(kind, inPlaceWhenUnchanged(p.decision, onlyUndatedChanged(kind, inputs[i], attributes)), inputs[i], attributes, date);
    }
  });
  return { planned, byKey };
}

/** A kind's own rules for deletions (most have none): a refused deletion fails its row with the kind's errors. */
async function refuseDeletes(db: Db, kind: EffectiveDatedKind, planned: Planned[], byKey: Map<string, StoredRecord[]>, date: string): Promise<void> {
  const deletes = planned.filter((p) => p.decision.type === 'delete');
  if (!kind.refuseDeletes || deletes.length === 0) return;
  const records = deletes.map((p) => {
    const stored = byKey.get(p.key as string) ?? [];
    const covering = stored.find((r) => r.effective_start_date <= date && date <= r.effective_end_date) ?? stored[stored.length - 1];
    return { key: p.key as string, attributes: attributesOf(kind, covering) };
  });
  const refused = await kind.refuseDeletes(db, records, date);
  for (const p of deletes) {
    const errors = refused.get(p.key as string);
    if (errors?.length) p.decision = { type: 'fail', status: 'Upload Failed', errors };
  }
}

async function write(db: Db, spec: TableSpec, planned: Planned[]): Promise<void> {
  const deletes: string[] = [];
  const ends: Array<{ key: string; start: string; end: string }> = [];
  const corrections: NewRecord[] = [];
  const inserts: NewRecord[] = [];
  for (const { key, decision, attributes } of planned) {
    const k = key as string;
    const attrs = attributes ?? {};
    if (decision.type === 'delete') deletes.push(k);
    if (decision.type === 'insert') inserts.push({ key: k, start: decision.start, end: decision.end, version: decision.version, attributes: attrs });
    if (decision.type === 'correct') corrections.push({ key: k, start: decision.start, end: decision.end, version: decision.version, attributes: attrs });
    if (decision.type === 'split') {
      ends.push({ key: k, start: decision.oldStart, end: decision.oldEnd });
      inserts.push({ key: k, start: decision.start, end: decision.end, version: decision.version, attributes: attrs });
    }
  }
  await deleteKeys(db, spec, deletes);
  await endDate(db, spec, ends);
  await correct(db, spec, corrections);
  await insertRecords(db, spec, inserts);
}

/** What a user sees when the database refuses a row that passed every check (the error itself is logged, redacted). */
export const ROW_REFUSED = 'The server could not save this row. Check its values and upload it again; if it still fails, contact support.';

const STATUS = { insert: 'Inserted', correct: 'Updated', split: 'Updated', delete: 'Deleted' } as const;

async function applyChunk(db: Db, kind: EffectiveDatedKind, request: Omit<UploadRequest, 'idempotencyKey'>, actor: Actor): Promise<RowResult[]> {
  const date = request.effectiveDate;
  const { planned, byKey } = await plan(db, kind, request, actor);
  await refuseMovesOut(db, kind.table, actor.population, planned, (p, message, column) => {
    p.decision = { type: 'fail', status: 'Upload Failed', errors: [{ ...(column ? { column } : {}), message }] };
  });
  await refuseSecondRecords(db, kind, planned);
  const changing = planned.filter((p) => p.decision.type !== 'fail' && p.decision.type !== 'insert').map((p) => p.key as string);
  // The audit's before-values: the locked records, shown by the same read as the saved ones after the write. A kind
  // whose writes change what its display joins show (afterWrite) has them read before it writes instead.
  const lockedBefore = kind.afterWrite ? undefined : changing.map((key) => coveringRecord(byKey.get(key), date)).filter((r) => r !== undefined);
  const snapshotBefore = lockedBefore ? undefined : await snapshot(db, kind, date, changing);
  await writeWithRowFallback(
    db,
    planned.filter((p) => p.decision.type !== 'fail'),
    async (rows) => {
      await write(db, kind, rows);
      await kind.afterWrite?.(db, rows.map((p) => ({ key: p.key as string, attributes: p.attributes ?? {} })));
    },
    (p) => {
      p.decision = { type: 'fail', status: 'Upload Failed', errors: [{ message: ROW_REFUSED }] };
    },
  );
  const saved = planned.filter((p) => p.decision.type === 'insert' || p.decision.type === 'correct' || p.decision.type === 'split').map((p) => p.key as string);
  // A Conflict answers with the record as it is now, read after the locks: what the other user saved.
  const conflicted = planned.filter((p) => p.decision.type === 'fail' && p.decision.status === 'Conflict' && p.key).map((p) => p.key as string);
  const wanted = [...saved, ...conflicted];
  const limit = wanted.length + (lockedBefore?.length ?? 0) || 1;
  const page = await kind.download(db, date, { limit, keys: wanted, population: actor.population, ...(lockedBefore ? { before: lockedBefore } : {}) });
  const current = new Map(page.rows.map((r) => [r.key, r]));
  const before = snapshotBefore ?? shownBefore(kind, page);
  await recordChunkChanges(db, kind, request, { username: actor.username, requestId: actor.requestId }, planned, before, current);
  return planned.map(({ row, key, decision }): RowResult => {
    if (decision.type === 'fail' && decision.status === 'Conflict' && key) return { rowId: row.rowId, status: decision.status, errors: decision.errors, current: current.get(key) ?? null };
    if (decision.type === 'fail') return { rowId: row.rowId, status: decision.status, errors: decision.errors };
    const stored = key ? current.get(key) : undefined;
    return { rowId: row.rowId, status: STATUS[decision.type], errors: [], ...(stored ? { key: stored.key, version: stored.version, values: stored.values } : { key }) };
  });
}

/** The before-values a kind's download showed; a kind whose download ignores `before` would leave the audit without them. */
function shownBefore(kind: EffectiveDatedKind, page: DownloadPage): Map<string, DownloadedRow> {
  if (!page.before) throw new Error(`The ${kind.definition.kind} download does not show the records it is given (before); the audit trail needs them.`);
  return new Map(page.before.map((r) => [r.key, r]));
}
