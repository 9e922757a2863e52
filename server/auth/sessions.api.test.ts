/** Sessions, passwords and sign-in limits over HTTP, on PGlite and PostgreSQL. */
import { sql } from 'kysely';
import { createApp } from '../app';
import { createHarness, type Harness } from '../test-support/api-harness';
import { dialects } from '../test-support/databases';
import { request } from '../test-support/openapi-responses';
import { addUser, signInAs, TEST_PASSWORD } from '../test-support/users';
import { setDisabled } from './users.service';
import { tokenHash } from './token.service';

jest.setTimeout(60000);

describe.each(dialects)('sessions and passwords on %s', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness(dialect, 5);
  });
  afterAll(() => h.close());
  const workbooks = (auth: { Authorization: string }) => request(h.app).get('/api/workbooks').set(auth);

  it('when a user is disabled, then their token answers 401 at once and they cannot sign in', async () => {
    await addUser(h.database.db, 'dis-user', 'editor');
    const auth = await signInAs(h.app, 'dis-user');
    await workbooks(auth).expect(200);
    await setDisabled(h.database.db, 'dis-user', true);
    expect((await workbooks(auth).expect(401)).body.error.code).toBe('unauthorized');
    const res = await request(h.app).post('/api/auth/sign-in').send({ username: 'dis-user', password: TEST_PASSWORD }).expect(401);
    expect(res.body.error.message).toBe('The user name or password is not right.');
  });

  it('when a user is deleted, then their token answers 401', async () => {
    await addUser(h.database.db, 'gone-user', 'viewer');
    const auth = await signInAs(h.app, 'gone-user');
    await h.database.db.deleteFrom('users').where('username', '=', 'gone-user').execute();
    await workbooks(auth).expect(401);
  });

  it('when the user signs out, then that token answers 401 and another session of theirs goes on', async () => {
    await addUser(h.database.db, 'out-user', 'viewer');
    const [first, second] = [await signInAs(h.app, 'out-user'), await signInAs(h.app, 'out-user')];
    await request(h.app).post('/api/auth/sign-out').set(first).send({}).expect(200);
    await workbooks(first).expect(401);
    await workbooks(second).expect(200);
  });

  it('when a role is changed, then the next request of an open session uses the new role', async () => {
    await addUser(h.database.db, 'promoted', 'viewer');
    const auth = await signInAs(h.app, 'promoted');
    const upload = () => request(h.app).post('/api/workbooks/person-benefit-groups/uploads').set(auth).send({ idempotencyKey: crypto.randomUUID(), effectiveDate: '2026-01-01', rows: [{ rowId: 0, op: 'insert', values: { personNumber: 'NOBODY', benefitsGroup: 'Executives' } }] });
    expect((await upload().expect(403)).body.error.message).toBe('Your role (Viewer) does not allow you to do this: it needs Editor or higher. Ask an administrator if you need it.');
    await h.database.db.updateTable('users').set({ role: 'editor' }).where('username', '=', 'promoted').execute();
    await upload().expect(200);
  });

  it('when the session lifetime is set, then a session expires that many minutes after sign-in', async () => {
    const app = await createApp({ database: h.database, sessionMinutes: 7 });
    await addUser(h.database.db, 'short-user', 'viewer');
    const token = (await signInAs(app, 'short-user')).Authorization.slice('Bearer '.length);
    const { rows } = await sql<{ minutes: number }>`select round(extract(epoch from expires_at - created_at) / 60)::int as minutes from sessions where token_hash = ${tokenHash(token)}`.execute(h.database.db);
    expect(rows).toEqual([{ minutes: 7 }]);
  });

  it('when a password is changed, then the current one is required, a short one is refused, the old one stops working and other sessions end', async () => {
    await addUser(h.database.db, 'pw-user', 'viewer');
    const [auth, other] = [await signInAs(h.app, 'pw-user'), await signInAs(h.app, 'pw-user')];
    const change = (body: object) => request(h.app).post('/api/auth/password').set(auth).send(body);
    expect((await change({ currentPassword: 'wrong', newPassword: 'a long new password' }).expect(400)).body.error.message).toBe('Your current password is not right. Type it again.');
    expect((await change({ currentPassword: TEST_PASSWORD, newPassword: 'short' }).expect(400)).body.error.message).toBe('newPassword: A password needs at least 12 characters; a few words in a row make a good one');
    await change({ currentPassword: TEST_PASSWORD, newPassword: 'a long new password' }).expect(200);
    await workbooks(auth).expect(200);
    await workbooks(other).expect(401);
    await request(h.app).post('/api/auth/sign-in').send({ username: 'pw-user', password: TEST_PASSWORD }).expect(401);
    await signInAs(h.app, 'pw-user', 'a long new password');
  });
});

describe.each(dialects)('sign-in rate limits on %s', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness(dialect, 5);
    await addUser(h.database.db, 'target', 'viewer');
    await addUser(h.database.db, 'bystander', 'viewer');
  });
  afterAll(() => h.close());
  const attempt = (app: Parameters<typeof request>[0], username: string, password: string) => request(app).post('/api/auth/sign-in').send({ username, password });

  it('when a user name has had its wrong passwords, then every server instance answers 429 with Retry-After, even to the right password, and other users still sign in', async () => {
    const limits = { perUser: 3, perAddress: 100, windowSeconds: 600 };
    const [one, two] = [await createApp({ database: h.database, signInLimits: limits }), await createApp({ database: h.database, signInLimits: limits })];
    await attempt(one, 'target', 'wrong').expect(401);
    await attempt(two, 'target', 'wrong').expect(401);
    await attempt(one, 'TARGET', 'wrong').expect(401);
    for (const app of [one, two]) {
      const res = await attempt(app, 'target', TEST_PASSWORD).expect(429);
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
      expect(Number(res.headers['retry-after'])).toBeLessThanOrEqual(600);
      expect(res.body.error).toEqual({ code: 'too_many_requests', message: 'Too many sign-in attempts. Wait 10 minutes, then try again.' });
    }
    await attempt(two, 'bystander', TEST_PASSWORD).expect(200);
  });

  it('when one address has had its wrong passwords over many user names, then it answers 429 for any user name', async () => {
    // The tests before counted this address's failures too: start from none.
    await h.database.db.deleteFrom('rate_limits').execute();
    const app = await createApp({ database: h.database, signInLimits: { perUser: 100, perAddress: 2, windowSeconds: 60 } });
    await attempt(app, 'someone-1', 'x').expect(401);
    await attempt(app, 'someone-2', 'x').expect(401);
    const res = await attempt(app, 'bystander', TEST_PASSWORD).expect(429);
    expect(res.headers['retry-after']).toMatch(/^\d+$/);
  });

  it('when a user signs in right, then their earlier wrong passwords no longer count', async () => {
    await addUser(h.database.db, 'forgetful', 'viewer');
    const app = await createApp({ database: h.database, signInLimits: { perUser: 2, perAddress: 1000, windowSeconds: 600 } });
    await attempt(app, 'forgetful', 'wrong').expect(401);
    await attempt(app, 'forgetful', TEST_PASSWORD).expect(200);
    await attempt(app, 'forgetful', 'wrong').expect(401);
    await attempt(app, 'forgetful', TEST_PASSWORD).expect(200);
  });
});
