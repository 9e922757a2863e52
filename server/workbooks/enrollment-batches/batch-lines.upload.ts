/**
 * Upload of one chunk of batch lines (seed: "Uploading the Workbook Enrollment Data"): the batch is created if it
 * does not exist; new lines are added, changed lines updated, lines marked for deletion removed from the interim
 * table. Each failing row is reported alone and the others are saved.
 */
import { randomUUID } from 'node:crypto';
import type { RowError, RowResult, UploadResponse, UploadRow } from '../../../src/contract/api';
import { hasActiveJob } from '../../engine/batch-jobs';
import { writeWithRowFallback } from '../../engine/row-fallback';
import { AppError } from '../../errors/app-error';
import { readIsoDate, text } from '../../engine/values';
import type { Actor } from '../../engine/actor';
import { NO_ACCESS, visiblePersonNumbers } from '../../engine/population';
import type { BatchUploadRequest, Db } from '../../engine/workbook-kind';
import { recordLineChanges } from './batch-lines.audit';
import { claimBatch, deleteLines, findLinesByKey, insertLines, updateLines } from './batch-lines.repository';
import { checkLine } from './line-checks';
import { lineValues, type LineFields, type StoredLine } from './line-fields';
import { findPersons, findRelationships, loadReference } from './reference.repository';

type Planned =
  | { row: UploadRow; op: 'insert' | 'update'; key: string; fields: LineFields }
  | { row: UploadRow; op: 'delete'; key: string }
  | { row: UploadRow; op: 'fail'; status: 'Upload Failed' | 'Conflict'; errors: RowError[]; current?: RowResult['current'] };

const fail = (row: UploadRow, message: string, status: 'Upload Failed' | 'Conflict' = 'Upload Failed'): Planned => ({ row, op: 'fail', status, errors: [{ message }] });

export async function uploadLines(db: Db, request: Omit<BatchUploadRequest, 'idempotencyKey'>, actor: Actor): Promise<UploadResponse> {
  const batchId = await claimBatch(db, request.batchName, request.auditLog);
  if (await hasActiveJob(db, batchId)) {
    throw new AppError('conflict', `The batch "${request.batchName}" is being processed. Wait until processing ends, then upload again.`);
  }
  const { planned, existing } = await plan(db, batchId, request, actor);
  const writes = planned.filter((p) => p.op !== 'fail');
  await writeWithRowFallback(db, writes, (rows) => write(db, batchId, rows), (p) => {
    planned[planned.indexOf(p)] = fail(p.row, 'The server could not save this line. Check its values and upload it again; if it still fails, contact support.');
  });
  const saved = await findLinesByKey(db, planned.flatMap((p) => (p.op === 'insert' || p.op === 'update' ? [p.key] : [])));
  const byKey = new Map(saved.map((l) => [l.key, l]));
  await recordLineChanges(db, actor, planned, existing, byKey);
  const results = planned.map((p): RowResult => {
    if (p.op === 'fail') return { rowId: p.row.rowId, status: p.status, errors: p.errors, ...(p.current === undefined ? {} : { current: p.current }) };
    if (p.op === 'delete') return { rowId: p.row.rowId, status: 'Deleted', errors: [] };
    const line = byKey.get(p.key) as StoredLine;
    return { rowId: p.row.rowId, status: p.op === 'insert' ? 'Inserted' : 'Updated', errors: [], key: line.key, version: line.version, values: lineValues(line) };
  });
  return { results };
}

const today = () => new Date().toISOString().slice(0, 10);

