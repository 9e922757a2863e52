/**
 * Check (POST /api/workbooks/{kind}/check): a dry run of an upload, over HTTP on PGlite and PostgreSQL. It predicts
 * exactly what an upload answers, writes nothing and claims no idempotency key; names typed almost right get a
 * "Did you mean" suggestion (pg_trgm).
 */
import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { UploadRow } from '../../src/contract/api';
import { createHarness, type Harness } from '../test-support/api-harness';
import { dialects } from '../test-support/databases';

jest.setTimeout(120000);
const GROUPS = 'person-benefit-groups';
const DATE = '2026-03-01';

describe.each(dialects)('Check on %s', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness(dialect);
  });
  afterAll(() => h.close());

  const check = async (kind: string, body: object) => (await h.post(`/api/workbooks/${kind}/check`, body).expect(200)).body.results as Array<{ rowId: number; status: string; errors: Array<{ column?: string; message: string; suggestion?: { column: string; value: string } }>; processingErrors?: Array<{ column?: string; message: string }> }>;
  const stored = async () => (await sql<{ n: number }>`select (select count(*) from person_benefit_groups) + (select count(*) from upload_requests) as n`.execute(h.database.db)).rows[0].n;

  it('when changed rows are checked, then each gets the status an upload would give and nothing is written', async () => {
    const before = await stored();
    const row = await h.rowFor(GROUPS, DATE, (v) => v.personNumber === 'P10005');
    const results = await check(GROUPS, {
      effectiveDate: DATE,
      rows: [
        { rowId: 1, op: 'update', key: row.key, version: row.version, values: { ...row.values, benefitsGroup: 'Interns' } },
        { rowId: 2, op: 'update', key: row.key, version: row.version + 5, values: { ...row.values, benefitsGroup: 'Interns' } },
        { rowId: 3, op: 'insert', values: { personNumber: 'P99999', benefitsGroup: 'Interns' } },
      ],
    });
    expect(results.map((r) => r.status)).toEqual(['Updated', 'Upload Failed', 'Upload Failed']);
    expect(await stored()).toBe(before);
    expect((await h.rowFor(GROUPS, DATE, (v) => v.personNumber === 'P10005')).version).toBe(row.version);
  });

  it('when a group name is close to a valid one, then the error says "Did you mean" and carries the suggestion for the column', async () => {
    const results = await check(GROUPS, { effectiveDate: DATE, rows: [{ rowId: 4, op: 'insert', values: { personNumber: 'P10006', benefitsGroup: 'Retiree' } }] });
    expect(results[0].errors).toEqual([
      { column: 'benefitsGroup', message: 'There is no benefits group named "Retiree". Pick a group from the list. Did you mean "Retirees"?', suggestion: { column: 'benefitsGroup', value: 'Retirees' } },
    ]);
    // The upload says the same.
    expect((await h.upload(GROUPS, DATE, [{ rowId: 4, op: 'insert', values: { personNumber: 'P10006', benefitsGroup: 'xyzzy' } }]))[0].errors[0]).not.toHaveProperty('suggestion');
  });

  it('when a Habits row names a person with a misspelt last name, then the error suggests the person born that day and the last name for the cell', async () => {
    const { rows } = await sql<{ first_name: string; last_name: string; dob: string }>`select first_name, last_name, to_char(date_of_birth, 'YYYY-MM-DD') as dob from persons where person_number = 'P10014'`.execute(h.database.db);
    const p = rows[0];
    const typo = `${p.last_name.slice(0, -1)}x`;
    const [res] = await check('person-habits', { effectiveDate: DATE, rows: [{ rowId: 1, op: 'insert', values: { firstName: p.first_name, lastName: typo, dateOfBirth: p.dob, personType: 'Participant' } }] });
    expect(res.errors).toContainEqual({
      column: 'lastName',
      message: `No person is named ${p.first_name} ${typo} with date of birth ${p.dob}. Check the spelling and the date, or enter the Person Number. Did you mean "${p.first_name} ${p.last_name}"?`,
      suggestion: { column: 'lastName', value: p.last_name },
    });
  });

  it('for random chunks, Check predicts exactly the statuses and errors the upload then gives', async () => {
    const persons = ['P10010', 'P10011', 'P10012', 'P10013'];
    const groups = ['Executives', 'Interns', 'Retirees', 'Retiree', 'Nobody'];
    const rowArb = fc.record({ op: fc.constantFrom('insert', 'update', 'delete'), person: fc.constantFrom(...persons), group: fc.constantFrom(...groups), staleVersion: fc.boolean() });
    await fc.assert(
      fc.asyncProperty(fc.array(rowArb, { minLength: 1, maxLength: 6 }), async (specs) => {
        const current = await h.rowsOn(GROUPS, DATE);
        const rows: UploadRow[] = specs.map((s, rowId): UploadRow => {
          const existing = current.find((r) => r.values.personNumber === s.person);
          if (s.op === 'insert' || !existing) return { rowId, op: 'insert', values: { personNumber: s.person, benefitsGroup: s.group } };
          return { rowId, op: s.op, key: existing.key, version: existing.version + (s.staleVersion ? 1 : 0), values: { ...existing.values, benefitsGroup: s.group } };
        });
        const predicted = await check(GROUPS, { effectiveDate: DATE, rows });
        const uploaded = await h.upload(GROUPS, DATE, rows);
        expect(predicted).toEqual(uploaded.map(({ rowId, status, errors }) => ({ rowId, status, errors })));
      }),
      { numRuns: 12 },
    );
  });

  it('when a check is sent with an idempotency key, then the key is not claimed (an upload with it still applies)', async () => {
    const idempotencyKey = randomUUID();
    const rows = [{ rowId: 1, op: 'insert', values: { personNumber: 'P10020', benefitsGroup: 'Interns' } }];
    await h.post(`/api/workbooks/${GROUPS}/check`, { idempotencyKey, effectiveDate: DATE, rows }).expect(200);
    const upload = await h.post(`/api/workbooks/${GROUPS}/uploads`, { idempotencyKey, effectiveDate: DATE, rows }).expect(200);
    expect(upload.body.results[0].status).toBe('Inserted');
  });

  it('when a read-only workbook is checked, then the answer is 405 like an upload', async () => {
    await h.post('/api/workbooks/enrollment-results/check', { effectiveDate: DATE, rows: [{ rowId: 1, op: 'insert', values: {} }] }).expect(405);
  });
});
