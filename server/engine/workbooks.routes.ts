import { Router, type Response } from 'express';
import { batchParams, jobParams, kindParams, lineParams, startBatchJobRequest, type AuditLogResponse, type BatchListResponse, type RowsResponse, type WorkbooksResponse } from '../../src/contract/api';
import { actorOf, type Actor } from './actor';
import type { RowSearch } from '../../src/contract/row-search';
import type { Population } from './population';
import { cancelJob, getJob, startJob, type JobRunner } from './batch-jobs';
import { batchCheckRequestSchema, batchRowsQuerySchema, batchUploadRequestSchema, checkRequestSchema, keyedCheckRequestSchema, keyedRowsQuerySchema, keyedUploadRequestSchema, rowsQuerySchema, uploadRequestSchema } from './request-schemas';
import { uploadKeyedChunk } from './keyed-upload.service';
import { findBatchKind, findKind, findLifeEventActions, workbookKinds } from './registry';
import { uploadBatchChunk, uploadChunk } from './upload.service';
import { sendAnswer } from './idempotency';
import { isBatchKind, isKeyedKind, isReadOnlyKind, type BatchKind, type Db, type DownloadPage, type EffectiveDatedKind, type KeyedKind, type PageRequest } from './workbook-kind';
import { decodeCursor, encodeCursor } from './keyset';
import { checkBatchChunk, checkDatedChunk, checkKeyedChunk } from './check.service';
import { AppError } from '../errors/app-error';
import { authOf } from '../auth/roles';
import { mayOpen } from '../auth/route-roles';
import { readSearch, unknownPersonNumbers } from './row-search';

export function workbookRoutes(db: Db, runner?: JobRunner): Router {
  const router = Router();
  router.get('/api/workbooks', (req, res) => {
    // A workbook the caller's role may not open (Users, for administrators) is not listed.
    const body: WorkbooksResponse = { workbooks: workbookKinds.map((k) => k.definition).filter((d) => mayOpen(authOf(req).role, d)) };
    res.json(body);
  });
  router.get('/api/workbooks/:kind/rows', async (req, res) => {
    const kind = findKind(kindParams.parse(req.params).kind);
    if (isBatchKind(kind)) {
      res.json(await batchRows(db, kind, batchRowsQuerySchema.parse(req.query), actorOf(req, res)));
      return;
    }
    if (isKeyedKind(kind)) {
      res.json(await keyedRows(db, kind, keyedRowsQuerySchema.parse(req.query), actorOf(req, res)));
      return;
    }
    const query = rowsQuerySchema.parse(req.query);
    // A kind without a filter ignores one; an empty filter is no filter.
    const filter = (kind.definition.filter && query.filter) || undefined;
    const { population } = actorOf(req, res);
    const lists = (await kind.lists?.(db, query.effectiveDate)) ?? {};
    const search = readSearch(query, kind.definition, lists);
    const request = { ...pageRequest(query), population, search };
    const page = await kind.download(db, query.effectiveDate, { ...request, filter });
    const body: RowsResponse = {
      kind: kind.definition.kind,
      effectiveDate: query.effectiveDate,
      ...(filter ? { filter } : {}),
      ...(await searchAnswer(db, search, population, query.effectiveDate, query.after)),
      ...cut(page, query.limit),
      lists,
    };
    res.json(body);
  });
  router.post('/api/workbooks/:kind/uploads', async (req, res) => {
    const kind = writableKind(req.params, res);
    if (isBatchKind(kind)) {
      const request = batchUploadRequestSchema.parse(req.body);
      sendAnswer(res, await uploadBatchChunk(db, kind, { ...request, batchName: request.batchName as string }, actorOf(req, res)));
      return;
    }
    if (isKeyedKind(kind)) {
      sendAnswer(res, await uploadKeyedChunk(db, kind, keyedUploadRequestSchema.parse(req.body), actorOf(req, res)));
      return;
    }
    sendAnswer(res, await uploadChunk(db, kind, uploadRequestSchema.parse(req.body), actorOf(req, res)));
  });
  router.get('/api/workbooks/:kind/batches', async (req, res) => {
    const body: BatchListResponse = { batches: await findBatchKind(kindParams.parse(req.params).kind).listBatches(db) };
    res.json(body);
  });
  router.post('/api/workbooks/:kind/check', async (req, res) => {
    const kind = writableKind(req.params, res);
    if (isBatchKind(kind)) {
      const request = batchCheckRequestSchema.parse(req.body);
      res.json(await checkBatchChunk(db, kind, { ...request, batchName: request.batchName as string }, actorOf(req, res)));
      return;
    }
    if (isKeyedKind(kind)) {
      res.json(await checkKeyedChunk(db, kind, keyedCheckRequestSchema.parse(req.body), actorOf(req, res)));
      return;
    }
    res.json(await checkDatedChunk(db, kind, checkRequestSchema.parse(req.body), actorOf(req, res)));
  });
  router.post('/api/workbooks/:kind/batches/:batchName/jobs', async (req, res) => {
    const params = batchParams.parse(req.params);
    const { job, created } = await startJob(db, findBatchKind(params.kind), params.batchName, startBatchJobRequest.parse(req.body).idempotencyKey, actorOf(req, res));
    if (created) runner?.wake();
    res.status(created ? 202 : 200).json(job);
  });
  router.get('/api/workbooks/:kind/batches/:batchName/jobs/:jobId', async (req, res) => {
    const params = jobParams.parse(req.params);
    findBatchKind(params.kind);
    res.json(await getJob(db, params.batchName, params.jobId));
  });
  router.post('/api/workbooks/:kind/batches/:batchName/jobs/:jobId/cancel', async (req, res) => {
    const params = jobParams.parse(req.params);
    findBatchKind(params.kind);
    res.json(await cancelJob(db, params.batchName, params.jobId, actorOf(req, res)));
  });
  router.get('/api/workbooks/:kind/batches/:batchName/audit-log', async (req, res) => {
    const params = batchParams.parse(req.params);
    const body: AuditLogResponse = { batchName: params.batchName, entries: await findBatchKind(params.kind).auditLog(db, params.batchName, actorOf(req, res).population) };
    res.json(body);
  });
  // seed FAQ: back out a life event processed in error (it becomes Voided), then delete the voided potential life event.
  const lifeEventPath = '/api/workbooks/:kind/batches/:batchName/lines/:lineId/life-event';
  router.get(lifeEventPath, async (req, res) => {
    const p = lineParams.parse(req.params);
    res.json(await findLifeEventActions(p.kind).describe(db, p.batchName, p.lineId, actorOf(req, res)));
  });
  router.post(`${lifeEventPath}/back-out`, async (req, res) => {
    const p = lineParams.parse(req.params);
    res.json(await findLifeEventActions(p.kind).backOut(db, p.batchName, p.lineId, actorOf(req, res)));
  });
  router.delete(lifeEventPath, async (req, res) => {
    const p = lineParams.parse(req.params);
    res.json(await findLifeEventActions(p.kind).deleteVoided(db, p.batchName, p.lineId, actorOf(req, res)));
  });
  return router;
}

