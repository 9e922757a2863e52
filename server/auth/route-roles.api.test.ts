/**
 * The route × role matrix, generated from the OpenAPI document: every signed-in operation answers 401 without a
 * token, 403 to each role below its x-role, and 2xx to its x-role. A new route without a call below fails here.
 */
import { randomUUID } from 'node:crypto';
import { ROLES, rolesFrom, type Role } from '../../src/contract/roles';
import { openApiDocument } from '../openapi';
import { createHarness, type Harness } from '../test-support/api-harness';
import { dialects } from '../test-support/databases';
import { request } from '../test-support/openapi-responses';
import { addUserPerRole, signInAs, TEST_PASSWORD } from '../test-support/users';
import { batchClient, enrollment, KIND as BATCHES } from '../workbooks/enrollment-batches/test-batches';
import { rateChangeAs, RATE_CHANGE_ALL, type RateChangeState } from '../workbooks/rate-change/test-rate-changes';

jest.setTimeout(120000);

type Method = 'get' | 'post' | 'delete';
interface Call {
  path: string;
  query?: Record<string, string>;
  body?: () => object;
}

const BATCH = 'Matrix batch';
const batchPath = `/api/workbooks/${BATCHES}/batches/${encodeURIComponent(BATCH)}`;
const lifeEvent = `${batchPath}/lines/1/life-event`;

/** How to call each operation so that its least role gets a 2xx (state set up in beforeAll). */
function calls(jobId: () => number, password: { current: string }, rate: RateChangeState = { previewId: 0, runId: 0 }): Record<string, Call> {
  return {
    getRateChangeChoices: { path: '/api/rate-changes/choices', query: { effectiveDate: '2027-01-01' } },
    previewRateChange: { path: '/api/rate-changes/previews', body: () => RATE_CHANGE_ALL },
    // The preview already run by the batch processor (beforeAll): it answers that run.
    get runRateChange() {
      return { path: `/api/rate-changes/previews/${rate.previewId}/runs`, body: () => ({ idempotencyKey: randomUUID() }) };
    },
    get getRateChangeRun() {
      return { path: `/api/rate-changes/runs/${rate.runId}` };
    },
    signOut: { path: '/api/auth/sign-out', body: () => ({}) },
    changePassword: {
      path: '/api/auth/password',
      // The test keeps the new password once this answers 2xx (changed()).
      body: () => ({ currentPassword: password.current, newPassword: `${password.current}!` }),
    },
    listWorkbooks: { path: '/api/workbooks' },
    getRows: { path: '/api/workbooks/person-benefit-groups/rows', query: { effectiveDate: '2026-01-01' } },
    uploadRows: {
      path: '/api/workbooks/person-benefit-groups/uploads',
      // A row that fails (unknown person) still answers 200: the matrix changes no data.
      body: () => ({ idempotencyKey: randomUUID(), effectiveDate: '2026-01-01', rows: [{ rowId: 0, op: 'insert', values: { personNumber: 'NOBODY', benefitsGroup: 'Executives' } }] }),
    },
    startBatchJob: { path: `${batchPath}/jobs`, body: () => ({ idempotencyKey: randomUUID() }) },
    get getBatchJob() {
      return { path: `${batchPath}/jobs/${jobId()}` };
    },
    get cancelBatchJob() {
      return { path: `${batchPath}/jobs/${jobId()}/cancel`, body: () => ({}) };
    },
    getAuditLog: { path: `${batchPath}/audit-log` },
    getLineLifeEvent: { path: lifeEvent },
    backOutLifeEvent: { path: `${lifeEvent}/back-out`, body: () => ({}) },
    deleteVoidedLifeEvent: { path: lifeEvent },
    listBatches: { path: `/api/workbooks/${BATCHES}/batches` },
    checkRows: {
      path: '/api/workbooks/person-benefit-groups/check',
      body: () => ({ effectiveDate: '2026-01-01', rows: [{ rowId: 0, op: 'insert', values: { personNumber: 'NOBODY', benefitsGroup: 'Executives' } }] }),
    },
    listChangeHistory: { path: '/api/change-history' },
    downloadChangeHistoryCsv: { path: '/api/change-history.csv' },
  };
}

interface Operation {
  method: Method;
  operationId: string;
  role: Role;
}

// Back out before deleting the voided event: the matrix runs in document order but these two in this order.
const operations: Operation[] = Object.values(openApiDocument().paths ?? {})
  .flatMap((item) => Object.entries(item as Record<string, { operationId: string; security?: unknown[]; 'x-role'?: Role }>).map(([method, op]) => ({ method: method as Method, op })))
  .filter(({ op }) => op.security && op.security.length > 0)
  .map(({ method, op }) => ({ method, operationId: op.operationId, role: op['x-role'] as Role }))
  .sort((a, b) => Number(a.operationId === 'deleteVoidedLifeEvent') - Number(b.operationId === 'deleteVoidedLifeEvent'));

describe.each(dialects)('route × role matrix on %s', (dialect) => {
  let h: Harness;
  let users: Record<Role, string>;
  let jobId = 0;
  const rate: RateChangeState = { previewId: 0, runId: 0 };
  const passwords = Object.fromEntries(ROLES.map((r) => [r, { current: TEST_PASSWORD }])) as Record<Role, { current: string }>;

  beforeAll(async () => {
    h = await createHarness(dialect, 10);
    users = await addUserPerRole(h.database.db);
    const b = batchClient(h);
    await b.insert(BATCH, [enrollment('P10001', { effectiveDate: '2020-03-01', lifeEventOccurredDate: '2020-03-01' })]);
    jobId = (await b.process(BATCH)).jobId;
    Object.assign(rate, await rateChangeAs(h, users['batch-processor']));
  });
  afterAll(() => h.close());

  it('when the document is read, then every signed-in operation names a role and has a call in this test', () => {
    const known = calls(() => 0, { current: '' });
    expect(operations.length).toBeGreaterThan(10);
    for (const op of operations) {
      expect({ op: op.operationId, role: ROLES.includes(op.role) }).toEqual({ op: op.operationId, role: true });
      expect({ op: op.operationId, call: op.operationId in known }).toEqual({ op: op.operationId, call: true });
    }
  });

  it.each(operations.map((o) => [o.operationId, o] as const))('when %s is called with no token, each role below its own and its own role, then 401, 403 and 2xx', async (_name, op) => {
    const call = calls(() => jobId, passwords[op.role], rate)[op.operationId];
    const send = async (auth?: { Authorization: string }) => {
      let test = request(h.app)[op.method](call.path);
      if (call.query) test = test.query(call.query);
      if (auth) test = test.set(auth);
      return call.body ? test.send(call.body()) : test;
    };
    expect((await send()).status).toBe(401);
    for (const below of ROLES.filter((r) => !rolesFrom(op.role).includes(r))) {
      const res = await send(await signInAs(h.app, users[below], passwords[below].current));
      expect({ role: below, status: res.status, code: res.body.error?.code }).toEqual({ role: below, status: 403, code: 'forbidden' });
    }
    // The role's password may have been changed by this very operation: sign in first.
    const auth = await signInAs(h.app, users[op.role], passwords[op.role].current);
    const res = await send(auth);
    expect({ role: op.role, status: res.status, body: res.status < 300 ? 'ok' : res.body }).toEqual({ role: op.role, status: expect.any(Number), body: 'ok' });
    expect(res.status).toBeGreaterThanOrEqual(200);
    expect(res.status).toBeLessThan(300);
    if (op.operationId === 'changePassword') passwords[op.role].current = `${passwords[op.role].current}!`;
  });
});
