/** Every bad value a user can type or paste fails its own row, never the request: every kind, both databases. */
import { randomUUID } from 'node:crypto';
import { createHarness, type Harness } from '../test-support/api-harness';
import { dialects } from '../test-support/databases';
import { batchClient, enrollment } from '../workbooks/enrollment-batches/test-batches';

jest.setTimeout(60000);
const DATE = '2026-01-01';
type Result = { rowId: number; status: string; errors: Array<{ column?: string; message: string }> };
const firstError = (r: Result) => [r.status, r.errors[0]?.column, r.errors[0]?.message];

describe.each(dialects)('Bad values in an upload on %s', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness(dialect);
  });
  afterAll(() => h.close());

  /** Posts a chunk and expects 200 (not 500) whatever is in it. */
  const send = async (kind: string, rows: object[]): Promise<Result[]> =>
    (await h.post(`/api/workbooks/${kind}/uploads`, { idempotencyKey: randomUUID(), effectiveDate: DATE, rows }).expect(200)).body.results;

  it('when a habits row has an impossible Date of Birth, then only that row fails, naming the column and what was typed', async () => {
    const bad = ['2026-13-01', '0000-00-00', '2031-02-32'].map((dateOfBirth, i) => ({ rowId: i, op: 'insert', values: { firstName: 'Ann', lastName: 'Lee', dateOfBirth, personType: 'Participant' } }));
    const results = await send('person-habits', [...bad, { rowId: 9, op: 'insert', values: { personNumber: 'P10007', personType: 'Participant', tobaccoUse: 'non-tobacco user' } }]);
    expect(results.map(firstError)).toEqual([
      ['Upload Failed', 'dateOfBirth', expect.stringContaining('Date of Birth: "2026-13-01" is not a date we can read')],
      ['Upload Failed', 'dateOfBirth', expect.stringContaining('"0000-00-00"')],
      ['Upload Failed', 'dateOfBirth', expect.stringContaining('"2031-02-32"')],
      ['Inserted', undefined, undefined],
    ]);
  });

  it('when batch lines have impossible dates in any date column, then only those lines fail, each naming its column', async () => {
    const b = batchClient(h);
    const columns = ['effectiveDate', 'lifeEventOccurredDate', 'originalEnrollmentDate', 'closeLifeEventDate', 'dateOfBirth'];
    const lines = [...columns.map((column, i) => enrollment('P10001', { [column]: ['2026-13-01', '0000-00-00', '2031-02-32'][i % 3] })), enrollment('P10002')];
    const results = await b.insert('Impossible dates', lines);
    expect(results.map((r) => r.status)).toEqual([...columns.map(() => 'Upload Failed'), 'Inserted']);
    results.slice(0, columns.length).forEach((r, i) => expect(r.errors).toContainEqual({ column: columns[i], message: expect.stringContaining(`"${lines[i][columns[i]]}" is not a date we can read`) }));
    expect((await b.lines('Impossible dates')).map((l) => l.values.personNumber)).toEqual(['P10002']);
  });

  it('when a benefit group row has an impossible date in a read-only date column, then the value is ignored and the row is saved', async () => {
    const row = await h.rowFor('person-benefit-groups', DATE, (v) => v.personNumber === 'P10002');
    const [res] = await send('person-benefit-groups', [{ rowId: 1, op: 'update', key: row.key, version: row.version, values: { benefitsGroup: 'Retirees', startDate: '2026-13-01', endDate: '0000-00-00' } }]);
    expect(res.status).toBe('Updated');
  });

  it('when any text cell of any kind holds a NUL or a lone surrogate, then only that row fails, naming the column and showing what was typed', async () => {
    const group = await h.rowFor('person-benefit-groups', DATE, (v) => v.personNumber === 'P10003');
    const groups = await send('person-benefit-groups', [
      { rowId: 1, op: 'insert', values: { personNumber: 'P10\u00000', benefitsGroup: 'Retirees' } },
      { rowId: 2, op: 'update', key: group.key, version: group.version, values: { benefitsGroup: 'Retirees\ud800' } },
      { rowId: 3, op: 'insert', values: { personNumber: 'P10010', benefitsGroup: 'Interns' } },
    ]);
    expect(groups.map(firstError)).toEqual([
      ['Upload Failed', 'personNumber', expect.stringContaining('Person Number: "P10[U+0000]0" contains a control character')],
      ['Upload Failed', 'benefitsGroup', expect.stringContaining('Benefits Group: "Retirees[U+D800]" contains a broken character')],
      ['Inserted', undefined, undefined],
    ]);
    const balances = await send('person-benefit-balances', [
      { rowId: 1, op: 'insert', values: { personNumber: 'P10002', balanceName: 'Vacation\u0000 Buy Hours', value: 4, benefitsRelationship: 'Default' } },
      { rowId: 2, op: 'insert', values: { personNumber: 'P10002', balanceName: 'Vacation Buy Hours', value: 4, benefitsRelationship: '\udc00Default' } },
      { rowId: 3, op: 'insert', values: { personNumber: 'P10002', balanceName: 'Vacation Buy Hours', value: 4, benefitsRelationship: 'Default' } },
    ]);
    expect(balances.map((r) => [r.status, r.errors[0]?.column])).toEqual([['Upload Failed', 'balanceName'], ['Upload Failed', 'benefitsRelationship'], ['Inserted', undefined]]);
    const habits = await send('person-habits', [
      { rowId: 1, op: 'insert', values: { firstName: 'A\u0000', lastName: 'B', dateOfBirth: '1990-01-01', personType: 'Participant' } },
      { rowId: 2, op: 'insert', values: { personNumber: 'P10014', personType: 'Participant', plan: 'Gold\ud800' } },
      { rowId: 3, op: 'insert', values: { personNumber: 'P10014', personType: 'Participant', plan: 'Gold' } },
    ]);
    expect(habits.map((r) => [r.status, r.errors[0]?.column])).toEqual([['Upload Failed', 'firstName'], ['Upload Failed', 'plan'], ['Inserted', undefined]]);
    const lines = await batchClient(h).insert('Control characters', [enrollment('P10003', { planName: 'Med\u0000ical' }), enrollment('P10003', { lifeEvent: '\ud800' }), enrollment('P10004')]);
    expect(lines.map((r) => [r.status, r.errors[0]?.column])).toEqual([['Upload Failed', 'planName'], ['Upload Failed', 'lifeEvent'], ['Inserted', undefined]]);
  });

  it('when a pasted text is longer than the server keeps (but fits in an Excel cell), then only that row fails', async () => {
    const results = await send('person-habits', [
      { rowId: 1, op: 'insert', values: { personNumber: 'P10021', personType: 'Participant', plan: 'z'.repeat(32767) } },
      { rowId: 2, op: 'insert', values: { personNumber: 'P10021', personType: 'Participant', plan: 'Gold' } },
    ]);
    expect(results.map(firstError)).toEqual([['Upload Failed', 'plan', expect.stringContaining('32,767 characters long')], ['Inserted', undefined, undefined]]);
  });

  it('when a row key holds a NUL, then that row fails and the rest of the chunk is saved', async () => {
    const results = await send('person-benefit-groups', [
      { rowId: 1, op: 'delete', key: 'pbg-\u0000', version: 1, values: {} },
      { rowId: 2, op: 'insert', values: { personNumber: 'P10020', benefitsGroup: 'Interns' } },
    ]);
    expect(results.map((r) => r.status)).toEqual(['Upload Failed', 'Inserted']);
  });

  it('when a number cell holds 1e308, -0, "1e400", "NaN" or "Infinity", then those rows fail on Value and -0 is saved as 0', async () => {
    const base = { personNumber: 'P10004', balanceName: 'Vacation Buy Hours', benefitsRelationship: 'Default' };
    const values = [1e308, '1e400', 'NaN', 'Infinity', '-Infinity', '9'.repeat(4000), -1e-300];
    const results = await send('person-benefit-balances', [...values.map((value, rowId) => ({ rowId, op: 'insert', values: { ...base, value } })), { rowId: 9, op: 'insert', values: { ...base, value: -0 } }]);
    expect(results.map((r) => [r.status, r.errors[0]?.column])).toEqual([...values.map(() => ['Upload Failed', 'value']), ['Inserted', undefined]]);
    expect(results[1].errors[0].message).toBe('Value must be a number; "1e400" is not one.');
    const lines = await batchClient(h).insert('Numbers', [enrollment('P10005', { rateAmount: 1e308 }), enrollment('P10005', { coverageAmount: 'Infinity' }), enrollment('P10006', { rateAmount: 5e-324 })]);
    expect(lines.map((r) => [r.status, r.errors[0]?.column])).toEqual([['Upload Failed', 'rateAmount'], ['Upload Failed', 'coverageAmount'], ['Inserted', undefined]]);
  });
});