/** One row more than asked for is read: it tells whether a next page exists without counting. */
function pageRequest(query: { after?: string; limit: number }): Omit<PageRequest, 'population'> {
  return { limit: query.limit + 1, after: query.after === undefined ? undefined : decodeCursor(query.after) };
}

function cut(page: DownloadPage, limit: number): Pick<RowsResponse, 'rows' | 'total' | 'nextCursor'> {
  const more = page.rows.length > limit;
  return {
    rows: more ? page.rows.slice(0, limit) : page.rows,
    ...(page.total === undefined ? {} : { total: page.total }),
    nextCursor: more ? encodeCursor(page.places[limit - 1]) : null,
  };
}

/** The kind of an upload or check; a read-only kind is refused. */
function writableKind(params: unknown, res: Response): EffectiveDatedKind | BatchKind | KeyedKind {
  const kind = findKind(kindParams.parse(params).kind);
  if (isReadOnlyKind(kind)) {
    // RFC 9110: a 405 lists the methods the resource allows; an upload to a read-only workbook allows none.
    res.set('Allow', '');
    throw new AppError('read_only', `"${kind.definition.title}" is a read-only workbook: nothing in it can be uploaded. ${kind.definition.readOnly.reason}`);
  }
  return kind;
}

async function batchRows(db: Db, kind: BatchKind, query: ReturnType<typeof batchRowsQuerySchema.parse>, actor: Actor): Promise<RowsResponse> {
  const lists = await kind.lists(db);
  const search = readSearch(query, kind.definition, lists);
  const page = query.batchName ? await kind.download(db, query.batchName, { ...pageRequest(query), population: actor.population, search }) : { rows: [], places: [], total: 0, batchExists: false };
  return {
    kind: kind.definition.kind,
    batchName: query.batchName,
    batchExists: page.batchExists,
    ...(await searchAnswer(db, search, actor.population, undefined, query.after)),
    ...cut(page, query.limit),
    lists,
  };
}

async function keyedRows(db: Db, kind: KeyedKind, query: ReturnType<typeof keyedRowsQuerySchema.parse>, actor: Actor): Promise<RowsResponse> {
  const lists = await kind.lists(db);
  const search = readSearch(query, kind.definition, lists);
  const page = await kind.download(db, { ...pageRequest(query), population: actor.population, search });
  return { kind: kind.definition.kind, ...(await searchAnswer(db, search, actor.population, undefined, query.after)), ...cut(page, query.limit), lists };
}

/** The search echoed, and on the first page the listed person numbers of no person the caller can see. */
async function searchAnswer(db: Db, search: RowSearch | undefined, population: Population, date: string | undefined, after: string | undefined): Promise<Pick<RowsResponse, 'search' | 'unknownPersonNumbers'>> {
  if (!search) return {};
  const unknown = after === undefined ? await unknownPersonNumbers(db, search, population, date) : undefined;
  return { search, ...(unknown ? { unknownPersonNumbers: unknown } : {}) };
}
