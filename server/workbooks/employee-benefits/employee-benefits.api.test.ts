/** Employee Benefits and their dependents over HTTP, on PGlite and, when reachable, PostgreSQL. */
import { sql } from 'kysely';
import { createHarness, type Harness } from '../../test-support/api-harness';
import { dialects } from '../../test-support/databases';
import { addUser, signInAs } from '../../test-support/users';

jest.setTimeout(120000);
const KIND = 'employee-benefits';
const DEPENDENTS = 'employee-benefit-dependents';

describe.each(dialects)('Employee Benefits on %s', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness(dialect);
  });
  afterAll(() => h.close());

  const benefitOf = (date: string, person: string, rateId: number) => h.rowFor(KIND, date, (v) => v.personNumber === person && v.rateId === rateId);

  it('when the demo is downloaded on the rate-change date, then the five scenarios\' records are there as seeded', async () => {
    const rows = await h.rowsOn(KIND, '2027-01-01');
    const on = (person: string) => rows.find((r) => r.values.personNumber === person && r.values.rateId === 7)?.values;
    expect(on('P10002')).toMatchObject({ provider: 'BLUE SHIELD-20%', benefitCategory: 'Health', coverageType: 'Individual', totalCost: 3000, startDate: '2021-03-01', endDate: '4712-12-31' });
    expect(on('P10003')).toMatchObject({ startDate: '2027-01-01' });
    expect(on('P10004')).toBeUndefined(); // ended 2026-11-30
    expect(on('P10007')).toBeUndefined(); // starts 2027-03-01
    expect(on('P10008')).toMatchObject({ endDate: '2027-03-31' });
    expect((await benefitOf('2027-03-01', 'P10007', 7)).values.startDate).toBe('2027-03-01');
  });

  it('when a new benefit names only the rate line, then provider, type, coverage, face value and costs default from it', async () => {
    const [dollar, percent] = await h.upload(KIND, '2026-02-01', [
      { rowId: 1, op: 'insert', values: { personNumber: 'P10014', assignment: 'E10014-1', rateId: 11 } },
      { rowId: 2, op: 'insert', values: { personNumber: 'P10014', assignment: 'E10014-1', rateId: 10, fundingSource: 'ARM' } },
    ]);
    expect(dollar).toMatchObject({ status: 'Inserted', values: { benefitCategory: 'Life', provider: 'MET LIFE', coverageType: 'Individual', allocation: 'Dollar', totalCost: 120, employeePortion: 0, employerPortion: 120, employeePercent: null, faceValue: 50000, startDate: '2026-02-01' } });
    expect(percent).toMatchObject({ status: 'Inserted', values: { allocation: 'Percent', totalCost: 7000, employeePercent: 10, employerPercent: 90, employeePortion: 700, employerPortion: 6300, fundingSource: 'ARM' } });
  });

  it('when a Dollar line\'s amounts are overridden, then they are kept if they add up, and fail on their columns if not or if percentages are given', async () => {
    const [ok, sum, pct] = await h.upload(KIND, '2026-02-01', [
      { rowId: 1, op: 'insert', values: { personNumber: 'P10018', assignment: 'E10018-1', rateId: 3, totalCost: 700, employeePortion: 100, employerPortion: 600 } },
      { rowId: 2, op: 'insert', values: { personNumber: 'P10019', assignment: 'E10019-1', rateId: 3, employeePortion: 100 } },
      { rowId: 3, op: 'insert', values: { personNumber: 'P10022', assignment: 'E10022-1', rateId: 3, employeePercent: 10 } },
    ]);
    expect(ok).toMatchObject({ status: 'Inserted', values: { totalCost: 700, employeePortion: 100, employerPortion: 600 } });
    expect(sum.errors[0]).toEqual({ column: 'employeePortion', message: 'On a Dollar line Employee Portion + Employer Portion must equal Total Cost: 100.00 + 585.00 = 685.00, not 650.00. Change one of the three.' });
    expect(pct.errors[0]).toEqual({ column: 'employeePercent', message: 'Employee Pct applies to Percent lines only; this benefit rate is a Dollar line. Clear Employee Pct and change Employee Portion instead.' });
  });

  it('when a Percent line\'s percentages and total are changed, then the portions follow; a typed portion that disagrees fails', async () => {
    const row = await benefitOf('2026-06-01', 'P10012', 10);
    const [res] = await h.upload(KIND, '2026-06-01', [{ rowId: 1, op: 'update', key: row.key, version: row.version, values: { ...row.values, totalCost: 8000, employeePercent: 20, employerPercent: 80 } }]);
    expect(res).toMatchObject({ status: 'Updated', values: { totalCost: 8000, employeePortion: 1600, employerPortion: 6400, startDate: '2026-06-01' } });
    const [bad, sum] = await h.upload(KIND, '2026-02-01', [
      { rowId: 1, op: 'insert', values: { personNumber: 'P10021', assignment: 'E10021-1', rateId: 10, employeePortion: 500 } },
      { rowId: 2, op: 'insert', values: { personNumber: 'P10022', assignment: 'E10022-1', rateId: 10, employeePercent: 30, employerPercent: 60 } },
    ]);
    expect(bad.errors).toEqual([{ column: 'employeePortion', message: 'On a Percent line Employee Portion is Total Cost × Employee Pct (700.00); you typed 500.00. Change Employee Pct or Total Cost instead, or clear Employee Portion.' }]);
    expect(sum.errors[0]).toEqual({ column: 'employeePercent', message: 'On a Percent line Employee Pct and Employer Pct are percentages of Total Cost and must add up to 100: 30 + 60 = 90.' });
  });

  it('when the person, position or rate line is wrong, or the benefit is there already, then the row says which column and why', async () => {
    const [noPerson, notTheirs, noRate, notYet, twice, ended] = await h.upload(KIND, '2026-02-01', [
      { rowId: 1, op: 'insert', values: { personNumber: 'P99999', assignment: 'E10002-1', rateId: 7 } },
      { rowId: 2, op: 'insert', values: { personNumber: 'P10023', assignment: 'E10002-1', rateId: 7 } },
      { rowId: 3, op: 'insert', values: { personNumber: 'P10023', assignment: 'E10023-1', rateId: 4242 } },
      { rowId: 4, op: 'insert', values: { personNumber: 'P10023', assignment: 'E10023-1', rateId: 7, totalCost: 'abc' } },
      { rowId: 5, op: 'insert', values: { personNumber: 'P10002', assignment: 'E10002-1', rateId: 7 } },
      { rowId: 6, op: 'insert', values: { personNumber: 'P10017', assignment: 'E10017-1', rateId: 7 } },
    ]);
    expect(ended.errors).toEqual([{ column: 'assignment', message: 'The assignment E10017-1 is not in effect on 2026-02-01 (it runs 2015-01-01 to 2024-12-31).' }]);
    expect(noPerson.errors).toEqual([{ column: 'personNumber', message: 'There is no person with number "P99999".' }]);
    expect(notTheirs.errors).toEqual([{ column: 'assignment', message: '"E10002-1" is not one of P10023\'s assignments.' }]);
    expect(noRate.errors).toEqual([{ column: 'rateId', message: 'There is no benefit rate line with Benefit Rate ID "4242". Enter an ID from the Benefit Rates workbook.' }]);
    expect(notYet.errors).toEqual([{ column: 'totalCost', message: 'Total Cost must be a number; "abc" is not one.' }]);
    expect(twice.errors).toEqual([{ column: 'rateId', message: 'P10002 already has Health BLUE SHIELD-20% on this position from 2021-03-01; change that record instead.' }]);
  });

  it('when a dependent is linked, then it must be one of the employee\'s dependents and gets its own start date', async () => {
    const [linked, stranger, noBenefit] = await h.upload(DEPENDENTS, '2026-03-01', [
      { rowId: 1, op: 'insert', values: { personNumber: 'P10012', assignment: 'E10012-1', rateId: 10, dependent: 'child of p10012' } },
      { rowId: 2, op: 'insert', values: { personNumber: 'P10012', assignment: 'E10012-1', rateId: 10, dependent: 'Spouse of P10002' } },
      { rowId: 3, op: 'insert', values: { personNumber: 'P10012', assignment: 'E10012-1', rateId: 7, dependent: 'Child of P10012' } },
    ]);
    expect(linked).toMatchObject({ status: 'Inserted', values: { dependent: 'Child of P10012', relationship: 'Child', provider: 'CDPHP-NO CONTRIB', benefitCategory: 'Health', startDate: '2026-03-01' } });
    expect(stranger.errors).toEqual([{ column: 'dependent', message: '"Spouse of P10002" is not one of P10012\'s dependents. Enter a name from the employee\'s dependents (the Contacts workbook lists them).' }]);
    expect(noBenefit.errors).toEqual([{ column: 'rateId', message: 'P10012 has no benefit with Benefit Rate ID 7 on assignment E10012-1 in effect on 2026-03-01. Check the Employee Benefits workbook on that date.' }]);
    const seeded = (await h.rowsOn(DEPENDENTS, '2026-03-01')).filter((r) => r.values.personNumber === 'P10002').map((r) => r.values.dependent);
    expect(seeded).toEqual(['Child of P10002', 'Spouse of P10002']);
    const [again] = await h.upload(DEPENDENTS, '2026-04-01', [{ rowId: 4, op: 'insert', values: { personNumber: 'P10012', assignment: 'E10012-1', rateId: 10, dependent: 'Child of P10012' } }]);
    expect(again.errors).toEqual([{ column: 'dependent', message: 'P10012\'s benefit already has Child of P10012 as a dependent from 2026-03-01; change that record instead.' }]);
  });

  it('when a user may see only some benefits groups, then others\' benefits and dependents are neither shown nor changed', async () => {
    await addUser(h.database.db, 'executives-only', 'editor', { dataAccess: 'Executives' });
    const auth = await signInAs(h.app, 'executives-only');
    const rows = (await h.get(`/api/workbooks/${KIND}/rows`, { effectiveDate: '2027-01-01', limit: 1000 }).set(auth).expect(200)).body.rows as Array<{ values: Record<string, unknown> }>;
    expect(rows.map((r) => r.values.personNumber)).toContain('P10003');
    expect(rows.map((r) => r.values.personNumber)).not.toContain('P10002');
    const deps = (await h.get(`/api/workbooks/${DEPENDENTS}/rows`, { effectiveDate: '2027-01-01', limit: 1000 }).set(auth).expect(200)).body.rows as Array<{ values: Record<string, unknown> }>;
    expect(deps.map((r) => r.values.personNumber)).not.toContain('P10002');
    const res = await h.post(`/api/workbooks/${KIND}/uploads`, { idempotencyKey: crypto.randomUUID(), effectiveDate: '2027-01-01', rows: [{ rowId: 1, op: 'insert', values: { personNumber: 'P10002', assignment: 'E10002-1', rateId: 11 } }] }).set(auth).expect(200);
    expect(res.body.results[0].errors).toEqual([{ column: 'personNumber', message: 'You do not have access to this person.' }]);
  });

  it('when the End Date is set on the sheet, then the benefit ends on it in place; before its start, before the session date or overlapping, the row fails on End Date', async () => {
    const open = await benefitOf('2026-08-01', 'P10014', 11);
    const [ended] = await h.upload(KIND, '2026-08-01', [{ rowId: 1, op: 'update', key: open.key, version: open.version, values: { ...open.values, endDate: '2026-12-31' } }]);
    expect(ended).toMatchObject({ status: 'Updated', values: { startDate: '2026-02-01', endDate: '2026-12-31', totalCost: 120 } });
    const [renewed, early, late] = await h.upload(KIND, '2027-01-01', [
      { rowId: 1, op: 'insert', values: { personNumber: 'P10014', assignment: 'E10014-1', rateId: 11, endDate: '2027-12-31' } },
      { rowId: 2, op: 'insert', values: { personNumber: 'P10018', assignment: 'E10018-1', rateId: 11, endDate: '2026-12-31' } },
      { rowId: 3, op: 'insert', values: { personNumber: 'P10019', assignment: 'E10019-1', rateId: 11, endDate: 'soon' } },
    ]);
    expect(renewed).toMatchObject({ status: 'Inserted', values: { startDate: '2027-01-01', endDate: '2027-12-31' } });
    expect(early.errors).toEqual([{ column: 'endDate', message: 'End Date 2026-12-31 is before the start date 2027-01-01. Enter an end date on or after 2027-01-01, or leave End Date blank for a record that goes on.' }]);
    expect(late.errors).toEqual([expect.objectContaining({ column: 'endDate', message: expect.stringContaining('End Date: "soon" is not a date we can read') })]);
    // Opening the ended record again would overlap the renewal: one record of a benefit per position at a time.
    const again = await benefitOf('2026-08-01', 'P10014', 11);
    const [overlap] = await h.upload(KIND, '2026-08-01', [{ rowId: 1, op: 'update', key: again.key, version: again.version, values: { ...again.values, endDate: null } }]);
    expect(overlap.errors).toEqual([{ column: 'rateId', message: 'P10014 already has Life MET LIFE on this position from 2027-01-01 to 2027-12-31; change that record instead.' }]);
    const history = (await sql<{ old_value: string; new_value: string }>`select old_value, new_value from change_history where kind = ${KIND} and column_name = 'End Date' and action = 'update'`.execute(h.database.db)).rows;
    expect(history).toEqual([{ old_value: '4712-12-31', new_value: '2026-12-31' }]);
  });

  it('when a dependent\'s End Date is set on the sheet, then the link ends on it in place; blank is open; before its start or the session date, the row fails on End Date', async () => {
    const linkOf = (date: string, dependent: string) => h.rowFor(DEPENDENTS, date, (v) => v.dependent === dependent);
    const spouse = await linkOf('2026-09-01', 'Spouse of P10002');
    const [ended] = await h.upload(DEPENDENTS, '2026-09-01', [{ rowId: 1, op: 'update', key: spouse.key, version: spouse.version, values: { ...spouse.values, endDate: '2026-12-31' } }]);
    expect(ended).toMatchObject({ status: 'Updated', key: spouse.key, values: { dependent: 'Spouse of P10002', startDate: '2021-01-01', endDate: '2026-12-31' } });
    const stored = (await sql<{ n: number }>`select count(*)::int as n from employee_benefit_dependents where key = ${spouse.key}`.execute(h.database.db)).rows[0].n;
    expect(stored).toBe(1); // ended in place: no second record from the session date
    expect((await h.rowsOn(DEPENDENTS, '2027-01-01')).map((r) => r.values.dependent)).not.toContain('Spouse of P10002');
    const child = await linkOf('2026-09-01', 'Child of P10002');
    const [beforeStart, beforeSession, unreadable] = await h.upload(DEPENDENTS, '2026-09-01', [
      { rowId: 1, op: 'update', key: child.key, version: child.version, values: { ...child.values, endDate: '2020-12-31' } },
      { rowId: 2, op: 'insert', values: { personNumber: 'P10024', assignment: 'E10024-1', rateId: 3, dependent: 'Child of P10024', endDate: '2026-06-30' } },
      { rowId: 3, op: 'insert', values: { personNumber: 'P10024', assignment: 'E10024-1', rateId: 3, dependent: 'Child of P10024', endDate: 'soon' } },
    ]);
    expect(beforeStart.errors).toEqual([{ column: 'endDate', message: 'End Date 2020-12-31 is before the start date 2021-01-01. Enter an end date on or after 2021-01-01, or leave End Date blank for a record that goes on.' }]);
    expect(beforeSession.errors).toEqual([{ column: 'endDate', message: 'End Date 2026-06-30 is before the start date 2026-09-01. Enter an end date on or after 2026-09-01, or leave End Date blank for a record that goes on.' }]);
    expect(unreadable.errors).toEqual([expect.objectContaining({ column: 'endDate', message: expect.stringContaining('End Date: "soon" is not a date we can read') })]);
    const [tooEarly] = await h.upload(DEPENDENTS, '2026-09-01', [{ rowId: 1, op: 'update', key: child.key, version: child.version, values: { ...child.values, endDate: '2026-08-31' } }]);
    expect(tooEarly.errors).toEqual([{ column: 'endDate', message: expect.stringMatching(/^End Date 2026-08-31 is before the session effective date 2026-09-01/) }]);
    const [closed, open] = await h.upload(DEPENDENTS, '2026-09-01', [
      { rowId: 1, op: 'insert', values: { personNumber: 'P10024', assignment: 'E10024-1', rateId: 3, dependent: 'Child of P10024', endDate: '2027-06-30' } },
      { rowId: 2, op: 'update', key: child.key, version: child.version, values: { ...child.values, endDate: null } },
    ]);
    expect(closed).toMatchObject({ status: 'Inserted', values: { startDate: '2026-09-01', endDate: '2027-06-30' } });
    expect(open).toMatchObject({ status: 'Updated', values: { startDate: '2021-01-01', endDate: '4712-12-31' } });
    const history = (await sql<{ old_value: string; new_value: string }>`select old_value, new_value from change_history where kind = ${DEPENDENTS} and column_name = 'End Date' and action = 'update'`.execute(h.database.db)).rows;
    expect(history).toEqual([{ old_value: '4712-12-31', new_value: '2026-12-31' }]);
  });

  it('when costs are overridden, then the change history has the old and new values', async () => {
    const rows = (await sql<{ column_name: string; old_value: string; new_value: string }>`select column_name, old_value, new_value from change_history where kind = ${KIND} and action = 'update'`.execute(h.database.db)).rows;
    expect(rows).toEqual(expect.arrayContaining([expect.objectContaining({ column_name: 'Employee Pct', old_value: '10', new_value: '20' })]));
  });
});
