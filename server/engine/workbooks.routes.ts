import { Router } from 'express';
import { kindParams, type RowsResponse, type WorkbooksResponse } from '../../src/contract/api';
import { rowsQuerySchema, uploadRequestSchema } from './request-schemas';
import { findKind, workbookKinds } from './registry';
import { uploadChunk } from './upload.service';
import type { Db } from './workbook-kind';

export function workbookRoutes(db: Db): Router {
  const router = Router();
  router.get('/api/workbooks', (_req, res) => {
    const body: WorkbooksResponse = { workbooks: workbookKinds.map((k) => k.definition) };
    res.json(body);
  });
  router.get('/api/workbooks/:kind/rows', async (req, res) => {
    const kind = findKind(kindParams.parse(req.params).kind);
    const query = rowsQuerySchema.parse(req.query);
    const page = await kind.download(db, query.effectiveDate, query);
    const next = query.offset + page.rows.length;
    const body: RowsResponse = {
      kind: kind.definition.kind,
      effectiveDate: query.effectiveDate,
      rows: page.rows,
      total: page.total,
      nextOffset: page.rows.length === query.limit && next < page.total ? next : null,
      lists: await kind.lists(db, query.effectiveDate),
    };
    res.json(body);
  });
  router.post('/api/workbooks/:kind/uploads', async (req, res) => {
    const kind = findKind(kindParams.parse(req.params).kind);
    res.json(await uploadChunk(db, kind, uploadRequestSchema.parse(req.body)));
  });
  return router;
}
