/** Test helpers for the Global Benefit Rate Change over HTTP: preview, run, drain, read the preview sheet. */
import { randomUUID } from 'node:crypto';
import type { RateChangeCriteria, RateChangePreview, RateChangeRun } from '../../../src/contract/rate-change';
import type { Harness } from '../../test-support/api-harness';
import { request } from '../../test-support/openapi-responses';
import { signInAs } from '../../test-support/users';
import { createRateChangeRunner } from './rate-change-runner';

/** The demo data's rate change date (helper "setup": RATE_CHANGE_DATE). */
export const RATE_DATE = '2027-01-01';
export const RATE_CHANGE_ALL: RateChangeCriteria = { employeeGroups: 'All', employees: 'All', benefits: 'All', newRateStart: RATE_DATE };
export interface RateChangeState {
  previewId: number;
  runId: number;
}

/** Signed in as the given user: previews everything and runs it to the end. */
export async function rateChangeAs(h: Harness, username: string): Promise<RateChangeState> {
  const auth = await signInAs(h.app, username);
  const api = request(h.app);
  const preview = (await api.post('/api/rate-changes/previews').set(auth).send(RATE_CHANGE_ALL).expect(201)).body as RateChangePreview;
  const run = (await api.post(`/api/rate-changes/previews/${preview.previewId}/runs`).set(auth).send({ idempotencyKey: randomUUID() }).expect(202)).body as RateChangeRun;
  await createRateChangeRunner(h.database.db).drain();
  return { previewId: preview.previewId, runId: run.runId };
}

export function rateChangeClient(h: Harness) {
  return {
    async preview(criteria: Partial<RateChangeCriteria> = {}): Promise<RateChangePreview> {
      return (await h.post('/api/rate-changes/previews', { ...RATE_CHANGE_ALL, ...criteria }).expect(201)).body;
    },
    start: (previewId: number, idempotencyKey: string = randomUUID()) => h.post(`/api/rate-changes/previews/${previewId}/runs`, { idempotencyKey }),
    async run(previewId: number): Promise<RateChangeRun> {
      const started = (await this.start(previewId).expect(202)).body as RateChangeRun;
      await createRateChangeRunner(h.database.db).drain();
      return (await h.get(`/api/rate-changes/runs/${started.runId}`).expect(200)).body;
    },
    /** The preview's sheet rows (values only), as the pane downloads them. */
    async sheet(previewId: number): Promise<Array<Record<string, string | number | null>>> {
      const res = await h.get('/api/workbooks/rate-change-preview/rows', { effectiveDate: RATE_DATE, filter: String(previewId), limit: 1000 }).expect(200);
      return res.body.rows.map((r: { values: Record<string, string | number | null> }) => r.values);
    },
  };
}
