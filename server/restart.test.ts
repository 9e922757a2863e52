/**
 * A real restart: the server (embedded PostgreSQL in a data folder) is stopped in the middle of a batch run and
 * started again on the same data. The restarted server resumes the run once the old lease expires, and finishes
 * every line exactly once.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { startServer, type RunningServer } from './main';
import { enrollment, KIND } from './workbooks/enrollment-batches/test-batches';
import type { BatchJob } from '../src/contract/api';

jest.setTimeout(120000);

const PARTICIPANTS = Array.from({ length: 60 }, (_, i) => i)
  .filter((i) => i % 5 !== 4)
  .map((i) => `P${10001 + i}`);
const BATCH = 'Restarted mid-run';
// One participant per unit, so the first server stops mid-run after its fifth.
const jobs = { leaseMs: 1500, pollMs: 100, unitSize: 1 };

let dataDir: string;
let server: RunningServer | undefined;

beforeAll(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bw-restart-'));
});
afterAll(async () => {
  await server?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function call<T>(method: string, url: string, token: string | undefined, body?: object): Promise<{ status: number; body: T }> {
  const res = await fetch(url, { method, headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: body ? JSON.stringify(body) : undefined });
  return { status: res.status, body: (await res.json()) as T };
}

const signIn = async (url: string) => (await call<{ token: string }>('POST', `${url}/api/auth/sign-in`, undefined, { username: 'demo', password: 'demo123' })).body.token;

it('when the server stops in the middle of a run and starts again, then the run resumes and each line is processed once', async () => {
  // The first server stops itself after its fifth participant, as a server that is shut down mid-run.
  let stopping: Promise<void> | undefined;
  let units = 0;
  const first = await startServer({ port: 0, dataDir, jobs: { ...jobs, onUnitDone: () => void (++units === 5 && (stopping = first.close())) } });
  server = first;
  let token = await signIn(server.url);
  const rows = PARTICIPANTS.map((p, rowId) => ({ rowId, op: 'insert', values: enrollment(p) }));
  const uploaded = await call<{ results: Array<{ status: string }> }>('POST', `${server.url}/api/workbooks/${KIND}/uploads`, token, { idempotencyKey: randomUUID(), batchName: BATCH, rows });
  expect(uploaded.body.results.every((r) => r.status === 'Inserted')).toBe(true);
  const started = await call<BatchJob>('POST', `${server.url}/api/workbooks/${KIND}/batches/${encodeURIComponent(BATCH)}/jobs`, token, { idempotencyKey: randomUUID() });
  expect(started.status).toBe(202);
  for (let i = 0; i < 300 && !stopping; i++) await new Promise((resolve) => setTimeout(resolve, 20));
  await stopping; // it stopped after the participant in progress; the run keeps that server's lease
  server = undefined;

  // The first server finished exactly five participants; the run is left to whoever takes it next.
  expect(units).toBe(5);

  // Counting the restarted server's units, not reading the run's state at restart: the restarted server may
  // take the run over before the test could look (its lease is short), so only counts are free of timing.
  let resumedUnits = 0;
  server = await startServer({ port: 0, dataDir, jobs: { ...jobs, onUnitDone: () => void resumedUnits++ } });
  token = await signIn(server.url);
  const jobUrl = `${server.url}/api/workbooks/${KIND}/batches/${encodeURIComponent(BATCH)}/jobs/${started.body.jobId}`;
  const atRestart = (await call<BatchJob>('GET', jobUrl, token)).body;
  expect(atRestart.total).toBe(PARTICIPANTS.length);
  expect(atRestart.done).toBeGreaterThanOrEqual(5);

  let job = atRestart;
  for (let i = 0; i < 300 && job.status === 'running'; i++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    job = (await call<BatchJob>('GET', jobUrl, token)).body;
  }
  // done counts each finished line once: a line run twice would push it past the total.
  expect(job).toMatchObject({ status: 'completed', total: PARTICIPANTS.length, done: PARTICIPANTS.length, completed: PARTICIPANTS.length, errors: 0 });
  // The restarted server ran only the participants the first one had not finished.
  expect(resumedUnits).toBe(PARTICIPANTS.length - 5);
  const lines = (await call<{ rows: Array<{ values: { rowBatchStatus: string } }> }>('GET', `${server.url}/api/workbooks/${KIND}/rows?batchName=${encodeURIComponent(BATCH)}&limit=1000`, token)).body.rows;
  expect(lines.map((l) => l.values.rowBatchStatus)).toEqual(PARTICIPANTS.map(() => 'COMPLETE'));
});
