/** The Users workbook (a keyed kind) over HTTP, on PGlite and PostgreSQL: rows, uploads, Check, sessions, the last administrator. */
import { randomUUID } from 'node:crypto';
import type { UploadRow } from '../../../src/contract/api';
import { createHarness, type Harness } from '../../test-support/api-harness';
import { dialects } from '../../test-support/databases';
import { request } from '../../test-support/openapi-responses';
import { addUser, signInAs } from '../../test-support/users';

jest.setTimeout(90000);
const PATH = '/api/workbooks/users';

type Result = { rowId: number; status: string; errors: Array<{ column?: string; message: string; suggestion?: { column: string; value: string } }>; key?: string; version?: number; values?: Record<string, unknown> };

describe.each(dialects)('the Users workbook on %s', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness(dialect, 5);
  }, 240000); // a PGlite database can take minutes to start on a loaded machine
  afterAll(() => h.close());

  const uploadAs = async (auth: { Authorization: string }, rows: UploadRow[], idempotencyKey = randomUUID()): Promise<Result[]> =>
    (await request(h.app).post(`${PATH}/uploads`).set(auth).send({ idempotencyKey, rows }).expect(200)).body.results;
  const upload = (rows: UploadRow[], idempotencyKey = randomUUID()): Promise<Result[]> => h.post(`${PATH}/uploads`, { idempotencyKey, rows }).expect(200).then((r) => r.body.results);
  const rowOf = async (username: string, auth?: { Authorization: string }) => ((await (auth ? request(h.app).get(`${PATH}/rows`).set(auth) : h.get(`${PATH}/rows`)).expect(200)).body.rows as Array<{ key: string; version: number; values: Record<string, unknown> }>).find((r) => r.key === username);
  const stored = (username: string) => h.database.db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();

  it('when a role below administrator asks, then the workbook is not listed and its rows and uploads answer 403; an administrator downloads with no date', async () => {
    await addUser(h.database.db, 'u-editor', 'editor');
    const editor = await signInAs(h.app, 'u-editor');
    const listed = (await request(h.app).get('/api/workbooks').set(editor).expect(200)).body.workbooks.map((w: { kind: string }) => w.kind);
    expect(listed).not.toContain('users');
    await request(h.app).get(`${PATH}/rows`).set(editor).expect(403);
    await request(h.app).post(`${PATH}/uploads`).set(editor).send({ idempotencyKey: randomUUID(), rows: [{ rowId: 1, op: 'insert', values: { username: 'x', role: 'viewer' } }] }).expect(403);
    const page = (await h.get(`${PATH}/rows`).expect(200)).body;
    expect(page.lists.roles).toEqual(['viewer', 'editor', 'batch-processor', 'administrator']);
    expect(page.rows.find((r: { key: string }) => r.key === 'u-editor').values).toEqual({ username: 'u-editor', displayName: 'Test editor', role: 'editor', dataAccess: '', disabled: 'No' });
  });

  it('when rows are added, then each valid one creates a user without a password, bad ones fail on their column, a retried chunk applies once, and the trail records it', async () => {
    const rows: UploadRow[] = [
      { rowId: 1, op: 'insert', values: { username: 'new.user', displayName: 'New User', role: 'Editor', dataAccess: 'Executives;Retirees', disabled: 'No' } },
      { rowId: 2, op: 'insert', values: { username: 'bad role', role: 'boss' } },
      { rowId: 3, op: 'insert', values: { username: 'typo', role: 'viewer', dataAccess: 'Executivs' } },
      { rowId: 4, op: 'insert', values: { username: 'u-editor', role: 'viewer' } },
      { rowId: 5, op: 'insert', values: { displayName: 'No Name', role: 'viewer' } },
    ];
    const key = randomUUID();
    const results = await upload(rows, key);
    expect(results.map((r) => r.status)).toEqual(['Inserted', 'Upload Failed', 'Upload Failed', 'Upload Failed', 'Upload Failed']);
    expect(results[0].values).toEqual({ username: 'new.user', displayName: 'New User', role: 'editor', dataAccess: 'Executives; Retirees', disabled: 'No' });
    expect(results[1].errors.map((e) => e.column)).toEqual(['username', 'role']);
    expect(results[1].errors[1].message).toContain('Role: "boss" is not one of the choices');
    expect(results[2].errors).toEqual([{ column: 'dataAccess', message: expect.stringContaining('There is no benefits group named "Executivs"'), suggestion: { column: 'dataAccess', value: 'Executives' } }]);
    expect(results[3].errors).toEqual([{ column: 'username', message: expect.stringContaining('There is already a user with User Name "u-editor"') }]);
    expect(results[4].errors).toEqual([{ column: 'username', message: 'User Name is required on a new row.' }]);
    expect(await upload(rows, key)).toEqual(results);
    const user = await stored('new.user');
    expect(user).toMatchObject({ password_hash: null, role: 'editor', data_access: 'Executives; Retirees', version: 1, disabled: false });
    expect(await stored('typo')).toBeUndefined();
    const trail = await h.database.db.selectFrom('change_history').select(['column_name', 'new_value', 'action', 'username']).where('kind', '=', 'users').where('record_key', '=', 'new.user').orderBy('id').execute();
    expect(trail).toEqual(expect.arrayContaining([{ column_name: 'Role', new_value: 'editor', action: 'insert', username: 'demo' }]));
    expect(trail).toHaveLength(5);
  });

  it('when a row is checked, then Check predicts the upload and writes nothing', async () => {
    const res = await h.post(`${PATH}/check`, { rows: [{ rowId: 1, op: 'insert', values: { username: 'checked.only', role: 'viewer' } }, { rowId: 2, op: 'insert', values: { username: 'checked.bad', role: 'nobody' } }] }).expect(200);
    expect(res.body.results.map((r: Result) => r.status)).toEqual(['Inserted', 'Upload Failed']);
    expect(await stored('checked.only')).toBeUndefined();
  });

  it('when a row is updated, then the version is checked, the user name cannot change, and disabling ends the user’s sessions at once', async () => {
    await addUser(h.database.db, 'u-victim', 'editor');
    const victim = await signInAs(h.app, 'u-victim');
    const row = (await rowOf('u-victim'))!;
    const [renamed] = await upload([{ rowId: 1, op: 'update', key: row.key, version: row.version, values: { ...row.values, username: 'someone-else' } }]);
    expect(renamed.errors).toEqual([{ column: 'username', message: expect.stringContaining('User Name cannot be changed once saved') }]);
    const [disabled] = await upload([{ rowId: 1, op: 'update', key: row.key, version: row.version, values: { ...row.values, disabled: 'Yes', role: 'viewer' } }]);
    expect(disabled).toMatchObject({ status: 'Updated', version: row.version + 1, values: { disabled: 'Yes', role: 'viewer' } });
    await request(h.app).get('/api/workbooks').set(victim).expect(401);
    const [stale] = await upload([{ rowId: 1, op: 'update', key: row.key, version: row.version, values: { ...row.values, disabled: 'No' } }]);
    expect(stale.status).toBe('Conflict');
    expect((stale as Result & { current: { values: Record<string, unknown> } }).current.values.disabled).toBe('Yes');
  });

  it('when a row is deleted, then the account is disabled (kept for the audit trail) and its sessions end', async () => {
    await addUser(h.database.db, 'u-leaver', 'viewer');
    const leaver = await signInAs(h.app, 'u-leaver');
    const row = (await rowOf('u-leaver'))!;
    const [deleted] = await upload([{ rowId: 1, op: 'delete', key: row.key, version: row.version, values: {} }]);
    expect(deleted.status).toBe('Deleted');
    expect(await stored('u-leaver')).toMatchObject({ disabled: true, version: row.version + 1 });
    await request(h.app).get('/api/workbooks').set(leaver).expect(401);
  });

  it('when the last administrator demotes or disables themselves, then the row fails in plain words and they stay administrator', async () => {
    await addUser(h.database.db, 'u-solo', 'administrator');
    await h.database.db.updateTable('users').set({ role: 'editor' }).where('username', '<>', 'u-solo').where('role', '=', 'administrator').execute();
    const solo = await signInAs(h.app, 'u-solo');
    const row = (await rowOf('u-solo', solo))!;
    const results = await uploadAs(solo, [
      { rowId: 1, op: 'update', key: row.key, version: row.version, values: { ...row.values, role: 'editor' } },
      { rowId: 2, op: 'insert', values: { username: 'u-next', role: 'viewer' } },
    ]);
    expect(results[0]).toMatchObject({ status: 'Upload Failed', errors: [{ column: 'role', message: 'You are the last administrator: this row would leave no one who can manage users. Make another user an administrator first.' }] });
    expect(results[1].status).toBe('Inserted');
    const [off] = await uploadAs(solo, [{ rowId: 1, op: 'update', key: row.key, version: row.version, values: { ...row.values, disabled: 'Yes' } }]);
    expect(off.errors[0].column).toBe('disabled');
    expect(await stored('u-solo')).toMatchObject({ role: 'administrator', disabled: false });
  });

  it('when the last two administrators each demote themselves at once, then one administrator is left', async () => {
    const rounds = dialect === 'postgres' ? 8 : 2;
    for (let round = 0; round < rounds; round++) {
      const [a, b] = [`race-a${round}`, `race-b${round}`];
      await addUser(h.database.db, a, 'administrator');
      await addUser(h.database.db, b, 'administrator');
      await h.database.db.updateTable('users').set({ role: 'editor' }).where('username', 'not in', [a, b]).where('role', '=', 'administrator').execute();
      const [authA, authB] = [await signInAs(h.app, a), await signInAs(h.app, b)];
      const [rowA, rowB] = [(await rowOf(a, authA))!, (await rowOf(b, authA))!];
      const demote = (auth: { Authorization: string }, row: typeof rowA) => uploadAs(auth, [{ rowId: 1, op: 'update', key: row.key, version: row.version, values: { ...row.values, role: 'viewer' } }]);
      // Each demotes their own row (their own role lets both requests in): only the lock decides who is last.
      const [[byA], [byB]] = await Promise.all([demote(authA, rowA), demote(authB, rowB)]);
      expect([byA.status, byB.status].sort()).toEqual(['Updated', 'Upload Failed']);
      expect((byA.status === 'Updated' ? byB : byA).errors[0].message).toContain('You are the last administrator');
      const admins = await h.database.db.selectFrom('users').select('username').where('role', '=', 'administrator').where('disabled', '=', false).execute();
      expect(admins).toHaveLength(1);
    }
  });
});
