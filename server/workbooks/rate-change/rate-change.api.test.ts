/**
 * Global Benefit Rate Change over HTTP, on the demo data's five scenario records (helper "setup", new rate from
 * 2027-01-01: Health BLUE SHIELD-20% Individual 3000/600/2400 → 3500/800/2700): preview, selections, population,
 * a refused stale preview, a run resumed after a crash, the audit trail, an idempotent re-run, and two runs at once.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { createHarness, type Harness } from '../../test-support/api-harness';
import { dialects } from '../../test-support/databases';
import { request } from '../../test-support/openapi-responses';
import { addUser, signInAs } from '../../test-support/users';
import { createRateChangeRunner } from './rate-change-runner';
import { RATE_CHANGE_ALL, rateChangeClient } from './test-rate-changes';

jest.setTimeout(120000);

describe.each(dialects)('Global Benefit Rate Change on %s', (dialect) => {
  let h: Harness;
  let rc: ReturnType<typeof rateChangeClient>;
  beforeAll(async () => {
    h = await createHarness(dialect, 20);
    rc = rateChangeClient(h);
  });
  afterAll(() => h?.close());

  const records = async (key: string) =>
    (
      await sql<{ start: string; end: string; employee: string; employer: string; total: string }>`
        select effective_start_date::text as start, effective_end_date::text as "end", employee_portion::text as employee, employer_portion::text as employer, total_cost::text as total
        from employee_benefits where key = ${key} order by effective_start_date`.execute(h.database.db)
    ).rows.map((r) => [r.start, r.end, Number(r.employee), Number(r.employer), Number(r.total)]);
  const history = async () => Number((await sql<{ n: string }>`select count(*) as n from change_history where kind = 'employee-benefits'`.execute(h.database.db)).rows[0].n);
  const groupOf = async (personNumber: string) =>
    (await sql<{ name: string }>`
      select bg.name from person_benefit_groups g join benefit_groups bg on bg.id = g.benefit_group_id join persons p on p.id = g.person_id
      where p.person_number = ${personNumber} and date '2027-01-01' between g.effective_start_date and g.effective_end_date`.execute(h.database.db)).rows[0].name;

  it('when everything is previewed, then each scenario record gets its seed scenario with old and new costs, and nothing changes', async () => {
    const preview = await rc.preview();
    expect(preview.byScenario.map((s) => [s.scenario, s.records > 0])).toEqual([[1, true], [2, true], [3, true], [4, true], [5, true]]);
    const sheet = await rc.sheet(preview.previewId);
    const row = (person: string, start: string) => sheet.find((r) => r.personNumber === person && r.startDate === start && r.rateId === 7);
    expect(row('P10002', '2021-03-01')).toMatchObject({ scenario: 1, oldEmployee: 600, oldEmployer: 2400, oldTotal: 3000, newEmployee: 800, newEmployer: 2700, newTotal: 3500, outcome: 'Not run yet', endDate: null });
    expect(row('P10003', '2027-01-01')).toMatchObject({ scenario: 2, newTotal: 3500, whatHappens: expect.stringContaining('updated in place') });
    // seed: scenarios 3, 4 and 5 are not changed: their old costs and no new ones.
    const unchanged = { oldTotal: 3000, newEmployee: null, newEmployer: null, newTotal: null };
    expect(row('P10004', '2020-04-01')).toMatchObject({ scenario: 3, endDate: '2026-11-30', whatHappens: expect.stringContaining('prior to the start date'), ...unchanged });
    expect(row('P10007', '2027-03-01')).toMatchObject({ scenario: 4, whatHappens: expect.stringContaining('after the start date'), ...unchanged });
    expect(row('P10008', '2020-04-01')).toMatchObject({ scenario: 5, endDate: '2027-03-31', whatHappens: expect.stringContaining('extends beyond'), ...unchanged });
    // The dental record is open and started before, but its rates did not change: nothing to do, no new cost.
    expect(sheet.find((r) => r.personNumber === 'P10002' && r.rateId === 3)).toMatchObject({ scenario: 1, newTotal: null, whatHappens: expect.stringMatching(/^Not changed: the record already has the rates/) });
    expect(await records('eb-scenario-1')).toEqual([['2021-03-01', '4712-12-31', 600, 2400, 3000]]);
  });

  it('when employees, benefits or employee groups are selected, then only their records are previewed; unknown ones are named', async () => {
    const one = await rc.sheet((await rc.preview({ employees: ['P10002'] })).previewId);
    expect([...new Set(one.map((r) => r.personNumber))]).toEqual(['P10002']);
    expect(one.map((r) => r.rateId).sort()).toEqual([3, 7]);
    const dentalId = one.find((r) => r.rateId === 3)?.benefitId as number;
    const dental = await rc.sheet((await rc.preview({ benefits: [dentalId] })).previewId);
    expect(dental.length).toBeGreaterThan(0);
    expect(dental.every((r) => r.benefitId === dentalId)).toBe(true);
    const group = await groupOf('P10003');
    const inGroup = await rc.sheet((await rc.preview({ employeeGroups: [group] })).previewId);
    expect(inGroup.some((r) => r.personNumber === 'P10003')).toBe(true);
    expect(inGroup.every((r) => r.employeeGroup === group)).toBe(true);
    const bad = await h.post('/api/rate-changes/previews', { ...RATE_CHANGE_ALL, employees: ['P10002', 'P99999'], benefits: 'All' }).expect(400);
    expect(bad.body.error.message).toBe('Employee(s): there is no person with the number "P99999". Check the person numbers.');
    expect((await h.post('/api/rate-changes/previews', { ...RATE_CHANGE_ALL, benefits: [999] }).expect(400)).body.error.message).toMatch(/^Benefit\(s\): there is no benefit with Benefit ID 999\./);
    expect((await h.post('/api/rate-changes/previews', { ...RATE_CHANGE_ALL, employeeGroups: ['Nobody'] }).expect(400)).body.error.message).toMatch(/^Employee Group\(s\): there is no employee group named "Nobody"/);
    expect((await h.post('/api/rate-changes/previews', { ...RATE_CHANGE_ALL, newRateStart: '2027-02-30' }).expect(400)).body.error).toBeDefined();
  });

  it('when a user limited to one group previews and runs, then only that group’s persons are previewed and changed', async () => {
    const group = await groupOf('P10003');
    expect(await groupOf('P10002')).not.toBe(group); // P10002's scenario 1 record stays for the run below
    await addUser(h.database.db, 'limited-rates', 'batch-processor', { dataAccess: group });
    const auth = await signInAs(h.app, 'limited-rates');
    const api = request(h.app);
    const preview = (await api.post('/api/rate-changes/previews').set(auth).send(RATE_CHANGE_ALL).expect(201)).body;
    const sheet = (await api.get('/api/workbooks/rate-change-preview/rows').set(auth).query({ effectiveDate: '2027-01-01', filter: String(preview.previewId), limit: 1000 }).expect(200)).body.rows;
    expect(sheet.length).toBeGreaterThan(0);
    expect(sheet.every((r: { values: { employeeGroup: string } }) => r.values.employeeGroup === group)).toBe(true);
    // A person outside the population answers like an unknown one.
    const outside = (await rc.sheet((await rc.preview()).previewId)).find((r) => r.employeeGroup !== group)?.personNumber as string;
    expect((await api.post('/api/rate-changes/previews').set(auth).send({ ...RATE_CHANGE_ALL, employees: [outside] }).expect(400)).body.error.message).toContain(outside);
    // Another user's preview cannot be run by them.
    expect((await api.post(`/api/rate-changes/previews/${(await rc.preview()).previewId}/runs`).set(auth).send({ idempotencyKey: randomUUID() }).expect(404)).body.error.code).toBe('not_found');
    // Their run changes P10003's scenario 2 record (in the group) and no record outside it.
    await api.post(`/api/rate-changes/previews/${preview.previewId}/runs`).set(auth).send({ idempotencyKey: randomUUID() }).expect(202);
    await createRateChangeRunner(h.database.db).drain();
    expect(await records('eb-scenario-2')).toEqual([['2027-01-01', '4712-12-31', 800, 2700, 3500]]);
    const others = await rc.sheet((await rc.preview({ benefits: 'All' })).previewId);
    for (const r of others.filter((x) => x.employeeGroup !== group && x.rateId === 7 && x.scenario === 1)) expect(r.oldTotal).toBe(3000);
  });

  it('when a rate changes after the preview, then Run refuses and asks to preview again', async () => {
    const preview = await rc.preview();
    await sql`update benefit_rate_lines set total_cost = 3600, employer_portion = 2800 where rate_id = 7 and effective_start_date = date '2027-01-01'`.execute(h.database.db);
    try {
      const refused = await rc.start(preview.previewId).expect(409);
      expect(refused.body.error.message).toBe('The records or rates changed since this preview, so it no longer shows what a run would do. Preview the rate change again, check it, then run it.');
    } finally {
      await sql`update benefit_rate_lines set total_cost = 3500, employer_portion = 2700 where rate_id = 7 and effective_start_date = date '2027-01-01'`.execute(h.database.db);
    }
    expect(await records('eb-scenario-1')).toEqual([['2021-03-01', '4712-12-31', 600, 2400, 3000]]);
  });

  it('when the server stops mid-run, then another runner resumes after its lease and each record follows its scenario once, with the audit trail', async () => {
    // A dependent on the scenario 1 record stays linked to the new record (seed: the new record continues the benefit).
    const [linked] = await h.upload('employee-benefit-dependents', '2026-06-01', [{ rowId: 1, op: 'insert', values: { personNumber: 'P10002', assignment: 'E10002-1', rateId: 7, dependent: 'Spouse of P10002' } }]);
    expect(linked.status).toBe('Inserted');
    const preview = await rc.preview();
    const before = await history();
    const { runId } = (await rc.start(preview.previewId).expect(202)).body;
    const crashed = createRateChangeRunner(h.database.db, { instanceId: 'crashed', unitSize: 1, leaseMs: 60000 });
    expect(await crashed.runUnits(2)).toBe(runId);
    expect((await h.get(`/api/rate-changes/runs/${runId}`).expect(200)).body).toMatchObject({ status: 'running', done: 2 });
    const restarted = createRateChangeRunner(h.database.db, { instanceId: 'restarted', unitSize: 1 });
    expect(await restarted.runUnits(5)).toBeUndefined(); // the lease still holds
    await sql`update rate_change_jobs set lease_expires_at = now() - interval '1 second' where id = ${runId}`.execute(h.database.db);
    await restarted.drain();
    const run = (await h.get(`/api/rate-changes/runs/${runId}`).expect(200)).body;
    expect(run).toMatchObject({ status: 'completed', total: preview.total, done: preview.total, payroll: expect.stringMatching(/^Payroll deductions are not changed/) });
    // Scenario 2's record already got the new rates from the limited user's run above.
    expect(run.byScenario.map((s: { scenario: number; changed: number }) => [s.scenario, s.changed > 0])).toEqual([[1, true], [2, false], [3, false], [4, false], [5, false]]);
    // seed Scenario 1: end-dated the day before, new record from the date with the new rates; 3, 4, 5 unchanged.
    expect(await records('eb-scenario-1')).toEqual([['2021-03-01', '2026-12-31', 600, 2400, 3000], ['2027-01-01', '4712-12-31', 800, 2700, 3500]]);
    expect(await records('eb-scenario-3')).toEqual([['2020-04-01', '2026-11-30', 600, 2400, 3000]]);
    expect(await records('eb-scenario-4')).toEqual([['2027-03-01', '4712-12-31', 600, 2400, 3000]]);
    expect(await records('eb-scenario-5')).toEqual([['2020-04-01', '2027-03-31', 600, 2400, 3000]]);
    const covered = (await h.rowsOn('employee-benefit-dependents', '2027-01-01')).filter((r) => r.values.personNumber === 'P10002' && r.values.rateId === 7);
    expect(covered.map((r) => [r.values.dependent, r.values.startDate])).toEqual([['Spouse of P10002', '2026-06-01']]);
    const sheet = await rc.sheet(preview.previewId);
    const outcome = (key: number) => sheet.find((r) => r.personNumber === `P1000${key}` && r.rateId === 7)?.outcome;
    expect(outcome(2)).toBe('Changed: end-dated 2026-12-31; new record from 2027-01-01 with the new rates.');
    expect(outcome(4)).toBe('No change (scenario 3).');
    expect(outcome(8)).toBe('No change (scenario 5).');
    const trail = (await sql<{ record_key: string; column_name: string; old_value: string | null; new_value: string }>`
      select record_key, column_name, old_value, new_value from change_history where kind = 'employee-benefits' and record_key = 'eb-scenario-1' order by id`.execute(h.database.db)).rows;
    expect(trail.map((t) => [t.column_name, t.old_value, t.new_value])).toEqual([['End Date', null, '2026-12-31'], ['Employee Portion', '600.00', '800.00'], ['Employer Portion', '2400.00', '2700.00'], ['Total Cost', '3000.00', '3500.00']]);
    expect(await history()).toBeGreaterThan(before);
    // The same request again, or the same preview with a new key: the same run, nothing run twice.
    expect((await h.get(`/api/rate-changes/runs/${runId}`).expect(200)).body.runId).toBe(runId);
    expect((await rc.start(preview.previewId).expect(200)).body.runId).toBe(runId);
  });

  it('when the same rate change is previewed and run again, then every record is left as it is', async () => {
    const before = await history();
    const again = await rc.preview();
    expect(again.byScenario.reduce((n, s) => n + s.changed, 0)).toBe(0);
    const run = await rc.run(again.previewId);
    expect(run).toMatchObject({ status: 'completed', changed: 0 });
    expect(await history()).toBe(before);
    expect(await records('eb-scenario-1')).toHaveLength(2);
  });

  it('when two runs are started at once, then one runs and the other is told another rate change is running', async () => {
    const [a, b] = [await rc.preview(), await rc.preview()];
    const answers = await Promise.all([rc.start(a.previewId), rc.start(b.previewId)]);
    expect(answers.map((r) => r.status).sort()).toEqual([202, 409]);
    expect(answers.find((r) => r.status === 409)?.body.error.message).toMatch(/^Another rate change is running \(run \d+, started by demo, new rate from 2027-01-01\)\. Wait until it finishes/);
    await createRateChangeRunner(h.database.db).drain();
  });
});
