/** The HTTP edge: security headers, CORS for the add-in's origin only, no caching, redacted request logs. */
import { Writable } from 'node:stream';
import pino from 'pino';
import supertest from 'supertest';
import { createApp } from '../app';
import { createHarness, type Harness } from '../test-support/api-harness';
import { dialects } from '../test-support/databases';
import { request } from '../test-support/openapi-responses';
import { addUser, signInAs, TEST_PASSWORD } from '../test-support/users';

jest.setTimeout(120000);

describe.each(dialects)('HTTP edge on %s', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness(dialect, 5);
    await addUser(h.database.db, 'edge-user', 'editor');
  });
  afterAll(() => h.close());

  it('when any page or API answer is sent, then it has a Content-Security-Policy allowing only its own origin and the office.js CDN', async () => {
    const res = await request(h.app).get('/api/health').expect(200);
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self' https://appsforoffice.microsoft.com");
    expect(csp).toContain('frame-ancestors');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
  });

  it('when an API answer carries personal data, then it says Cache-Control: no-store', async () => {
    const auth = await signInAs(h.app, 'edge-user');
    const res = await request(h.app).get('/api/workbooks/person-benefit-groups/rows').query({ effectiveDate: '2026-01-01' }).set(auth).expect(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect((await request(h.app).post('/api/auth/sign-in').send({ username: 'edge-user', password: TEST_PASSWORD }).expect(200)).headers['cache-control']).toBe('no-store');
  });

  it("when a browser asks from the add-in's origin, then CORS allows it; from any other origin, it does not", async () => {
    const app = await createApp({ database: h.database, addinOrigin: 'https://benefits.example.com' });
    const preflight = (origin: string) => supertest(app).options('/api/workbooks').set({ Origin: origin, 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'authorization' });
    const ok = await preflight('https://benefits.example.com');
    expect(ok.headers['access-control-allow-origin']).toBe('https://benefits.example.com');
    expect((await preflight('https://evil.example.com')).headers['access-control-allow-origin']).toBeUndefined();
    expect((await request(h.app).get('/api/health').set({ Origin: 'https://evil.example.com' })).headers['access-control-allow-origin']).toBeUndefined();
  });

  it('when requests are made, then each is logged with user, route, status and duration, and no password, token or row value', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write: (chunk, _enc, done) => {
        lines.push(String(chunk));
        done();
      },
    });
    const app = await createApp({ database: h.database, logger: pino({ level: 'info' }, sink) });
    const signIn = await request(app).post('/api/auth/sign-in').send({ username: 'edge-user', password: TEST_PASSWORD }).expect(200);
    const token = signIn.body.token as string;
    await request(app)
      .post('/api/workbooks/person-benefit-groups/uploads')
      .set({ Authorization: `Bearer ${token}` })
      .send({ idempotencyKey: crypto.randomUUID(), effectiveDate: '2026-01-01', rows: [{ rowId: 0, op: 'insert', values: { personNumber: 'SECRET-VALUE-42', benefitsGroup: 'Executives' } }] })
      .expect(200);
    await request(app).get('/api/workbooks/benefit-enrollments/rows').query({ batchName: 'Private Batch Name' }).set({ Authorization: `Bearer ${token}` }).expect(200);
    const entries = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(entries).toEqual([
      expect.objectContaining({ route: 'POST /api/auth/sign-in', status: 200, durationMs: expect.any(Number) }),
      expect.objectContaining({ user: 'edge-user', route: 'POST /api/workbooks/:kind/uploads', status: 200, durationMs: expect.any(Number) }),
      expect.objectContaining({ user: 'edge-user', route: 'GET /api/workbooks/:kind/rows', status: 200 }),
    ]);
    const all = lines.join('\n');
    for (const secret of [TEST_PASSWORD, token, 'SECRET-VALUE-42', 'Private Batch Name', 'Private%20Batch']) expect(all).not.toContain(secret);
  });
});
