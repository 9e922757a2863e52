/** The workbook API over HTTP (supertest), on PGlite and, when reachable, PostgreSQL. */
import { randomUUID } from 'node:crypto';
import { request } from '../test-support/openapi-responses';
import type { Express } from 'express';
import { sql } from 'kysely';
import { createApp } from '../app';
import { tokenHash } from '../auth/token.service';
import type { AppDatabase } from '../db/database';
import { seedDemoData } from '../demo/seed';
import { createTestDatabase, dialects } from '../test-support/databases';
import type { UploadRow } from '../../src/contract/api';

jest.setTimeout(60000);

const KIND = 'person-benefit-groups';

describe.each(dialects)('workbook API on %s', (dialect) => {
  let database: AppDatabase;
  let app: Express;
  let auth: { Authorization: string };

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    await seedDemoData(database.db, { persons: 30 });
    app = await createApp({ database });
    const res = await request(app).post('/api/auth/sign-in').send({ username: 'demo', password: 'demo123' }).expect(200);
    auth = { Authorization: `Bearer ${res.body.token}` };
  });
  afterAll(() => database.close());

  const rowsOn = async (effectiveDate: string, extra: Record<string, unknown> = {}) =>
    (await request(app).get(`/api/workbooks/${KIND}/rows`).query({ effectiveDate, limit: 1000, ...extra }).set(auth).expect(200)).body;
  const rowFor = async (personNumber: string, date: string) => (await rowsOn(date)).rows.find((r: { values: { personNumber: string } }) => r.values.personNumber === personNumber);
  const upload = (effectiveDate: string, rows: UploadRow[], idempotencyKey = randomUUID()) =>
    request(app).post(`/api/workbooks/${KIND}/uploads`).set(auth).send({ idempotencyKey, effectiveDate, rows });
  const history = async (personNumber: string) =>
    (
      await sql<{ start: string; end: string; group: string }>`
        select a.effective_start_date as start, a.effective_end_date as "end", g.name as group
        from person_benefit_groups a join persons p on p.id = a.person_id join benefit_groups g on g.id = a.benefit_group_id
        where p.person_number = ${personNumber} order by a.effective_start_date`.execute(database.db)
    ).rows;

  describe('sign-in and access', () => {
    it('when there is no token, then workbook routes answer 401 and health and the OpenAPI document answer without one', async () => {
      await request(app).get('/api/workbooks').expect(401);
      await request(app).get('/api/workbooks').set({ Authorization: 'Bearer not-a-token' }).expect(401);
      expect((await request(app).get('/api/health').expect(200)).body).toEqual({ status: 'ok', database: dialect });
      const doc = (await request(app).get('/api/openapi.json').expect(200)).body;
      expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/auth/sign-in', '/api/workbooks', '/api/workbooks/{kind}/rows', '/api/workbooks/{kind}/uploads', '/api/workbooks/{kind}/batches/{batchName}/jobs', '/api/workbooks/{kind}/batches/{batchName}/jobs/{jobId}', '/api/workbooks/{kind}/batches/{batchName}/audit-log']));
      const lifeEvent = '/api/workbooks/{kind}/batches/{batchName}/lines/{lineId}/life-event';
      expect([Object.keys(doc.paths[lifeEvent]).sort(), Object.keys(doc.paths[`${lifeEvent}/back-out`])]).toEqual([['delete', 'get'], ['post']]);
    });

    it('when a request body is not JSON, then even health answers 400 with the error schema (as the OpenAPI document says)', async () => {
      const res = await request(app).get('/api/health').set('Content-Type', 'application/json').send('{not json').expect(400);
      expect(res.body.error).toEqual({ code: 'bad_request', message: 'The request body is not valid JSON.' });
    });

    it('when the session has expired or the token was never issued, then the answer is 401 unauthorized', async () => {
      const token = (await request(app).post('/api/auth/sign-in').send({ username: 'demo', password: 'demo123' }).expect(200)).body.token as string;
      await request(app).get('/api/workbooks').set({ Authorization: `Bearer ${token}` }).expect(200);
      await database.db.updateTable('sessions').set({ expires_at: sql<Date>`now() - interval '1 minute'` }).where('token_hash', '=', tokenHash(token)).execute();
      for (const t of [token, `${token.slice(0, -2)}xx`]) {
        const res = await request(app).get('/api/workbooks').set({ Authorization: `Bearer ${t}` }).expect(401);
        expect(res.body.error).toEqual({ code: 'unauthorized', message: expect.stringContaining('Sign in again') });
      }
    });

    it('when the password is wrong or the user unknown, then sign-in answers 401 with a plain message', async () => {
      const unknown = await request(app).post('/api/auth/sign-in').send({ username: 'nobody', password: 'demo123' }).expect(401);
      expect(unknown.body.error).toEqual({ code: 'unauthorized', message: 'The user name or password is not right.' });
      const res = await request(app).post('/api/auth/sign-in').send({ username: 'demo', password: 'nope' }).expect(401);
      expect(res.body.error.message).toBe('The user name or password is not right.');
    });
  });

  describe('definitions and download', () => {
    it('when workbooks are listed, then each kind comes with its columns, editable and required flags and lists', async () => {
      const res = await request(app).get('/api/workbooks').set(auth).expect(200);
      const groups = res.body.workbooks.find((w: { kind: string }) => w.kind === KIND);
      expect(groups.columns.find((c: { key: string }) => c.key === 'benefitsGroup')).toMatchObject({ editable: true, required: true, list: 'benefitGroups' });
      expect(groups.columns.find((c: { key: string }) => c.key === 'personName')).toMatchObject({ editable: false, enterable: false });
    });

    it('when rows are downloaded for a date, then only records effective that day come, paged, with groups valid that day', async () => {
      const first = await rowsOn('2026-01-01', { limit: 5 });
      expect(first.rows).toHaveLength(5);
      expect(first.total).toBe(27);
      expect(first.nextCursor).toEqual(expect.any(String));
      expect(first.lists.benefitGroups).toContain('Executives');
      expect(first.lists.benefitGroups).not.toContain('Legacy Contractors');
      expect((await rowsOn('2021-01-01')).lists.benefitGroups).toContain('Legacy Contractors');
      let last = first;
      for (let pages = 1; last.nextCursor !== null; pages += 1) {
        expect(pages).toBeLessThan(6);
        last = await rowsOn('2026-01-01', { limit: 5, after: last.nextCursor });
        expect(last.total).toBeUndefined(); // counted on the first page only
      }
      expect(last.rows).toHaveLength(2);
      expect((await rowFor('P10001', '2023-06-01')).values).toMatchObject({ startDate: '2022-01-01', endDate: '2024-12-31' });
    });

    it('when the query is bad, then the answer is 400 naming the field, not 500', async () => {
      for (const query of [{ effectiveDate: '2026-02-30' }, { effectiveDate: 'yesterday' }, { effectiveDate: '2026-01-01', after: '' }, { effectiveDate: '2026-01-01', limit: 'x' }, {}]) {
        const res = await request(app).get(`/api/workbooks/${KIND}/rows`).query(query).set(auth).expect(400);
        expect(res.body.error.issues[0].path).toMatch(/effectiveDate|after|limit/);
      }
      expect((await request(app).get('/api/workbooks/nope/rows').query({ effectiveDate: '2026-01-01' }).set(auth).expect(404)).body.error.message).toContain('There is no workbook called "nope"');
    });
  });

  describe('upload', () => {
    it('when a group is changed as of a later date, then the prior record is end-dated the day before and kept', async () => {
      const row = await rowFor('P10002', '2026-03-01');
      const res = await upload('2026-03-01', [{ rowId: 7, op: 'update', key: row.key, version: row.version, values: { benefitsGroup: 'Executives' } }]).expect(200);
      expect(res.body.results[0]).toMatchObject({ rowId: 7, status: 'Updated', version: row.version + 1, values: { benefitsGroup: 'Executives', startDate: '2026-03-01' } });
      expect(await history('P10002')).toEqual([
        { start: '2023-01-01', end: '2026-02-28', group: 'Hourly Employees' },
        { start: '2026-03-01', end: '4712-12-31', group: 'Executives' },
      ]);
    });

    it('when the current record starts on the session date, then the edit corrects it in place', async () => {
      const row = await rowFor('P10004', '2025-01-01');
      await upload('2025-01-01', [{ rowId: 1, op: 'update', key: row.key, version: row.version, values: { benefitsGroup: 'Retirees' } }]).expect(200);
      expect(await history('P10004')).toEqual([
        { start: '2022-01-01', end: '2024-12-31', group: 'Part-Time Staff' },
        { start: '2025-01-01', end: '4712-12-31', group: 'Retirees' },
      ]);
    });

    it('when the record has a change dated after the session date, then the row fails saying so and nothing changes', async () => {
      const row = await rowFor('P10007', '2023-06-01');
      const before = await history('P10007');
      const res = await upload('2023-06-01', [{ rowId: 1, op: 'update', key: row.key, version: row.version, values: { benefitsGroup: 'Retirees' } }]).expect(200);
      expect(res.body.results[0]).toMatchObject({ status: 'Upload Failed', errors: [{ message: 'This assignment has a change dated 2025-01-01, after the session effective date 2023-06-01. Prepare a workbook on or after 2025-01-01 to edit it.' }] });
      expect(await history('P10007')).toEqual(before);
    });

    it('when another user changed the row since download, then the upload is a Conflict and overwrites nothing', async () => {
      const row = await rowFor('P10005', '2026-01-01');
      await upload('2026-01-01', [{ rowId: 1, op: 'update', key: row.key, version: row.version, values: { benefitsGroup: 'Interns' } }]).expect(200);
      const stale = await upload('2026-01-01', [{ rowId: 2, op: 'update', key: row.key, version: row.version, values: { benefitsGroup: 'Retirees' } }]).expect(200);
      expect(stale.body.results[0]).toMatchObject({ status: 'Conflict', errors: [{ message: expect.stringContaining('Someone else changed this row') }] });
      expect((await rowFor('P10005', '2026-01-01')).values.benefitsGroup).toBe('Interns');
    });

    it('when a row is deleted, then every effective-dated record of it is gone, and a second delete of it is a Conflict', async () => {
      const row = await rowFor('P10013', '2026-01-01');
      expect(await history('P10013')).toHaveLength(2);
      const res = await upload('2026-01-01', [{ rowId: 1, op: 'delete', key: row.key, version: row.version, values: {} }]).expect(200);
      expect(res.body.results[0].status).toBe('Deleted');
      expect(await history('P10013')).toEqual([]);
      const again = await upload('2026-01-01', [{ rowId: 1, op: 'delete', key: row.key, version: row.version, values: {} }]).expect(200);
      expect(again.body.results[0]).toMatchObject({ status: 'Conflict', errors: [{ message: expect.stringContaining('they deleted this assignment, so it no longer exists') }] });
    });

    it('when an update carries edits to non-editable columns, then they are ignored', async () => {
      const row = await rowFor('P10008', '2026-01-01');
      await upload('2026-01-01', [{ rowId: 1, op: 'update', key: row.key, version: row.version, values: { benefitsGroup: 'Interns', personNumber: 'P10009', personName: 'X', startDate: '1999-01-01' } }]).expect(200);
      const after = await rowFor('P10008', '2026-01-01');
      expect(after.values).toMatchObject({ personNumber: 'P10008', benefitsGroup: 'Interns', startDate: '2026-01-01' });
    });

    it('when rows have bad input, then each fails with a message naming its column and the good row in the same chunk is saved', async () => {
      const existing = await rowFor('P10011', '2026-01-01');
      const res = await upload('2026-01-01', [
        { rowId: 1, op: 'insert', values: { personNumber: 'P99999', benefitsGroup: 'Interns' } },
        { rowId: 2, op: 'insert', values: { personNumber: 'P10020', benefitsGroup: 'Gold Plated' } },
        { rowId: 3, op: 'insert', values: { personNumber: 'P10020', benefitsGroup: 'Legacy Contractors' } },
        { rowId: 4, op: 'insert', values: { personNumber: '', benefitsGroup: '' } },
        { rowId: 5, op: 'update', key: 'no-such-key', version: 1, values: { benefitsGroup: 'Interns' } },
        { rowId: 6, op: 'insert', values: { personNumber: 'P10011', benefitsGroup: 'Interns' } },
        { rowId: 7, op: 'update', key: existing.key, version: existing.version, values: { benefitsGroup: null } },
        { rowId: 8, op: 'insert', values: { personNumber: 'P10030', benefitsGroup: 'Retirees' } },
      ]).expect(200);
      const byRow = Object.fromEntries(res.body.results.map((r: { rowId: number }) => [r.rowId, r]));
      expect(byRow[1].errors).toEqual([{ column: 'personNumber', message: 'There is no person with number "P99999".' }]);
      expect(byRow[2].errors).toEqual([{ column: 'benefitsGroup', message: expect.stringContaining('no benefits group named "Gold Plated"') }]);
      expect(byRow[3].errors).toEqual([{ column: 'benefitsGroup', message: expect.stringContaining('not in effect on 2026-01-01 (it ended on 2021-12-31)') }]);
      expect(byRow[4].errors.map((e: { column: string }) => e.column).sort()).toEqual(['benefitsGroup', 'personNumber']);
      expect(byRow[5]).toMatchObject({ status: 'Conflict', errors: [{ message: expect.stringContaining('no longer exists') }] });
      expect(byRow[6].errors).toEqual([{ column: 'personNumber', message: expect.stringMatching(/^P10011 already has .+ from \d{4}-\d{2}-\d{2}; change that record instead\.$/) }]);
      expect(byRow[7].errors).toEqual([{ column: 'benefitsGroup', message: expect.stringContaining('required') }]);
      expect(byRow[8]).toMatchObject({ status: 'Inserted', values: { personNumber: 'P10030', benefitsGroup: 'Retirees', startDate: '2026-01-01', endDate: '4712-12-31' } });
      expect(res.body.results.filter((r: { status: string }) => r.status === 'Upload Failed')).toHaveLength(6);
      expect(await history('P10020')).toEqual([]);
    });

    it('when the same chunk is sent twice with one idempotency key, then it is applied once and both answers are the same', async () => {
      const key = randomUUID();
      const rows: UploadRow[] = [{ rowId: 3, op: 'insert', values: { personNumber: 'P10020', benefitsGroup: 'Interns' } }];
      const first = await upload('2026-01-01', rows, key).expect(200);
      const second = await upload('2026-01-01', rows, key).expect(200);
      expect(second.body).toEqual(first.body);
      expect(await history('P10020')).toHaveLength(1);
    });

    it('when two requests with one idempotency key arrive together, then only one applies', async () => {
      const key = randomUUID();
      const row = await rowFor('P10014', '2026-01-01');
      const rows: UploadRow[] = [{ rowId: 1, op: 'update', key: row.key, version: row.version, values: { benefitsGroup: 'Retirees' } }];
      const [a, b] = await Promise.all([upload('2026-02-01', rows, key), upload('2026-02-01', rows, key)]);
      expect(a.status).toBe(200);
      expect(b.body).toEqual(a.body);
      expect(a.body.results[0].status).toBe('Updated');
      expect(await history('P10014')).toHaveLength(2);
    });

    it('when two uploads with different keys add a group for the same person at once, then only one is inserted', async () => {
      const insert = (rowId: number) => upload('2026-01-01', [{ rowId, op: 'insert', values: { personNumber: 'P10010', benefitsGroup: 'Interns' } }]);
      const [a, b] = await Promise.all([insert(1), insert(2)]);
      expect([a.body.results[0].status, b.body.results[0].status].sort()).toEqual(['Inserted', 'Upload Failed']);
      expect(await history('P10010')).toHaveLength(1);
    });

    it('when the app is created again on the same database, then tokens issued before still work', async () => {
      const again = await createApp({ database });
      await request(again).get('/api/workbooks').set(auth).expect(200);
    });

    it('when the body is not a valid upload, then the answer is 400 or 413 with a message, never 500', async () => {
      await request(app).post(`/api/workbooks/${KIND}/uploads`).set(auth).set('Content-Type', 'application/json').send('{"rows": [').expect(400);
      await upload('2026-01-01', []).expect(400);
      // Longer than Excel's 32,767 characters cannot come from a sheet: the request is refused (up to it, the row fails alone).
      const long = await upload('2026-01-01', [{ rowId: 1, op: 'insert', values: { personNumber: 'x'.repeat(40000) } }]).expect(400);
      expect(long.body.error.message).toMatch(/rows\.0\.values/);
      await request(app).post(`/api/workbooks/${KIND}/uploads`).set(auth).send({ idempotencyKey: 'nope', effectiveDate: '2026-01-01', rows: [{ rowId: 1, op: 'insert' }] }).expect(400);
      const huge = JSON.stringify({ idempotencyKey: randomUUID(), effectiveDate: '2026-01-01', rows: [], pad: 'x'.repeat(11 * 1024 * 1024) });
      const res = await request(app).post(`/api/workbooks/${KIND}/uploads`).set(auth).set('Content-Type', 'application/json').send(huge).expect(413);
      expect(res.body.error.message).toContain('too large');
    });

    it('when a date is a real date but outside what the database keeps, then the answer is 400, not 500', async () => {
      for (const effectiveDate of ['0000-01-01', '9999-12-31']) {
        const res = await request(app).get(`/api/workbooks/${KIND}/rows`).query({ effectiveDate }).set(auth).expect(400);
        expect(res.body.error.issues[0]).toEqual({ path: 'effectiveDate', message: 'Use a date from 1800-01-01 to 4712-12-31' });
        await upload(effectiveDate, [{ rowId: 1, op: 'insert', values: { personNumber: 'P10020', benefitsGroup: 'Interns' } }]).expect(400);
      }
    });

    it('when an idempotency key is reused for another workbook, then the answer is 409 and nothing is applied', async () => {
      const habits = async () => (await sql<{ n: number }>`select count(*)::int as n from person_habits`.execute(database.db)).rows[0].n;
      const before = await habits();
      const key = randomUUID();
      await upload('2026-01-01', [{ rowId: 1, op: 'insert', values: { personNumber: 'P10029', benefitsGroup: 'Interns' } }], key).expect(200);
      const res = await request(app)
        .post('/api/workbooks/person-habits/uploads')
        .set(auth)
        .send({ idempotencyKey: key, effectiveDate: '2026-01-01', rows: [{ rowId: 1, op: 'insert', values: { personNumber: 'P10030', personType: 'Participant' } }] })
        .expect(409);
      expect(res.body.error).toEqual({ code: 'conflict', message: expect.stringContaining('already used for another upload') });
      expect(await habits()).toBe(before);
    });

    it('when two records of one key would overlap in time, then the database refuses them', async () => {
      const [record] = (await sql<{ key: string; person_id: number; benefit_group_id: number }>`select key, person_id, benefit_group_id from person_benefit_groups limit 1`.execute(database.db)).rows;
      await expect(
        sql`insert into person_benefit_groups (key, effective_start_date, effective_end_date, version, person_id, benefit_group_id)
            values (${record.key}, '1990-01-01', '4712-12-31', 9, ${record.person_id}, ${record.benefit_group_id})`.execute(database.db),
      ).rejects.toThrow(/no_overlap/);
    });

    it('when a record names a person or group that does not exist, or a referenced person or group is deleted, then the database refuses it', async () => {
      const [record] = (await sql<{ key: string; person_id: number; benefit_group_id: number }>`select key, person_id, benefit_group_id from person_benefit_groups limit 1`.execute(database.db)).rows;
      const insert = (personId: number, groupId: number) => sql`insert into person_benefit_groups (key, effective_start_date, effective_end_date, version, person_id, benefit_group_id)
        values (${randomUUID()}, '2026-01-01', '4712-12-31', 1, ${personId}, ${groupId})`.execute(database.db);
      await expect(insert(999999, record.benefit_group_id)).rejects.toThrow(/person_benefit_groups_person_id_fkey/);
      await expect(insert(record.person_id, 999999)).rejects.toThrow(/person_benefit_groups_benefit_group_id_fkey/);
      await expect(sql`update person_benefit_groups set benefit_group_id = 999999 where key = ${record.key}`.execute(database.db)).rejects.toThrow(/benefit_group_id_fkey/);
      await expect(sql`insert into person_habits (key, effective_start_date, effective_end_date, version, person_id) values ('x', '2026-01-01', '4712-12-31', 1, 999999)`.execute(database.db))
        .rejects.toThrow(/person_habits_person_id_fkey/);
      await expect(sql`delete from benefit_groups where id = ${record.benefit_group_id}`.execute(database.db)).rejects.toThrow(/person_benefit_groups_benefit_group_id_fkey/);
      // A person named only by a group record: deleting them, or changing their id, is refused by that record alone.
      const [{ id }] = (await sql<{ id: number }>`insert into persons (person_number, first_name, last_name, date_of_birth, person_type)
        values ('PFK1', 'Ref', 'Check', '1980-01-01', 'Employee') returning id`.execute(database.db)).rows;
      await insert(id, record.benefit_group_id);
      await expect(sql`delete from persons where id = ${id}`.execute(database.db)).rejects.toThrow(/person_benefit_groups_person_id_fkey/);
      await expect(sql`update persons set id = 999999 where id = ${id}`.execute(database.db)).rejects.toThrow(/person_benefit_groups_person_id_fkey/);
      await sql`update persons set first_name = 'Still' where id = ${id}`.execute(database.db);
      // A group no record names can still go.
      await sql`insert into benefit_groups (name, start_date) values ('Unused group', '2026-01-01')`.execute(database.db);
      await sql`delete from benefit_groups where name = 'Unused group'`.execute(database.db);
    });
  });
});
