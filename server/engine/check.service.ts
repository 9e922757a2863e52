/**
 * Check: a dry run of an upload. The chunk goes through the very path an upload takes (every row rule, the
 * cross-row rules, the look-ups, the database's own constraints) in a transaction that is always rolled back, so
 * what Check predicts is what an upload would answer, and nothing is written. No idempotency key is claimed; the
 * locks an upload takes are held only while the chunk is checked.
 */
import type { Actor } from './actor';
import type { CheckResponse, CheckResult, UploadResponse } from '../../src/contract/api';
import type { DatedUploadRequest } from './request-schemas';
import { applyBatchChunk, applyDatedChunk } from './upload.service';
import type { BatchKind, BatchUploadRequest, Db, EffectiveDatedKind, KeyedKind } from './workbook-kind';
import { applyKeyedChunk, type KeyedUploadRequest } from './keyed-upload.service';

/** Thrown to end the transaction with a rollback, carrying what was found inside it. */
class RolledBack<T> extends Error {
  constructor(readonly value: T) {
    super('rolled back');
  }
}

async function inRolledBackTransaction<T>(db: Db, run: (trx: Db) => Promise<T>): Promise<T> {
  try {
    await db.transaction().execute(async (trx) => {
      throw new RolledBack(await run(trx));
    });
  } catch (error) {
    if (error instanceof RolledBack) return error.value as T;
    throw error;
  }
  throw new Error('unreachable: the check transaction always rolls back');
}

/** What is said about each row: the upload's own status, errors and warnings (the values an upload would save are not sent). */
const predictions = ({ results }: UploadResponse): CheckResult[] => results.map(({ rowId, status, errors, warnings }) => ({ rowId, status, errors, ...(warnings?.length ? { warnings } : {}) }));

export function checkDatedChunk(db: Db, kind: EffectiveDatedKind, request: Omit<DatedUploadRequest, 'idempotencyKey'>, actor: Actor): Promise<CheckResponse> {
  return inRolledBackTransaction(db, async (trx) => ({ results: predictions(await applyDatedChunk(trx, kind, request, actor)) }));
}

export function checkBatchChunk(db: Db, kind: BatchKind, request: Omit<BatchUploadRequest, 'idempotencyKey'>, actor: Actor): Promise<CheckResponse> {
  return inRolledBackTransaction(db, async (trx) => {
    const uploaded = await applyBatchChunk(trx, kind, request, actor);
    const processing = (await kind.checkProcessing?.(trx, request, uploaded.results)) ?? new Map();
    return {
      results: predictions(uploaded).map((r) => {
        const errors = processing.get(r.rowId);
        return errors?.length ? { ...r, processingErrors: errors } : r;
      }),
    };
  });
}

export function checkKeyedChunk(db: Db, kind: KeyedKind, request: Omit<KeyedUploadRequest, 'idempotencyKey'>, actor: Actor): Promise<CheckResponse> {
  return inRolledBackTransaction(db, async (trx) => ({ results: predictions(await applyKeyedChunk(trx, kind, request, actor)) }));
}
