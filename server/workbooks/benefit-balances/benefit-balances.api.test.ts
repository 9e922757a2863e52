/** Person Benefit Balances over HTTP, on PGlite and, when reachable, PostgreSQL. */
import { sql } from 'kysely';
import { createHarness, type Harness } from '../../test-support/api-harness';
import { dialects } from '../../test-support/databases';

jest.setTimeout(60000);
const KIND = 'person-benefit-balances';

describe.each(dialects)('Person Benefit Balances on %s', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness(dialect);
  });
  afterAll(() => h.close());

  const flex = (person: string, date: string) => h.rowFor(KIND, date, (v) => v.personNumber === person && v.balanceName === 'Flex Credits');
  const history = async (key: string) =>
    (await sql<{ start: string; end: string; value: string }>`select effective_start_date as start, effective_end_date as "end", value::text as value from person_benefit_balances where key = ${key} order by 1`.execute(h.database.db)).rows;

  it('when balances are downloaded, then they come with the balance and relationship lists of the date', async () => {
    const res = await h.rowsOn(KIND, '2026-01-01');
    expect(res.length).toBeGreaterThan(10);
    expect((await flex('P10002', '2026-01-01')).values).toMatchObject({ value: 601, primaryAssignment: 'E10002-1', benefitsRelationship: null });
  });

  it('when a new balance names both a primary assignment and a relationship, or neither, then the row fails and names both columns', async () => {
    const [both, neither] = await h.upload(KIND, '2026-01-01', [
      { rowId: 1, op: 'insert', values: { personNumber: 'P10002', balanceName: 'Vacation Buy Hours', value: 40, primaryAssignment: 'E10002-1', benefitsRelationship: 'Default' } },
      { rowId: 2, op: 'insert', values: { personNumber: 'P10002', balanceName: 'Vacation Buy Hours', value: 40, primaryAssignment: '', benefitsRelationship: null } },
    ]);
    expect(both.status).toBe('Upload Failed');
    expect(both.errors.map((e) => e.column)).toEqual(['primaryAssignment', 'benefitsRelationship']);
    expect(both.errors[0].message).toContain('not both');
    expect(neither.errors.map((e) => e.column)).toEqual(['primaryAssignment', 'benefitsRelationship']);
    expect(neither.errors[0].message).toContain('one of them is required');
  });

  it('when the assignment or relationship is not the person’s or not in effect, then the row fails on that column', async () => {
    const results = await h.upload(KIND, '2026-01-01', [
      { rowId: 1, op: 'insert', values: { personNumber: 'P10002', balanceName: 'Vacation Buy Hours', value: 40, primaryAssignment: 'E10003-1' } },
      { rowId: 2, op: 'insert', values: { personNumber: 'P10001', balanceName: 'Vacation Buy Hours', value: 40, benefitsRelationship: 'Union' } },
      { rowId: 3, op: 'insert', values: { personNumber: 'P10001', balanceName: 'HSA Employer Seed', value: 40, primaryAssignment: 'E10001-1' } },
      { rowId: 4, op: 'insert', values: { personNumber: 'P10002', balanceName: 'Legacy Points', value: 40, benefitsRelationship: 'Default' } },
    ]);
    expect(results.map((r) => r.errors[0])).toEqual([
      { column: 'primaryAssignment', message: '"E10003-1" is not one of this person\'s assignments.' },
      { column: 'benefitsRelationship', message: expect.stringContaining('"Union" relationship of this person is not in effect on 2026-01-01') },
      { column: 'primaryAssignment', message: 'The assignment E10001-1 is not in effect on 2026-01-01.' },
      { column: 'balanceName', message: expect.stringContaining('"Legacy Points" is not in effect') },
    ]);
  });

  it('when the value is text, blank or out of range, then the row fails with a plain message on Value', async () => {
    const base = { personNumber: 'P10002', balanceName: 'Vacation Buy Hours', benefitsRelationship: 'Default' };
    const results = await h.upload(KIND, '2026-01-01', [
      { rowId: 1, op: 'insert', values: { ...base, value: 'lots' } },
      { rowId: 2, op: 'insert', values: { ...base, value: null } },
      { rowId: 3, op: 'insert', values: { ...base, value: -5 } },
      { rowId: 4, op: 'insert', values: { ...base, value: 1e12 } },
    ]);
    expect(results.map((r) => [r.errors[0].column, r.errors[0].message])).toEqual([
      ['value', 'Value must be a number; "lots" is not one.'],
      ['value', 'Value is required. Enter a number.'],
      ['value', expect.stringContaining('-5 is out of range')],
      ['value', expect.stringContaining('out of range')],
    ]);
  });

  it('when a valid new balance is uploaded, then it is inserted from the session date, and a second one for the same balance fails', async () => {
    const [ok] = await h.upload(KIND, '2026-01-01', [{ rowId: 1, op: 'insert', values: { personNumber: 'P10002', balanceName: 'Vacation Buy Hours', value: 40, benefitsRelationship: 'default' } }]);
    expect(ok).toMatchObject({ status: 'Inserted', values: { value: 40, benefitsRelationship: 'Default', startDate: '2026-01-01' } });
    const [again] = await h.upload(KIND, '2026-01-01', [{ rowId: 1, op: 'insert', values: { personNumber: 'P10002', balanceName: 'Vacation Buy Hours', value: 41, benefitsRelationship: 'Default' } }]);
    expect(again.errors[0]).toEqual({ column: 'balanceName', message: expect.stringContaining('already has a Vacation Buy Hours balance') });
  });

  it('when a value is edited as of a later date, then the prior record is end-dated and kept; non-editable edits are ignored', async () => {
    const row = await flex('P10002', '2026-01-01');
    const [res] = await h.upload(KIND, '2026-01-01', [
      { rowId: 1, op: 'update', key: row.key, version: row.version, values: { value: 900, primaryAssignment: 'E10002-1', benefitsRelationship: null, balanceName: 'Wellness Points', personNumber: 'P10004' } },
    ]);
    expect(res).toMatchObject({ status: 'Updated', values: { personNumber: 'P10002', balanceName: 'Flex Credits', value: 900 } });
    expect(await history(row.key)).toEqual([
      { start: '2023-01-01', end: '2025-12-31', value: '601' },
      { start: '2026-01-01', end: '4712-12-31', value: '900' },
    ]);
  });

  it('when an edit moves a balance from its assignment to a relationship, then it is saved; an edit naming both fails', async () => {
    const row = await flex('P10006', '2026-01-01');
    const [both] = await h.upload(KIND, '2026-01-01', [{ rowId: 1, op: 'update', key: row.key, version: row.version, values: { value: 1, primaryAssignment: 'E10006-1', benefitsRelationship: 'Default' } }]);
    expect(both.errors.map((e) => e.column)).toEqual(['primaryAssignment', 'benefitsRelationship']);
    const [moved] = await h.upload(KIND, '2026-01-01', [{ rowId: 1, op: 'update', key: row.key, version: row.version, values: { value: 1, primaryAssignment: '', benefitsRelationship: 'Default' } }]);
    expect(moved).toMatchObject({ status: 'Updated', values: { primaryAssignment: null, benefitsRelationship: 'Default' } });
  });

  it('when the session date is the record start, then it is corrected in place; before a later change, the row fails; delete removes all history', async () => {
    const row = await flex('P10001', '2025-01-01');
    const [future] = await h.upload(KIND, '2024-06-01', [{ rowId: 1, op: 'update', key: row.key, version: row.version, values: { value: 1, primaryAssignment: 'E10001-2' } }]);
    expect(future.errors[0].message).toContain('change dated 2025-01-01, after the session effective date 2024-06-01');
    const [corrected] = await h.upload(KIND, '2025-01-01', [{ rowId: 1, op: 'update', key: row.key, version: row.version, values: { value: 800, primaryAssignment: 'E10001-2' } }]);
    expect(corrected.status).toBe('Updated');
    expect(await history(row.key)).toEqual([
      { start: '2023-01-01', end: '2024-12-31', value: '500' },
      { start: '2025-01-01', end: '4712-12-31', value: '800' },
    ]);
    const [deleted] = await h.upload(KIND, '2025-01-01', [{ rowId: 1, op: 'delete', key: row.key, version: row.version + 1, values: {} }]);
    expect(deleted.status).toBe('Deleted');
    expect(await history(row.key)).toEqual([]);
  });
});
