/** The audit trail over HTTP: every upload, delete, process and back-out leaves who, what, old and new; on PGlite and PostgreSQL. */
import { randomUUID } from 'node:crypto';
import { createHarness, type Harness } from '../test-support/api-harness';
import { dialects } from '../test-support/databases';
import { signInAs } from '../test-support/test-users';
import { batchClient, enrollment, KIND } from '../workbooks/enrollment-batches/test-batches';

jest.setTimeout(120000);

const DATE = '2026-03-01';
const GROUPS = 'person-benefit-groups';
type Entry = { username: string; kind: string; action: string; recordKey: string; personNumber: string | null; column: string; oldValue: string | null; newValue: string | null; requestId: string; effectiveDate: string | null };

describe.each(dialects)('Audit trail on %s', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness(dialect);
  });
  afterAll(() => h.close());

  const history = async (query: Record<string, unknown>): Promise<Entry[]> => (await h.get('/api/change-history', { limit: 10000, ...query }).expect(200)).body.entries;

  it('when an upload changes, adds and deletes rows, then each changed column is in the trail with who, the record, the person and the upload key; a failed row leaves nothing', async () => {
    const row = await h.rowFor(GROUPS, DATE, (v) => v.personNumber === 'P10001');
    const gone = await h.rowFor(GROUPS, DATE, (v) => v.personNumber === 'P10002');
    const idempotencyKey = randomUUID();
    const rows = [
      { rowId: 1, op: 'update', key: row.key, version: row.version, values: { benefitsGroup: 'Retirees' } },
      { rowId: 2, op: 'insert', values: { personNumber: 'P10010', benefitsGroup: 'Interns' } },
      { rowId: 3, op: 'delete', key: gone.key, version: gone.version, values: {} },
      { rowId: 4, op: 'insert', values: { personNumber: 'P10020', benefitsGroup: 'No such group' } },
    ];
    const res = await h.post(`/api/workbooks/${GROUPS}/uploads`, { idempotencyKey, effectiveDate: DATE, rows }).expect(200);
    expect(res.body.results.map((r: { status: string }) => r.status)).toEqual(['Updated', 'Inserted', 'Deleted', 'Upload Failed']);
    const entries = await history({ kind: GROUPS });
    const of = (person: string) => entries.filter((e) => e.personNumber === person).map(({ action, column, oldValue, newValue, username, requestId, effectiveDate }) => ({ action, column, oldValue, newValue, username, requestId, effectiveDate }));
    const common = { username: 'demo', requestId: idempotencyKey, effectiveDate: DATE };
    expect(of('P10001')).toEqual(expect.arrayContaining([{ ...common, action: 'update', column: 'Benefits Group', oldValue: row.values.benefitsGroup, newValue: 'Retirees' }]));
    expect(of('P10010')).toEqual(expect.arrayContaining([{ ...common, action: 'insert', column: 'Benefits Group', oldValue: null, newValue: 'Interns' }]));
    expect(of('P10002')).toEqual(expect.arrayContaining([{ ...common, action: 'delete', column: 'Benefits Group', oldValue: gone.values.benefitsGroup, newValue: null }]));
    expect(of('P10020')).toEqual([]);
    expect(entries.find((e) => e.personNumber === 'P10001')?.recordKey).toBe(row.key);

    // A retried chunk applies nothing again, and writes nothing again.
    await h.post(`/api/workbooks/${GROUPS}/uploads`, { idempotencyKey, effectiveDate: DATE, rows }).expect(200);
    expect(await history({ kind: GROUPS })).toHaveLength(entries.length);
  });

  it('when an upload corrects a record on its own start date, then the trail has the value from before the correction (the record the upload locked)', async () => {
    const LATER = '2026-04-01';
    const row = await h.rowFor(GROUPS, DATE, (v) => v.personNumber === 'P10005');
    const [first, second] = row.values.benefitsGroup === 'Interns' ? ['Executives', 'Retirees'] : ['Interns', 'Retirees'];
    expect((await h.upload(GROUPS, LATER, [{ rowId: 1, op: 'update', key: row.key, version: row.version, values: { benefitsGroup: first } }]))[0].status).toBe('Updated');
    const split = await h.rowFor(GROUPS, LATER, (v) => v.personNumber === 'P10005');
    expect((await h.upload(GROUPS, LATER, [{ rowId: 1, op: 'update', key: split.key, version: split.version, values: { benefitsGroup: second } }]))[0].status).toBe('Updated');
    const groups = (await history({ personNumber: 'P10005', kind: GROUPS })).filter((e) => e.effectiveDate === LATER && e.column === 'Benefits Group');
    expect(groups.map((e) => [e.action, e.oldValue, e.newValue]).sort()).toEqual([['update', first, second], ['update', row.values.benefitsGroup, first]].sort());
  });

  it('when a salary upload also sets the gender (stored on the person), then the trail has the gender from before the upload', async () => {
    const SALARIES = 'employee-salaries';
    const salary = await h.rowFor(SALARIES, DATE, (v) => v.personNumber === 'P10006');
    const gender = salary.values.gender === 'Female' ? 'Male' : 'Female';
    expect((await h.upload(SALARIES, DATE, [{ rowId: 1, op: 'update', key: salary.key, version: salary.version, values: { annualSalary: 61000, gender } }]))[0].status).toBe('Updated');
    const trail = (await history({ personNumber: 'P10006', kind: SALARIES })).map((e) => [e.column, e.oldValue, e.newValue]);
    expect(trail).toEqual(expect.arrayContaining([['Gender', salary.values.gender ?? null, gender], ['Annual Salary', String(salary.values.annualSalary), '61000']]));
  });

  it('when a batch is uploaded, processed and its life event backed out, then the trail has the lines, the run by its starter and the back-out', async () => {
    const b = batchClient(h);
    await b.insert('Audited', [enrollment('P10003')]);
    const job = await b.process('Audited');
    const lineKey = (await b.lines('Audited'))[0].key;
    const mine = (await history({ personNumber: 'P10003', kind: KIND })).filter((e) => e.recordKey === lineKey);
    expect(mine.filter((e) => e.action === 'insert').map((e) => e.column)).toEqual(expect.arrayContaining(['Person Number', 'Plan Name']));
    const processed = mine.filter((e) => e.action === 'process');
    expect(processed.find((e) => e.column === 'Row Batch Status')).toMatchObject({ oldValue: 'NEW', newValue: 'COMPLETE', username: 'demo' });
    const { idempotency_key } = await h.database.db.selectFrom('batch_jobs').select('idempotency_key').where('id', '=', job.jobId).executeTakeFirstOrThrow();
    expect(processed[0].requestId).toBe(idempotency_key);

    const res = await h.post(`/api/workbooks/${KIND}/batches/Audited/lines/1/life-event/back-out`, {}).expect(200);
    const backOut = (await history({ personNumber: 'P10003' })).filter((e) => e.action === 'back-out');
    expect(backOut.map((e) => [e.column, e.oldValue, e.newValue])).toEqual(
      expect.arrayContaining([['Life Event Status', 'Closed', 'Voided'], ['Record Type', 'Participant Enrollment', null], ['Row Batch Status', 'COMPLETE', 'BACKED OUT']]),
    );
    expect(backOut[0].requestId).toBe(res.headers['x-request-id']);
  });

  it('when an administrator filters by user and dates, then only those changes come back; as CSV too', async () => {
    const other = await signInAs(h, 'second-admin');
    const row = await h.rowFor(GROUPS, DATE, (v) => v.personNumber === 'P10004');
    await other.post(`/api/workbooks/${GROUPS}/uploads`, { idempotencyKey: randomUUID(), effectiveDate: DATE, rows: [{ rowId: 1, op: 'update', key: row.key, version: row.version, values: { benefitsGroup: 'Executives' } }] }).expect(200);
    const today = new Date().toISOString().slice(0, 10);
    const theirs = await history({ username: 'second-admin', from: today, to: today });
    // The split record: its group and its start date (now the session date) changed.
    expect(theirs.map((e) => [e.personNumber, e.column]).sort()).toEqual([['P10004', 'Benefits Group'], ['P10004', 'Start Date']]);
    expect(await history({ username: 'second-admin', to: '2000-01-01' })).toEqual([]);
    const csv = await h.get('/api/change-history.csv', { username: 'second-admin' }).expect(200).expect('content-type', /text\/csv/);
    const lines = csv.text.trim().split('\r\n');
    expect(lines[0]).toBe('Changed At,User,Workbook,Action,Record Key,Person Number,Column,Old Value,New Value,Effective Date,Request');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain(',second-admin,person-benefit-groups,update,');
  });

  it('when the Change History workbook is downloaded, then it shows the trail newest first; a user who is not an administrator is refused', async () => {
    const res = await h.get('/api/workbooks/change-history/rows', { effectiveDate: '2026-01-01', filter: 'second-admin' }).expect(200);
    expect(res.body.rows.length).toBeGreaterThan(0);
    expect(res.body.rows.every((r: { values: { username: string } }) => r.values.username === 'second-admin')).toBe(true);
    await h.post('/api/workbooks/change-history/uploads', { idempotencyKey: randomUUID(), effectiveDate: DATE, rows: [] }).expect(405);
    const viewer = await signInAs(h, 'a-viewer', { role: 'viewer' });
    await viewer.get('/api/change-history').expect(403);
    await viewer.get('/api/workbooks/change-history/rows', { effectiveDate: DATE }).expect(403);
  });
});
