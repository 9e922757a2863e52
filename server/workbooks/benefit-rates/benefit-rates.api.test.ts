/** Benefit Rates over HTTP, on PGlite and, when reachable, PostgreSQL. */
import { sql } from 'kysely';
import { createHarness, type Harness } from '../../test-support/api-harness';
import { dialects } from '../../test-support/databases';
import { addUser, signInAs } from '../../test-support/users';

jest.setTimeout(120000);
const KIND = 'benefit-rates';

describe.each(dialects)('Benefit Rates on %s', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness(dialect);
  });
  afterAll(() => h.close());

  const line = (date: string, rateId: number) => h.rowFor(KIND, date, (v) => v.rateId === rateId);
  const history = async (rateId: number) =>
    (await sql<{ start: string; end: string; total: string }>`select effective_start_date as start, effective_end_date as "end", total_cost as total from benefit_rate_lines where rate_id = ${rateId} order by 1`.execute(h.database.db)).rows;

  it('when rate lines are downloaded, then each shows its benefit, coverage type and the rates in effect on the date', async () => {
    expect((await line('2026-06-01', 7)).values).toMatchObject({ benefitId: 5, benefitCategory: 'Health', provider: 'BLUE SHIELD-20%', coverageType: 'Individual', allocation: 'Dollar', totalCost: 3000, employeePortion: 600, employerPortion: 2400 });
    expect((await line('2027-01-01', 7)).values).toMatchObject({ totalCost: 3500, employeePortion: 800, employerPortion: 2700, startDate: '2027-01-01' });
    expect((await line('2026-06-01', 10)).values).toMatchObject({ allocation: 'Percent', totalCost: 7000, employeePortion: 10, employerPortion: 90 });
  });

  it('when a rate is changed on a session date, then the prior rates are end-dated the day before and the Benefit Rate ID stays', async () => {
    const row = await line('2026-07-01', 8);
    const [res] = await h.upload(KIND, '2026-07-01', [{ rowId: 1, op: 'update', key: row.key, version: row.version, values: { ...row.values, totalCost: 11000, employeePortion: 2200, employerPortion: 8800 } }]);
    expect(res).toMatchObject({ status: 'Updated', values: { rateId: 8, totalCost: 11000, startDate: '2026-07-01' } });
    expect(await history(8)).toEqual([{ start: '2020-01-01', end: '2026-06-30', total: '10000' }, { start: '2026-07-01', end: '4712-12-31', total: '11000' }]);
  });

  it('when the portions do not add up (Dollar: to the total; Percent: to 100), then the row fails on both portion columns', async () => {
    const dollar = await line('2026-06-01', 1);
    const percent = await line('2026-06-01', 9);
    const [d, p, ok] = await h.upload(KIND, '2026-06-01', [
      { rowId: 1, op: 'update', key: dollar.key, version: dollar.version, values: { ...dollar.values, employeePortion: 40 } },
      { rowId: 2, op: 'update', key: percent.key, version: percent.version, values: { ...percent.values, employeePortion: 20, employerPortion: 70 } },
      { rowId: 3, op: 'update', key: percent.key + 'x', version: 1, values: {} },
    ]);
    expect(d.errors).toEqual([
      { column: 'employeePortion', message: 'On a Dollar line Employee Portion + Employer Portion must equal Total Cost: 40.00 + 270.00 = 310.00, not 300.00. Change one of the three.' },
      { column: 'employerPortion', message: expect.stringContaining('must equal Total Cost') },
    ]);
    expect(p.errors).toEqual([
      { column: 'employeePortion', message: 'On a Percent line Employee Portion and Employer Portion are percentages of Total Cost and must add up to 100: 20 + 70 = 90.' },
      { column: 'employerPortion', message: expect.stringContaining('add up to 100') },
    ]);
    expect(ok.status).toBe('Conflict');
  });

  it('when a percentage is over 100, an allocation is unknown or a cost is not a number, then the row names the column and what was typed', async () => {
    const row = await line('2026-06-01', 9);
    const other = await line('2026-06-01', 2);
    const [over, unknown, nan] = await h.upload(KIND, '2026-06-01', [
      { rowId: 1, op: 'update', key: row.key, version: row.version, values: { ...row.values, employeePortion: 150, employerPortion: -50 } },
      { rowId: 2, op: 'update', key: other.key, version: other.version, values: { ...other.values, allocation: 'Pounds' } },
      { rowId: 3, op: 'insert', values: { benefitId: 7, coverageType: 'Family', allocation: 'Dollar', totalCost: 'lots', employeePortion: 1, employerPortion: 1 } },
    ]);
    expect(over.errors.map((e) => e.column)).toEqual(['employeePortion', 'employerPortion']);
    expect(over.errors[0].message).toContain('Employee Portion must be between 0 and 100; 150 is out of range.');
    expect(unknown.errors[0]).toMatchObject({ column: 'allocation', message: 'Percent/Dollar: "Pounds" is not one of the choices (Dollar, Percent). Pick one from the list.' });
    expect(nan.errors).toEqual([{ column: 'totalCost', message: 'Total Cost must be a number; "lots" is not one.' }]);
  });

  it('when a new line is entered, then the server assigns its Benefit Rate ID; a second line of the same benefit and coverage type fails', async () => {
    const [added, unknownBenefit] = await h.upload(KIND, '2026-06-01', [
      { rowId: 1, op: 'insert', values: { benefitId: 7, coverageType: 'family', allocation: 'percent', totalCost: 12000, employeePortion: 25, employerPortion: 75 } },
      { rowId: 2, op: 'insert', values: { benefitId: 999, coverageType: 'Nope', allocation: 'Dollar', totalCost: 1, employeePortion: 0, employerPortion: 1 } },
    ]);
    expect(added).toMatchObject({ status: 'Inserted', values: { benefitId: 7, provider: 'CDPHP-NO CONTRIB', coverageType: 'Family', allocation: 'Percent', rateId: expect.any(Number) } });
    expect(Number(added.values?.rateId)).toBeGreaterThan(13);
    expect(unknownBenefit.errors).toEqual([
      { column: 'benefitId', message: 'There is no benefit with Benefit ID "999". Enter an ID from the Benefits workbook.' },
      { column: 'coverageType', message: 'There is no benefit coverage type with code "Nope". Pick one from the list.' },
    ]);
    const [second] = await h.upload(KIND, '2026-08-01', [{ rowId: 4, op: 'insert', values: { benefitId: 7, coverageType: 'Family', allocation: 'Dollar', totalCost: 5, employeePortion: 0, employerPortion: 5 } }]);
    expect(second.errors).toEqual([{ column: 'coverageType', message: `Benefit 7 (Health CDPHP-NO CONTRIB) already has a Family rate line (Benefit Rate ID ${added.values?.rateId}) from 2026-06-01; change that record instead.` }]);
  });

  it('when a rate is changed, then the change history records who changed which column, old and new', async () => {
    const rows = (await sql<{ column_name: string; old_value: string; new_value: string }>`select column_name, old_value, new_value from change_history where kind = ${KIND} and action = 'update' order by id`.execute(h.database.db)).rows;
    expect(rows).toEqual(expect.arrayContaining([expect.objectContaining({ column_name: 'Total Cost', old_value: '10000', new_value: '11000' })]));
  });

  it('when a user may see only some benefits groups, then they still see every rate line (setup holds no person\'s data)', async () => {
    await addUser(h.database.db, 'rates-executives', 'viewer', { dataAccess: 'Executives' });
    const auth = await signInAs(h.app, 'rates-executives');
    const mine = (await h.get(`/api/workbooks/${KIND}/rows`, { effectiveDate: '2026-06-01', limit: 1000 }).set(auth).expect(200)).body.rows;
    expect(mine.length).toBe((await h.rowsOn(KIND, '2026-06-01')).length);
  });
});
