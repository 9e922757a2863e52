/** Rate Grid, Benefit Level Limits and Step-Downs over HTTP, and the enrollment process using the grid, on each database. */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { UploadRow } from '../../../src/contract/api';
import { createHarness, type Harness } from '../../test-support/api-harness';
import { dialects } from '../../test-support/databases';
import { batchClient, enrollment } from '../enrollment-batches/test-batches';

jest.setTimeout(120000);
const DATE = '2026-01-01';
const PLAN = 'Group Life';

describe.each(dialects)('group life rate grids on %s', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness(dialect, 10);
  });
  afterAll(() => h.close());

  const rows = async (kind: string, filter?: string) => (await h.get(`/api/workbooks/${kind}/rows`, { effectiveDate: DATE, limit: 1000, ...(filter ? { filter } : {}) }).expect(200)).body.rows as Array<{ key: string; version: number; values: Record<string, string | number | null> }>;
  const find = async (kind: string, level: string, lowerAge?: number) => {
    const found = (await rows(kind, PLAN)).find((r) => r.values.benefitLevel === level && (lowerAge === undefined || r.values.lowerAge === lowerAge));
    if (!found) throw new Error(`no ${kind} row for ${level} ${lowerAge}`);
    return found;
  };
  /** An upload as the pane sends it from a sheet prepared for the plan. */
  const upload = async (kind: string, sent: UploadRow[]) =>
    (await h.post(`/api/workbooks/${kind}/uploads`, { idempotencyKey: randomUUID(), effectiveDate: DATE, filter: PLAN, rows: sent }).expect(200)).body.results as Array<{ status: string; errors: Array<{ column?: string; message: string }> }>;
  const edit = (row: { key: string; version: number; values: object }, values: object, rowId = 1): UploadRow => ({ rowId, op: 'update', key: row.key, version: row.version, values: { ...row.values, ...values } });
  const remove = (row: { key: string; version: number }, rowId = 1): UploadRow => ({ rowId, op: 'delete', key: row.key, version: row.version, values: {} });

  it('when a rate grid is prepared for a plan, then it has one row per level and age band, and an unknown plan is a plain 404', async () => {
    const grid = await rows('rate-grid', PLAN);
    expect(grid).toHaveLength(14);
    expect(grid[0].values).toMatchObject({ plan: PLAN, benefitLevel: '1x Salary', lowerAge: 20, gender: null, employeeCost: 0.05, employerCost: 0.02, per: 1000 });
    const missing = await h.get('/api/workbooks/rate-grid/rows', { effectiveDate: DATE, filter: 'Group Lief' }).expect(404);
    expect(missing.body.error.message).toContain('There is no group life plan named "Group Lief"');
    expect((await rows('benefit-level-limits', PLAN)).map((r) => r.values.factor)).toEqual([1, 2]);
    expect((await rows('step-downs', PLAN)).map((r) => r.values.stepDown)).toEqual([0, 25, 50, 0, 25, 50]);
  });

  it('when pasted rate rows have bad values, then each fails on its own column saying what was typed', async () => {
    const results = await upload('rate-grid', [
      { rowId: 1, op: 'insert', values: { benefitLevel: '3x Salary', lowerAge: 20, employeeCost: 0.1, employerCost: 0, per: 1000 } },
      { rowId: 2, op: 'insert', values: { benefitLevel: '1x Salary', lowerAge: 'forty', gender: 'M', employeeCost: 'abc', employerCost: -1, per: 0 } },
      { rowId: 3, op: 'insert', values: { plan: 'Medical', benefitLevel: 'Employee Only', lowerAge: 20, employeeCost: 1, employerCost: 1, per: 100 } },
    ]);
    expect(results[0].errors).toEqual([expect.objectContaining({ column: 'benefitLevel', message: expect.stringContaining('Group Life has no benefit level named "3x Salary". Its levels (the plan\'s options) are: 1x Salary, 2x Salary') })]);
    expect(results[1].errors.map((e) => e.column)).toEqual(['lowerAge', 'gender', 'employeeCost', 'employerCost', 'per']);
    expect(results[1].errors[0].message).toBe('Lower Age Limit must be a number; "forty" is not one.');
    expect(results[1].errors[1].message).toContain('Gender: "M" is not one of the choices (Male, Female)');
    expect(results[2].errors).toEqual([expect.objectContaining({ column: 'plan', message: expect.stringContaining('There is no group life plan named "Medical"') })]);
  });

  it('when a level has step-downs that are not 0, then its age bands and benefit amount can be neither added nor deleted', async () => {
    const [added] = await upload('rate-grid', [{ rowId: 1, op: 'insert', values: { benefitLevel: '2x Salary', lowerAge: 45, employeeCost: 0.12, employerCost: 0.02, per: 1000 } }]);
    expect(added.errors).toEqual([{ column: 'lowerAge', message: expect.stringContaining('The age band 45 of 2x Salary cannot be added while its step-downs are not all 0 (25 % at 65, 50 % at 70)') }]);
    const [deleted] = await upload('rate-grid', [remove(await find('rate-grid', '2x Salary', 30))]);
    expect(deleted.errors).toEqual([{ column: 'lowerAge', message: expect.stringContaining('The age band 30 of 2x Salary cannot be deleted') }]);
    const limits = await find('benefit-level-limits', '2x Salary');
    const [changed] = await upload('benefit-level-limits', [edit(limits, { factor: 3 })]);
    expect(changed.errors).toEqual([{ column: 'factor', message: expect.stringContaining('The benefit amount of 2x Salary cannot be changed') }]);
    const [gone] = await upload('benefit-level-limits', [remove(limits)]);
    expect(gone.errors[0]).toMatchObject({ column: 'factor', message: expect.stringContaining('cannot be deleted') });
    // Costs of an existing band are not a band: a renewal edits them freely.
    const [renewed] = await upload('rate-grid', [edit(await find('rate-grid', '2x Salary', 30), { employeeCost: 0.075 })]);
    expect(renewed.status).toBe('Updated');
  });

  it('when step-downs do not start at 0 or do not grow, or name no age band, then the rows fail on that column', async () => {
    const [shrinking] = await upload('step-downs', [edit(await find('step-downs', '2x Salary', 70), { stepDown: 20 })]);
    expect(shrinking.errors).toEqual([{ column: 'stepDown', message: expect.stringContaining('The step-down at age 70 (20) must be larger than the one at age 65 (25).') }]);
    const [first] = await upload('step-downs', [edit(await find('step-downs', '2x Salary', 20), { stepDown: 5 })]);
    expect(first.errors[0].message).toContain('The first step-down (age 20) must be 0, not 5.');
    const [noBand] = await upload('step-downs', [{ rowId: 1, op: 'insert', values: { benefitLevel: '2x Salary', lowerAge: 67, stepDown: 30 } }]);
    expect(noBand.errors).toEqual([{ column: 'lowerAge', message: expect.stringContaining('67 is not an age band of 2x Salary in the Rate Grid on 2026-01-01 (its bands: 20, 30, 40, 50, 60, 65, 70)') }]);
    const [firstGone] = await upload('step-downs', [remove(await find('step-downs', '2x Salary', 20))]);
    expect(firstGone.errors[0]).toMatchObject({ column: 'stepDown', message: expect.stringContaining('must be 0, not 25') });
    const [tooMuch] = await upload('step-downs', [edit(await find('step-downs', '2x Salary', 70), { stepDown: 100 })]);
    expect(tooMuch.errors[0]).toMatchObject({ column: 'stepDown', message: expect.stringContaining('between 0 and 99.99') });
  });

  it('when the step-downs after the first are deleted, then a band can be added, and the step-downs entered again', async () => {
    const deleted = await upload('step-downs', [remove(await find('step-downs', '1x Salary', 65), 1), remove(await find('step-downs', '1x Salary', 70), 2)]);
    expect(deleted.map((r) => r.status)).toEqual(['Deleted', 'Deleted']);
    const [added] = await upload('rate-grid', [{ rowId: 1, op: 'insert', values: { benefitLevel: '1x Salary', lowerAge: 45, employeeCost: 0.12, employerCost: 0.02, per: 1000 } }]);
    expect(added.status).toBe('Inserted');
    const again = await upload('step-downs', [
      { rowId: 1, op: 'insert', values: { benefitLevel: '1x Salary', lowerAge: 65, stepDown: 25 } },
      { rowId: 2, op: 'insert', values: { benefitLevel: '1x Salary', lowerAge: 70, stepDown: 50 } },
    ]);
    expect(again.map((r) => r.status)).toEqual(['Inserted', 'Inserted']);
    const [twice] = await upload('step-downs', [{ rowId: 1, op: 'insert', values: { benefitLevel: '1x Salary', lowerAge: 70, stepDown: 60 } }]);
    expect(twice.errors[0]).toMatchObject({ column: 'lowerAge', message: expect.stringContaining('already has a step-down for 1x Salary at age 70') });
  });

  it('when limits contradict each other, then the row fails naming the column', async () => {
    const [bad] = await upload('benefit-level-limits', [edit(await find('benefit-level-limits', '1x Salary'), { minBenefit: 300000, maxBenefit: 250000 })]);
    expect(bad.errors).toEqual([{ column: 'minBenefit', message: 'Min Benefit Amount (300,000) is more than Max Benefit (250,000). Lower the minimum or raise the maximum.' }]);
    const [good] = await upload('benefit-level-limits', [edit(await find('benefit-level-limits', '1x Salary'), { giLimit: 120000 })]);
    expect(good.status).toBe('Updated');
    // seed: the GI Multiplier "only displays if Multiple of salary is selected".
    await sql`update group_life_plans set basis = 'percent'`.execute(h.database.db);
    try {
      const [percent] = await upload('benefit-level-limits', [edit(await find('benefit-level-limits', '1x Salary'), { giMultiplier: 2 })]);
      expect(percent.errors).toEqual([{ column: 'giMultiplier', message: 'GI Multiplier applies to plans that pay a multiple of salary; Group Life pays a percentage of salary. Leave it blank.' }]);
    } finally {
      await sql`update group_life_plans set basis = 'multiple'`.execute(h.database.db);
    }
  });

  it('when a batch line names the group life plan and gives no amounts, then processing computes them and says how', async () => {
    const db = h.database.db;
    // P10001 is 66 on the line's date with a salary of 52,000; P10002 has no salary on record.
    await sql`update persons set date_of_birth = '1960-03-01' where person_number = 'P10001'`.execute(db);
    await sql`update person_salaries set annual_salary = 52000 where person_id = (select id from persons where person_number = 'P10001')`.execute(db);
    await sql`delete from person_salaries where person_id = (select id from persons where person_number = 'P10002')`.execute(db);
    const batch = batchClient(h);
    const line = { effectiveDate: DATE, lifeEventOccurredDate: DATE, planName: PLAN };
    const sent = await batch.insert('Group life 2026', [
      enrollment('P10001', { ...line, optionName: '2x Salary' }),
      enrollment('P10002', { ...line, optionName: '1x Salary' }),
      enrollment('P10004', { ...line, optionName: '1x Salary', coverageAmount: 40000 }),
    ]);
    expect(sent.map((r) => r.status)).toEqual(['Inserted', 'Inserted', 'Inserted']);
    await batch.process('Group life 2026');
    const messages = (await batch.lines('Group life 2026')).map((l) => l.values.message);
    expect(messages[0]).toContain(
      'Enrolled P10001 in Group Life, 2x Salary from 2026-01-01 (rate 11.52, coverage 78,000). From the rate grid: 2 × salary 52,000 = 104,000, stepped down 25 % at age 65 (to 75 %) = 78,000; premium 78,000 × 0.32 / 1,000 × 12 / 26 = 11.52 a pay period (employer 0.72).',
    );
    expect(messages[1]).toContain('The participant has no salary on record on 2026-01-01, and Group Life computes its amounts from salary.');
    expect(messages[2]).toContain('(rate none, coverage 40,000).');
    const stored = await sql<{ rate: string; coverage: string }>`select rate_amount::text as rate, coverage_amount::text as coverage from benefit_enrollments e join persons p on p.id = e.person_id where p.person_number = 'P10001'`.execute(db);
    expect(stored.rows.map((r) => [Number(r.rate), Number(r.coverage)])).toEqual([[11.52, 78000]]);
  });
});
