/**
 * Group Life Plans, Benefit Levels and Employee Salaries over HTTP, and enrollment using a plan's Benefit Amount Mode
 * and Default Benefit Level, on each database.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { UploadRow } from '../../../src/contract/api';
import { createHarness, type Harness } from '../../test-support/api-harness';
import { dialects } from '../../test-support/databases';
import { addUser, signInAs } from '../../test-support/users';
import { batchClient, enrollment } from '../enrollment-batches/test-batches';

jest.setTimeout(120000);
const DATE = '2026-01-01';
const PLANS = 'group-life-plans';
const LEVELS = 'benefit-levels';
const SALARIES = 'employee-salaries';

type Row = { key: string; version: number; values: Record<string, string | number | null> };
type Result = { status: string; errors: Array<{ column?: string; message: string }>; warnings?: Array<{ column?: string; message: string }>; values?: Row['values'] };

describe.each(dialects)('group life plans, levels and salaries on %s', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness(dialect, 10);
  });
  afterAll(() => h.close());

  const keyed = async (kind: string) => (await h.get(`/api/workbooks/${kind}/rows`, { limit: 1000 }).expect(200)).body.rows as Row[];
  const send = async (kind: string, rows: UploadRow[], dated = false) =>
    (await h.post(`/api/workbooks/${kind}/uploads`, { idempotencyKey: randomUUID(), ...(dated ? { effectiveDate: DATE } : {}), rows }).expect(200)).body.results as Result[];
  const edit = (row: Row, values: object, rowId = 1): UploadRow => ({ rowId, op: 'update', key: row.key, version: row.version, values: { ...row.values, ...values } });
  const groupLife = async () => (await keyed(PLANS)).find((r) => r.values.plan === 'Group Life') as Row;

  it('when the plan settings are downloaded and edited, then every setting reads back, and bad values fail on their columns', async () => {
    const plan = await groupLife();
    expect(plan.values).toMatchObject({ basis: 'X of Salary', benefitAmountMode: 'Annual', defaultLevel: '1x Salary', roundSalaryFirst: 'No', roundAfterStepDown: 'Yes', rounding: 'Up', roundingUnit: 1000, ratesBasedOnSalary: 'No', ageDeterminationDate: null, employeeMonthlyFee: 0 });
    const [bad] = await send(PLANS, [edit(plan, { benefitAmountMode: 'Yearly', defaultLevel: '3x Salary', rounding: 'Nearest', roundingUnit: null, employeeMonthlyFee: -1, ageDeterminationDate: '2026-02-30' })]);
    expect(bad.errors.map((e) => e.column)).toEqual(['benefitAmountMode', 'employeeMonthlyFee', 'ageDeterminationDate', 'defaultLevel', 'roundingUnit']);
    expect(bad.errors[0].message).toContain('Benefit Amount Mode: "Yearly" is not one of the choices (Annual, Monthly, Weekly)');
    expect(bad.errors[3].message).toContain('Group Life has no benefit level named "3x Salary". Pick one of its levels (1x Salary, 2x Salary), or None so that the enrollee must pick one.');
    expect(bad.errors[4].message).toContain('Rounding Nearest needs a Rounding Unit');
    const [good] = await send(PLANS, [edit(plan, { benefitAmountMode: 'Monthly', defaultLevel: '2x Salary', employerMonthlyFee: 1.5 })]);
    expect(good).toMatchObject({ status: 'Updated', values: { benefitAmountMode: 'Monthly', defaultLevel: '2x Salary', employerMonthlyFee: 1.5, rounding: 'Up' } });
    const [stale] = await send(PLANS, [edit(plan, { benefitAmountMode: 'Weekly' })]);
    expect(stale.status).toBe('Conflict');
    const audit = (await sql<{ column_name: string; old_value: string; new_value: string }>`select column_name, old_value, new_value from change_history where kind = ${PLANS} order by column_name`.execute(h.database.db)).rows;
    expect(audit).toEqual(expect.arrayContaining([{ column_name: 'Benefit Amount Mode', old_value: 'Annual', new_value: 'Monthly' }, { column_name: 'Default Benefit Level', old_value: '1x Salary', new_value: '2x Salary' }]));
  });

  it('when a benefit plan is added as a group life plan, then it gets the defaults; a plan with a rate grid cannot be deleted, one without can', async () => {
    const [added, unknown] = await send(PLANS, [
      { rowId: 1, op: 'insert', values: { plan: 'Medical', basis: '% of Salary' } },
      { rowId: 2, op: 'insert', values: { plan: 'Dental Plus', basis: 'X of Salary' } },
    ]);
    expect(added).toMatchObject({ status: 'Inserted', values: { plan: 'Medical', basis: '% of Salary', benefitAmountMode: 'Annual', defaultLevel: 'None', roundAfterStepDown: 'Yes', rounding: 'None' } });
    expect(unknown.errors).toEqual([{ column: 'plan', message: 'There is no benefit plan named "Dental Plus". Pick a plan from the list. Did you mean "Dental"?', suggestion: { column: 'plan', value: 'Dental' } }]);
    const rows = await keyed(PLANS);
    const [keep, gone] = await send(PLANS, [
      { rowId: 1, op: 'delete', key: (await groupLife()).key, version: (await groupLife()).version, values: {} },
      { rowId: 2, op: 'delete', key: rows.find((r) => r.values.plan === 'Medical')!.key, version: rows.find((r) => r.values.plan === 'Medical')!.version, values: {} },
    ]);
    expect(keep.errors[0]).toMatchObject({ column: 'plan', message: expect.stringContaining('This plan still has 14 rate rows, 2 benefit level limits and 6 step-downs') });
    expect(gone.status).toBe('Deleted');
  });

  it('when benefit levels are renamed, added or deleted, then codes and names stay unique per plan and a level in use stays', async () => {
    const levels = await keyed(LEVELS);
    expect(levels.map((r) => [r.values.plan, r.values.code, r.values.name])).toEqual([['Group Life', '1', '1x Salary'], ['Group Life', '2', '2x Salary']]);
    const [added, twin, noPlan] = await send(LEVELS, [
      { rowId: 1, op: 'insert', values: { plan: 'Group Life', code: '3', name: '3x Salary' } },
      { rowId: 2, op: 'insert', values: { plan: 'Group Life', code: '3', name: 'Three times' } },
      { rowId: 3, op: 'insert', values: { plan: 'Medical', code: '1', name: 'Employee Only' } },
    ]);
    expect(added).toMatchObject({ status: 'Inserted', values: { plan: 'Group Life', code: '3', name: '3x Salary' } });
    expect(typeof added.values?.levelId).toBe('number');
    expect(twin.errors).toEqual([{ column: 'code', message: 'Group Life already has a benefit level with Code "3". Give this level another code.' }]);
    expect(noPlan.errors[0]).toMatchObject({ column: 'plan', message: expect.stringContaining('There is no group life plan named "Medical"') });
    const one = (await keyed(LEVELS)).find((r) => r.values.name === '1x Salary') as Row;
    const [renamed] = await send(LEVELS, [edit(one, { code: 'L1' })]);
    expect(renamed).toMatchObject({ status: 'Updated', values: { code: 'L1', name: '1x Salary' } });
    const now = await keyed(LEVELS);
    const [used, unused] = await send(LEVELS, now.filter((r) => r.values.name !== '2x Salary').map((r, i) => ({ rowId: i + 1, op: 'delete' as const, key: r.key, version: r.version, values: {} })));
    expect(used.errors[0]).toMatchObject({ column: 'name', message: expect.stringContaining('This benefit level cannot be deleted. Used by 7 rate rows') });
    expect(unused.status).toBe('Deleted');
  });

  it('when a salary is raised on a date, then the old one ends the day before; gender is kept on the person; a limited user changes only their population', async () => {
    const [p1] = (await h.rowsOn(SALARIES, DATE)).filter((r) => r.values.personNumber === 'P10003');
    expect(p1.values).toMatchObject({ personNumber: 'P10003', annualSalary: expect.any(Number), payPeriods: 26, startDate: '2015-01-01' });
    const [raised, bad] = await send(SALARIES, [edit(p1, { annualSalary: 61000, gender: 'Female' }), { rowId: 2, op: 'insert', values: { personNumber: 'P10003', annualSalary: 'lots', payPeriods: 26.5 } }], true);
    expect(raised).toMatchObject({ status: 'Updated', values: { annualSalary: 61000, gender: 'Female', startDate: DATE } });
    expect(bad.errors.map((e) => e.column)).toEqual(['annualSalary', 'payPeriods']);
    const history = await sql<{ s: string; e: string; gender: string }>`select ps.effective_start_date::text as s, ps.effective_end_date::text as e, p.gender from person_salaries ps join persons p on p.id = ps.person_id where p.person_number = 'P10003' order by 1`.execute(h.database.db);
    expect(history.rows).toEqual([{ s: '2015-01-01', e: '2025-12-31', gender: 'Female' }, { s: DATE, e: '4712-12-31', gender: 'Female' }]);
    const [second] = await send(SALARIES, [{ rowId: 1, op: 'insert', values: { personNumber: 'P10003', annualSalary: 70000 } }], true);
    expect(second.errors[0]).toMatchObject({ column: 'personNumber', message: expect.stringContaining('P10003 already has a salary from 2026-01-01') });
    await addUser(h.database.db, 'executives-salaries', 'editor', { dataAccess: 'Executives' });
    const auth = await signInAs(h.app, 'executives-salaries');
    const theirs = (await h.rowsOn(SALARIES, DATE)).find((r) => r.values.personNumber === 'P10002') as Row;
    const res = await h.post(`/api/workbooks/${SALARIES}/uploads`, { idempotencyKey: randomUUID(), effectiveDate: DATE, rows: [edit(theirs, { annualSalary: 1, gender: 'Male' })] }).set(auth).expect(200);
    expect(res.body.results[0].errors).toEqual([{ column: 'personNumber', message: 'You do not have access to this person.' }]);
    expect((await h.rowsOn(SALARIES, DATE)).find((r) => r.values.personNumber === 'P10002')?.values).toEqual(theirs.values);
    await addUser(h.database.db, 'salary-viewer', 'viewer');
    const viewer = await signInAs(h.app, 'salary-viewer');
    await h.post(`/api/workbooks/${PLANS}/uploads`, { idempotencyKey: randomUUID(), rows: [] }).set(viewer).expect(403);
  });

  it('when Check is run on a switch between X of Salary and % of Salary, then it predicts Updated with the same warning and saves nothing', async () => {
    const plan = await groupLife();
    const res = await h.post(`/api/workbooks/${PLANS}/check`, { rows: [edit(plan, { basis: '% of Salary' })] }).expect(200);
    const [predicted] = res.body.results as Result[];
    expect(predicted).toMatchObject({ status: 'Updated', errors: [], warnings: [{ column: 'basis', message: expect.stringMatching(/^Check Benefit Level Limits: Group Life now pays a percentage of salary instead of a multiple, .*1x Salary 1 was 1 × salary, now 1 % of salary/) }] });
    expect(await groupLife()).toEqual(plan); // nothing saved: the same version and values
    const [plain] = (await h.post(`/api/workbooks/${PLANS}/check`, { rows: [edit(plan, { employeeMonthlyFee: 0 })] }).expect(200)).body.results as Result[];
    expect(plain).not.toHaveProperty('warnings');
  });

  it('when an upload switches a plan between X of Salary and % of Salary, then the row is saved with a warning saying how its levels\' limits now read', async () => {
    const [toPercent] = await send(PLANS, [edit(await groupLife(), { basis: '% of Salary' })]);
    expect(toPercent).toMatchObject({ status: 'Updated', errors: [], values: { basis: '% of Salary' } });
    expect(toPercent.warnings).toEqual([{ column: 'basis', message: 'Check Benefit Level Limits: Group Life now pays a percentage of salary instead of a multiple, so each level\'s X of Salary or % of Salary there is now read as a percentage: 1x Salary 1 was 1 × salary, now 1 % of salary; 2x Salary 2 was 2 × salary, now 2 % of salary. Change them to what the plan pays (50 for 50 % of salary). A GI Multiplier there no longer applies.' }]);
    const [same] = await send(PLANS, [edit(await groupLife(), { basis: '% of Salary', employeeMonthlyFee: 0 })]);
    expect(same).toMatchObject({ status: 'Updated', errors: [] });
    expect(same).not.toHaveProperty('warnings');
    const [back] = await send(PLANS, [edit(await groupLife(), { basis: 'X of Salary' })]);
    expect(back).toMatchObject({ status: 'Updated', values: { basis: 'X of Salary' } });
    expect(back.warnings?.[0].message).toMatch(/^Check Benefit Level Limits: Group Life now pays a multiple of salary instead of a percentage, so .* 1x Salary 1 was 1 % of salary, now 1 × salary; .*\(2 for 2 × salary\)\.$/);
  });

  it('when only the gender of a salary row changes, then the person\'s gender changes and no salary record is added; the change history says Gender', async () => {
    // An employee the other tests leave alone.
    const row = (await h.rowsOn(SALARIES, '2026-06-01')).find((r) => !['P10002', 'P10003', 'P10004'].includes(String(r.values.personNumber))) as Row;
    const person = String(row.values.personNumber);
    const was = row.values.gender;
    const [changed] = await h.upload(SALARIES, '2026-06-01', [edit(row, { gender: was === 'Female' ? 'Male' : 'Female' })]);
    const now = was === 'Female' ? 'Male' : 'Female';
    expect(changed).toMatchObject({ status: 'Updated', key: row.key, values: { gender: now, annualSalary: row.values.annualSalary, startDate: '2015-01-01', endDate: '4712-12-31' } });
    const records = await sql<{ s: string; gender: string }>`select ps.effective_start_date::text as s, p.gender from person_salaries ps join persons p on p.id = ps.person_id where p.person_number = ${person}`.execute(h.database.db);
    expect(records.rows).toEqual([{ s: '2015-01-01', gender: now }]);
    const history = await sql<{ column_name: string; action: string; old_value: string | null; new_value: string }>`select column_name, action, old_value, new_value from change_history where kind = ${SALARIES} and person_number = ${person}`.execute(h.database.db);
    expect(history.rows).toEqual([{ column_name: 'Gender', action: 'update', old_value: was ?? null, new_value: now }]);
    // The version still moves on: a sheet downloaded before the change gets a Conflict.
    const [stale] = await h.upload(SALARIES, '2026-06-01', [edit(row, { annualSalary: 70000 })]);
    expect(stale.status).toBe('Conflict');
  });

  it('when a line leaves Option blank, then the Default Benefit Level is used, on the Monthly salary, and the message says both', async () => {
    const db = h.database.db;
    // After the first test: Monthly mode, default level 2x Salary, levels 1 and 2 kept. P10004 is 40 on 2026-01-01.
    await sql`update persons set date_of_birth = '1986-01-01' where person_number = 'P10004'`.execute(db);
    await sql`update person_salaries set annual_salary = 60000 where person_id = (select id from persons where person_number = 'P10004')`.execute(db);
    const batch = batchClient(h);
    const line = { effectiveDate: DATE, lifeEventOccurredDate: DATE, planName: 'Group Life' };
    const [inserted] = await batch.insert('Monthly default', [enrollment('P10004', { ...line, optionName: null })]);
    expect(inserted.errors).toEqual([]);
    await batch.process('Monthly default');
    const [message] = (await batch.lines('Monthly default')).map((l) => l.values.message);
    // 2x Salary's Min Benefit Amount is 20,000; the employer's monthly fee of 1.50 is in its cost.
    expect(message).toContain(
      'Enrolled P10004 in Group Life, 2x Salary from 2026-01-01 (rate 0.92, coverage 20,000). Option was blank: 2x Salary is the plan\'s Default Benefit Level. From the rate grid: salary 60,000 / 12 = monthly salary 5,000, 2 × monthly salary 5,000 = 10,000, raised to the minimum benefit 20,000; premium 20,000 × 0.1 / 1,000 × 12 / 26 = 0.92 a pay period (employer 0.88).',
    );
  });
});
