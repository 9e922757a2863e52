import { Router } from 'express';
import { batchParams, jobParams, kindParams, lineParams, startBatchJobRequest, type AuditLogResponse, type RowsResponse, type WorkbooksResponse } from '../../src/contract/api';
import { actorOf, type Actor } from './actor';
import { getJob, startJob, type JobRunner } from './batch-jobs';
import { batchRowsQuerySchema, batchUploadRequestSchema, rowsQuerySchema, uploadRequestSchema } from './request-schemas';
import { findBatchKind, findKind, findLifeEventActions, workbookKinds } from './registry';
import { uploadBatchChunk, uploadChunk } from './upload.service';
import { isBatchKind, isReadOnlyKind, type BatchKind, type Db } from './workbook-kind';
import { AppError } from '../errors/app-error';

export function workbookRoutes(db: Db, runner?: JobRunner): Router {
  const router = Router();
  router.get('/api/workbooks', (_req, res) => {
    const body: WorkbooksResponse = { workbooks: workbookKinds.map((k) => k.definition) };
    res.json(body);
  });
  router.get('/api/workbooks/:kind/rows', async (req, res) => {
    const kind = findKind(kindParams.parse(req.params).kind);
    if (isBatchKind(kind)) {
      res.json(await batchRows(db, kind, batchRowsQuerySchema.parse(req.query), actorOf(req, res)));
      return;
    }
    const query = rowsQuerySchema.parse(req.query);
    // A kind without a filter ignores one; an empty filter is no filter.
    const filter = (kind.definition.filter && query.filter) || undefined;
    const { population } = actorOf(req, res);
    if (isReadOnlyKind(kind) && kind.administratorsOnly && req.auth?.role !== 'administrator') {
      throw new AppError('forbidden', `"${kind.definition.title}" is for administrators only. Ask an administrator if you need it.`);
    }
    const page = isReadOnlyKind(kind) ? await kind.download(db, query.effectiveDate, { ...query, filter, population }) : await kind.download(db, query.effectiveDate, { ...query, population });
    const next = query.offset + page.rows.length;
    const body: RowsResponse = {
      kind: kind.definition.kind,
      effectiveDate: query.effectiveDate,
      ...(filter ? { filter } : {}),
      rows: page.rows,
      total: page.total,
      nextOffset: page.rows.length === query.limit && next < page.total ? next : null,
      lists: (await kind.lists?.(db, query.effectiveDate)) ?? {},
    };
    res.json(body);
  });
  router.post('/api/workbooks/:kind/uploads', async (req, res) => {
    const kind = findKind(kindParams.parse(req.params).kind);
    if (isReadOnlyKind(kind)) {
      // RFC 9110: a 405 lists the methods the resource allows; an upload to a read-only workbook allows none.
      res.set('Allow', '');
      throw new AppError('read_only', `"${kind.definition.title}" is a read-only workbook: nothing in it can be uploaded. ${kind.definition.readOnly.reason}`);
    }
    if (isBatchKind(kind)) {
      const request = batchUploadRequestSchema.parse(req.body);
      res.json(await uploadBatchChunk(db, kind, { ...request, batchName: request.batchName as string }, actorOf(req, res)));
      return;
    }
    res.json(await uploadChunk(db, kind, uploadRequestSchema.parse(req.body), actorOf(req, res)));
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

async function batchRows(db: Db, kind: BatchKind, query: ReturnType<typeof batchRowsQuerySchema.parse>, actor: Actor): Promise<RowsResponse> {
  const page = query.batchName ? await kind.download(db, query.batchName, { ...query, population: actor.population }) : { rows: [], total: 0, batchExists: false };
  const next = query.offset + page.rows.length;
  return {
    kind: kind.definition.kind,
    batchName: query.batchName,
    batchExists: page.batchExists,
    rows: page.rows,
    total: page.total,
    nextOffset: page.rows.length === query.limit && next < page.total ? next : null,
    lists: await kind.lists(db),
  };
}
