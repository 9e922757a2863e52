import { Router } from 'express';
import { previewParams, rateChangeChoicesQuery, rateChangeCriteria, runParams, startRateChangeRequest } from '../../../src/contract/rate-change';
import { actorOf } from '../../engine/actor';
import type { Db } from '../../engine/workbook-kind';
import { findChoices } from './rate-change-preview.repository';
import type { RateChangeRunner } from './rate-change-runner';
import { createPreview, getRun, startRun } from './rate-change.service';

/** Global Benefit Rate Change: choices, preview, run, poll. `runner`: this instance's, woken when a run starts here. */
export function rateChangeRoutes(db: Db, runner?: RateChangeRunner): Router {
  const router = Router();
  router.get('/api/rate-changes/choices', async (req, res) => {
    res.json(await findChoices(db, rateChangeChoicesQuery.parse(req.query).effectiveDate));
  });
  router.post('/api/rate-changes/previews', async (req, res) => {
    res.status(201).json(await createPreview(db, rateChangeCriteria.parse(req.body), actorOf(req, res)));
  });
  router.post('/api/rate-changes/previews/:previewId/runs', async (req, res) => {
    const { run, created } = await startRun(db, previewParams.parse(req.params).previewId, startRateChangeRequest.parse(req.body).idempotencyKey, actorOf(req, res));
    if (created) runner?.wake();
    res.status(created ? 202 : 200).json(run);
  });
  router.get('/api/rate-changes/runs/:runId', async (req, res) => {
    res.json(await getRun(db, runParams.parse(req.params).runId, actorOf(req, res)));
  });
  return router;
}