async function plan(db: Db, batchId: number, request: Omit<BatchUploadRequest, 'idempotencyKey'>, actor: Actor): Promise<{ planned: Planned[]; existing: Map<string, StoredLine> }> {
  const keys = [...new Set(request.rows.filter((r) => r.op !== 'insert' && r.key).map((r) => r.key as string))];
  const existing = new Map((await findLinesByKey(db, keys, true)).map((l) => [l.key, l]));
  const toCheck = request.rows.filter((r) => r.op !== 'delete');
  const numbers = [...new Set(toCheck.map((r) => text(r.values.personNumber)).filter(Boolean))];
  const [reference, persons] = await Promise.all([loadReference(db), findPersons(db, numbers)]);
  const relationships = await findRelationships(db, [...persons.values()].map((p) => p.id));
  // Data access: the person of a stored line on its date, and the person a row names on the date it gives.
  const named = (row: UploadRow) => ({ personNumber: text(row.values.personNumber), date: readIsoDate(row.values.effectiveDate, 'effectiveDate', '').date ?? today() });
  const storedOf = (row: UploadRow) => (row.key ? existing.get(row.key) : undefined);
  const pairs = [
    ...request.rows.flatMap((r) => { const l = storedOf(r); return l && r.op !== 'insert' ? [{ personNumber: l.person_number, date: l.effective_date }] : []; }),
    ...toCheck.map(named).filter((n) => persons.has(n.personNumber)),
  ];
  const visible = await visiblePersonNumbers(db, actor.population, pairs);
  const outside = (p: { personNumber: string; date: string }) => !visible.has(`${p.personNumber}|${p.date}`);
  const seen = new Set<string>();
  const planned = request.rows.map((row): Planned => {
    if (row.op !== 'insert') {
      if (!row.key) return fail(row, 'This row has no key. Download the batch again, or enter the line as a new row.');
      if (seen.has(row.key)) return fail(row, 'This line appears more than once in this upload; only its first row is applied.');
      seen.add(row.key);
      const line = existing.get(row.key);
      if (line && line.batch_id === batchId && outside({ personNumber: line.person_number, date: line.effective_date })) return { row, op: 'fail', status: 'Upload Failed', errors: [{ column: 'personNumber', message: NO_ACCESS }] };
      // A Conflict carries the line as the server holds it now (null: someone deleted it), for the pane's conflict panel.
      if (!line) return { ...fail(row, 'Someone else deleted this line since you downloaded it.', 'Conflict'), current: null } as Planned;
      if (line.batch_id !== batchId) return fail(row, `This line is not in the batch "${request.batchName}" (it may have been deleted). Download the batch again.`);
      if (row.version !== line.version) {
        const conflict = fail(row, `Line ${line.line_id} was changed by someone else since you downloaded it. Keep yours or take theirs, or download the batch again.`, 'Conflict');
        return { ...conflict, current: { key: line.key, version: line.version, values: lineValues(line) } } as Planned;
      }
      if (row.op === 'delete') return { row, op: 'delete', key: row.key };
      if (line.status === 'COMPLETE') {
        return fail(row, `Line ${line.line_id} is already processed (COMPLETE): its enrollment exists. Enter a new line for a later change instead.`);
      }
    }
    const { fields, errors } = checkLine(row.values, { reference, persons, relationships });
    const who = named(row);
    if (persons.has(who.personNumber) && outside(who)) return { row, op: 'fail', status: 'Upload Failed', errors: [{ column: 'personNumber', message: NO_ACCESS }] };
    if (!fields) return { row, op: 'fail', status: 'Upload Failed', errors };
    return { row, op: row.op === 'insert' ? 'insert' : 'update', key: row.op === 'insert' ? randomUUID() : (row.key as string), fields };
  });
  return { planned, existing };
}

async function write(db: Db, batchId: number, planned: Planned[]): Promise<void> {
  await deleteLines(db, planned.flatMap((p) => (p.op === 'delete' ? [p.key] : [])));
  await updateLines(db, planned.flatMap((p) => (p.op === 'update' ? [{ key: p.key, fields: p.fields }] : [])));
  await insertLines(db, batchId, planned.flatMap((p) => (p.op === 'insert' ? [{ key: p.key, fields: p.fields }] : [])));
}
