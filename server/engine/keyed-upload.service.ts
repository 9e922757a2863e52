/**
 * Applies one uploaded chunk of a keyed kind (plain records with a natural key, no dates): once per idempotency key,
 * set-based, each failing row rolled back alone while the others are saved. See KeyedKind in workbook-kind.ts.
 */
import type { DownloadedRow, RowError, RowResult, UploadRequest, UploadResponse, UploadRow } from '../../src/contract/api';
import { oncePerKey } from './idempotency';
import { deleteKeyed, insertKeyed, lockKeyed, serializeKind, updateKeyed, type KeyedRecord, type KeyedTable } from './keyed.repository';
import { writeWithRowFallback } from './row-fallback';
import { settableOnly } from './settable-values';
import { addSuggestions } from './suggestions';
import { applyStorableRows } from './storable-text';
import { changedColumns, recordChanges, type Change } from './audit';
import { text } from './values';
import type { Actor } from './actor';
import type { Db, KeyedChange, KeyedKind } from './workbook-kind';

export type KeyedUploadRequest = Omit<UploadRequest, 'effectiveDate' | 'batchName' | 'auditLog'>;

/** What a user sees when the database refuses a row that passed every check (the error itself is logged, redacted). */
const ROW_REFUSED = 'The server could not save this row. Check its values and upload it again; if it still fails, contact support.';

interface Planned {
  row: UploadRow;
  key?: string;
  stored?: KeyedRecord;
  fail?: { status: 'Upload Failed' | 'Conflict'; errors: RowError[] };
  attributes?: Record<string, unknown>;
  warnings?: RowError[];
}

export async function uploadKeyedChunk(db: Db, kind: KeyedKind, request: KeyedUploadRequest, actor: Actor): Promise<UploadResponse> {
  return oncePerKey(db, request.idempotencyKey, kind.definition.kind, (trx) => applyKeyedChunk(trx, kind, request, { ...actor, requestId: request.idempotencyKey }));
}

/** The whole of a keyed upload in the caller's transaction (Check runs it too, then rolls back). */
export async function applyKeyedChunk(trx: Db, kind: KeyedKind, request: Omit<KeyedUploadRequest, 'idempotencyKey'>, actor: Actor): Promise<UploadResponse> {
  const results = await applyStorableRows(kind.definition, request.rows, (rows) => applyChunk(trx, kind, rows, actor));
  await addSuggestions(trx, kind.definition, request.rows, results, () => kind.lists(trx));
  return { results };
}

const tableOf = (kind: KeyedKind): KeyedTable => ({ table: kind.table, key: kind.storedKeyColumn ?? kind.keyColumn, keyType: kind.keyType, attributes: kind.attributes });
const failed = (errors: RowError[], status: 'Upload Failed' | 'Conflict' = 'Upload Failed') => ({ status, errors });

function planRow(kind: KeyedKind, row: UploadRow, stored: Map<string, KeyedRecord>, seen: Set<string>): Planned {
  const keyHeader = kind.definition.columns.find((c) => c.key === kind.keyColumn)?.header ?? kind.keyColumn;
  const typedKey = row.op === 'insert' && kind.assignKeys ? text(row.key) : text(row.values[kind.keyColumn]);
  const key = row.op === 'insert' ? typedKey : row.key;
  if (!key) return { row, fail: failed([row.op === 'insert' ? { column: kind.keyColumn, message: `${keyHeader} is required on a new row.` } : { message: 'This row has no key. Download again, or enter it as a new row.' }]) };
  if (seen.has(key)) return { row, fail: failed([{ column: kind.keyColumn, message: `This ${kind.recordName} appears more than once in this upload; only its first row is applied.` }]) };
  seen.add(key);
  const record = stored.get(key);
  if (row.op === 'insert') {
    return record ? { row, fail: failed([{ column: kind.keyColumn, message: `There is already a ${kind.recordName} with ${keyHeader} "${key}". Download again to edit it, or choose another ${keyHeader}.` }]) } : { row, key };
  }
  if (!record) return { row, key, fail: failed([{ message: `Someone else changed this row after you downloaded it: they deleted this ${kind.recordName}, so it no longer exists on the server. Download again.` }], 'Conflict') };
  if (record.version !== row.version) {
    return { row, key, stored: record, fail: failed([{ message: `Someone else changed this row after you downloaded it (your version ${row.version ?? 'none'}, now ${record.version}). Download again to see their change.` }], 'Conflict') };
  }
  // The key is not modifiable once saved: a changed key cell would silently address another record.
  if (row.op === 'update' && typedKey && typedKey !== key) {
    return { row, key, stored: record, fail: failed([{ column: kind.keyColumn, message: `${keyHeader} cannot be changed once saved (it was "${key}", the sheet has "${typedKey}"). Put it back, or add a new row.` }]) };
  }
  return { row, key, stored: record };
}

