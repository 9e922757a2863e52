/** The audit trail for administrators (the operations' x-role, enforced by route-roles): as JSON pages, or every matching change as CSV. */
import { Router } from 'express';
import { changeHistoryQuery, type ChangeHistoryResponse } from '../../src/contract/change-history';
import { actorOf } from '../engine/actor';
import type { Db } from '../engine/workbook-kind';
import { findChanges, toCsv } from './change-history.repository';

/** The most rows one CSV holds; narrow the filter (dates, person, user) for more. */
const CSV_LIMIT = 100000;

export function changeHistoryRoutes(db: Db): Router {
  const router = Router();
  router.get('/api/change-history', async (req, res) => {
    const { offset, limit, ...filter } = changeHistoryQuery.parse(req.query);
    const { entries, total } = await findChanges(db, filter, { offset, limit, population: actorOf(req, res).population });
    const next = offset + entries.length;
    const body: ChangeHistoryResponse = { entries, total, nextOffset: entries.length === limit && next < total ? next : null };
    res.set('Cache-Control', 'no-store').json(body);
  });
  router.get('/api/change-history.csv', async (req, res) => {
    const { offset, ...filter } = changeHistoryQuery.parse(req.query);
    const { entries } = await findChanges(db, filter, { offset, limit: CSV_LIMIT, population: actorOf(req, res).population });
    res.set('Cache-Control', 'no-store').attachment('change-history.csv').type('text/csv').send(toCsv(entries));
  });
  return router;
}
