/** The client against the real server, through a real HTTP proxy that drops a connection after the server answered. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { startServer, type RunningServer } from '../../server/main';
import { pgliteTemplate } from '../../server/test-support/templates';
import { ApiError, createApiClient } from './api-client';

jest.setTimeout(60000);

let server: RunningServer;
let proxy: http.Server;
let proxyUrl: string;
let dropNextUploadResponse = false;
let uploadsForwarded = 0;
let dropNextJobStart = false;
let jobStartsForwarded = 0;

beforeAll(async () => {
  server = await startServer({ port: 0, loadDataDir: pgliteTemplate() });
  const target = new URL(server.url);
  proxy = http.createServer((req, res) => {
    const upstream = http.request({ host: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers }, (answer) => {
      if (req.url?.includes('/uploads')) uploadsForwarded++;
      const jobStart = req.method === 'POST' && /\/jobs$/.test(req.url ?? '');
      if (jobStart) jobStartsForwarded++;
      if (jobStart && dropNextJobStart) {
        dropNextJobStart = false;
        answer.resume();
        req.socket.destroy(); // the server started the run, but the answer never arrives
        return;
      }
      if (req.url?.includes('/uploads') && dropNextUploadResponse) {
        dropNextUploadResponse = false;
        answer.resume();
        req.socket.destroy(); // the server applied the chunk, but the answer never arrives
        return;
      }
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => proxy.listen(0, 'localhost', resolve));
  proxyUrl = `http://localhost:${(proxy.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => proxy.close(resolve));
  await server.close();
});

async function signedIn(baseURL: string) {
  const session: { token?: string } = {};
  const client = createApiClient({ baseURL, getToken: () => session.token, retryDelayMs: 10 });
  session.token = (await client.signIn('demo', 'demo123')).token;
  return client;
}

it('when the connection drops after the server applied a chunk, then the client resends it with the same key and it is applied once', async () => {
  const client = await signedIn(proxyUrl);
  const before = (await client.rows('person-benefit-groups', { effectiveDate: '2026-01-01' }, undefined, 1000)).total as number;
  dropNextUploadResponse = true;
  uploadsForwarded = 0;
  const response = await client.upload('person-benefit-groups', {
    idempotencyKey: randomUUID(),
    effectiveDate: '2026-01-01',
    rows: [{ rowId: 9, op: 'insert', values: { personNumber: 'P10020', benefitsGroup: 'Interns' } }],
  });
  expect(uploadsForwarded).toBe(2);
  expect(response.results).toEqual([expect.objectContaining({ rowId: 9, status: 'Inserted' })]);
  expect((await client.rows('person-benefit-groups', { effectiveDate: '2026-01-01' }, undefined, 1000)).total).toBe(before + 1);
});

it('when the password is wrong, then sign-in fails with the server\'s words, not "Your session has ended"', async () => {
  const client = createApiClient({ baseURL: server.url, getToken: () => undefined });
  await expect(client.signIn('demo', 'wrong-password')).rejects.toMatchObject({ message: 'The user name or password is not right.', status: 401 });
});

it('when the token is missing or the server is unreachable, then the error says what to do in plain words', async () => {
  const anonymous = createApiClient({ baseURL: server.url, getToken: () => undefined });
  await expect(anonymous.workbooks()).rejects.toMatchObject({ message: 'Your session has ended. Sign in again.', status: 401 });
  await expect(anonymous.workbooks()).rejects.toBeInstanceOf(ApiError);
  const nowhere = createApiClient({ baseURL: 'http://localhost:1', getToken: () => undefined, retries: 0 });
  await expect(nowhere.workbooks()).rejects.toThrow('Cannot reach the Benefits Workbook server');
  const client = await signedIn(server.url);
  await expect(client.rows('person-benefit-groups', { effectiveDate: '2026-02-30' }, undefined, 10)).rejects.toThrow('effectiveDate: Not a real calendar date');
  await expect(client.health()).resolves.toMatchObject({ status: 'ok' });
});

it('when the server keeps failing, then the upload gives up after the bounded retries with a plain message', async () => {
  const failing = http.createServer((_req, res) => {
    res.writeHead(503, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: { code: 'unavailable', message: 'The server is busy. Try again.' } }));
  });
  let calls = 0;
  failing.on('request', () => calls++);
  await new Promise<void>((resolve) => failing.listen(0, 'localhost', resolve));
  const client = createApiClient({ baseURL: `http://localhost:${(failing.address() as AddressInfo).port}`, getToken: () => 't', retries: 2, retryDelayMs: 1 });
  const request = { idempotencyKey: randomUUID(), effectiveDate: '2026-01-01', rows: [{ rowId: 2, op: 'insert' as const, values: {} }] };
  await expect(client.upload('k', request)).rejects.toMatchObject({ message: 'The server is busy. Try again.', status: 503 });
  expect(calls).toBe(3);
  await new Promise((resolve) => failing.close(resolve));
});

it('when the connection drops after the server started a batch run, then the client resends the same key and gets that run, not a second one', async () => {
  const client = await signedIn(proxyUrl);
  const batchName = `Retry/${randomUUID().slice(0, 8)}`; // a "/" stays part of the name in the address
  const line = {
    enrollmentType: 'Participant Enrollment', effectiveDate: '2026-01-01', personNumber: 'P10012', programName: 'Health and Welfare', planName: 'Dental',
    optionName: 'Basic', lifeEvent: 'New Hire', lifeEventOccurredDate: '2026-01-01', createPotentialLifeEvent: 'Yes', benefitRelationship: 'Default', closeLifeEvent: 'Yes',
  };
  await client.upload('benefit-enrollments', { idempotencyKey: randomUUID(), batchName, rows: [{ rowId: 2, op: 'insert', values: line }] });
  dropNextJobStart = true;
  jobStartsForwarded = 0;
  const idempotencyKey = randomUUID();
  const started = await client.startBatchJob('benefit-enrollments', batchName, { idempotencyKey });
  expect(jobStartsForwarded).toBe(2);
  expect(started).toMatchObject({ batchName, total: 1 });
  let job = started;
  while (job.status === 'queued' || job.status === 'running') {
    await new Promise((resolve) => setTimeout(resolve, 20));
    job = await client.batchJob('benefit-enrollments', batchName, started.jobId);
  }
  expect(job).toMatchObject({ jobId: started.jobId, status: 'completed', done: 1 });
  // The key names the run: sent again it answers that run; a new key starts another.
  expect(await client.startBatchJob('benefit-enrollments', batchName, { idempotencyKey })).toMatchObject({ jobId: started.jobId });
  expect((await client.startBatchJob('benefit-enrollments', batchName, { idempotencyKey: randomUUID() })).jobId).not.toBe(started.jobId);
  expect(await client.auditLog('benefit-enrollments', batchName)).toEqual(expect.any(Array));
  const page = await client.rows('benefit-enrollments', { batchName }, undefined, 10);
  expect(page).toMatchObject({ batchName, batchExists: true, total: 1 });
  expect(page.rows[0].values.rowBatchStatus).toBe('COMPLETE');
});