async function plan(db: Db, kind: KeyedKind, rows: UploadRow[], actor: Actor): Promise<Planned[]> {
  if (kind.serialize) await serializeKind(db, kind.definition.kind);
  // Server-assigned keys travel in the insert rows' `key` from here on (planRow reads them there).
  if (kind.assignKeys) {
    const inserts = rows.filter((r) => r.op === 'insert');
    const assigned = await kind.assignKeys(db, inserts.length, inserts);
    rows = rows.map((r) => (r.op === 'insert' ? { ...r, key: assigned[inserts.indexOf(r)] } : r));
  }
  const keys = rows.map((r) => (r.op === 'insert' && !kind.assignKeys ? text(r.values[kind.keyColumn]) : r.key)).filter((k): k is string => Boolean(k));
  const stored = await lockKeyed(db, tableOf(kind), [...new Set(keys)]);
  const seen = new Set<string>();
  const planned = rows.map((row) => planRow(kind, row, stored, seen));
  const toResolve = planned.filter((p) => !p.fail && p.row.op !== 'delete');
  const resolutions = await kind.resolve(db, toResolve.map((p) => ({ row: settableOnly(kind.definition, p.row), key: p.key as string, current: p.stored?.attributes })), actor);
  toResolve.forEach((p, i) => {
    if (resolutions[i].errors.length > 0) p.fail = failed(resolutions[i].errors);
    else {
      p.attributes = resolutions[i].attributes ?? {};
      p.warnings = resolutions[i].warnings;
    }
  });
  const deletes = planned.filter((p) => !p.fail && p.row.op === 'delete');
  const refused = deletes.length > 0 && kind.canDelete ? await kind.canDelete(db, deletes.map((p) => p.key as string), actor) : new Map<string, RowError[]>();
  for (const p of deletes) if (refused.get(p.key as string)?.length) p.fail = failed(refused.get(p.key as string) as RowError[]);
  if (kind.checkChanges) {
    const ruled = await kind.checkChanges(db, changesOf(planned), actor);
    for (const p of planned) if (!p.fail && ruled.get(p.row.rowId)?.length) p.fail = failed(ruled.get(p.row.rowId) as RowError[]);
  }
  return planned;
}

function changesOf(planned: Planned[]): KeyedChange[] {
  return planned
    .filter((p) => !p.fail)
    .map((p) => ({ rowId: p.row.rowId, op: p.row.op, key: p.key as string, before: p.stored?.attributes, after: p.row.op === 'delete' ? undefined : { ...p.stored?.attributes, ...p.attributes } }));
}

async function write(db: Db, kind: KeyedKind, planned: Planned[]): Promise<void> {
  const spec = tableOf(kind);
  const of = (op: UploadRow['op']) => planned.filter((p) => p.row.op === op);
  const deleted = of('delete').map((p) => p.key as string);
  if (kind.remove) await kind.remove(db, deleted);
  else await deleteKeyed(db, spec, deleted);
  await updateKeyed(db, spec, of('update').map((p) => ({ key: p.key as string, attributes: p.attributes ?? {} })));
  await insertKeyed(db, spec, of('insert').map((p) => ({ key: p.key as string, attributes: p.attributes ?? {} })));
}

const STATUS = { insert: 'Inserted', update: 'Updated', delete: 'Deleted' } as const;

async function rowsOf(db: Db, kind: KeyedKind, keys: string[], actor: Actor): Promise<Map<string, DownloadedRow>> {
  if (keys.length === 0) return new Map();
  const page = await kind.download(db, { limit: keys.length, keys, population: actor.population });
  return new Map(page.rows.map((r) => [r.key, r]));
}

async function applyChunk(db: Db, kind: KeyedKind, rows: UploadRow[], actor: Actor): Promise<RowResult[]> {
  const planned = await plan(db, kind, rows, actor);
  const before = await rowsOf(db, kind, planned.filter((p) => !p.fail && p.row.op !== 'insert').map((p) => p.key as string), actor);
  await writeWithRowFallback(
    db,
    planned.filter((p) => !p.fail),
    (chunk) => write(db, kind, chunk),
    (p) => {
      p.fail = failed([{ message: ROW_REFUSED }]);
    },
  );
  await kind.afterWrite?.(db, changesOf(planned), actor);
  const saved = planned.filter((p) => !p.fail && p.row.op !== 'delete').map((p) => p.key as string);
  const conflicted = planned.filter((p) => p.fail?.status === 'Conflict' && p.key).map((p) => p.key as string);
  const current = await rowsOf(db, kind, [...saved, ...conflicted], actor);
  const author = { username: actor.username, requestId: actor.requestId };
  const changes: Change[] = planned.flatMap((p) => {
    if (p.fail || !p.key) return [];
    const old = before.get(p.key)?.values;
    const now = p.row.op === 'delete' ? undefined : current.get(p.key)?.values;
    return changedColumns(kind.definition, old, now).map((c) => ({ kind: kind.definition.kind, action: p.row.op, recordKey: p.key as string, personNumber: null, effectiveDate: null, ...c }));
  });
  await recordChanges(db, author, changes);
  return planned.map(({ row, key, fail, warnings }): RowResult => {
    if (fail?.status === 'Conflict' && key) return { rowId: row.rowId, status: 'Conflict', errors: fail.errors, current: current.get(key) ?? null };
    if (fail) return { rowId: row.rowId, status: fail.status, errors: fail.errors };
    const stored = key ? current.get(key) : undefined;
    return { rowId: row.rowId, status: STATUS[row.op], errors: [], ...(warnings?.length ? { warnings } : {}), ...(stored ? { key: stored.key, version: stored.version, values: stored.values } : { key }) };
  });
}
