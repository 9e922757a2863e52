/** The Upload Benefit Enrollments process over HTTP, run by a real job runner on PGlite and PostgreSQL. */
import { sql } from 'kysely';
import { createHarness, type Harness } from '../../test-support/api-harness';
import { dialects } from '../../test-support/databases';
import { batchClient, beneficiary, CHILD_OF_P10001, dependent, enrollment, KIND, SPOUSE_OF_P10001 } from './test-batches';

jest.setTimeout(60000);

describe.each(dialects)('Upload Benefit Enrollments process on %s', (dialect) => {
  let h: Harness;
  let b: ReturnType<typeof batchClient>;
  beforeAll(async () => {
    h = await createHarness(dialect);
    b = batchClient(h);
  });
  afterAll(() => h.close());

  const results = async (batch: string) => Object.fromEntries((await b.lines(batch)).map((l) => [l.values.batchLineId as number, { status: l.values.rowBatchStatus, message: l.values.message as string }]));
  const enrollmentsOf = async (personNumber: string) =>
    (
      await sql<{ plan: string; option: string | null; start: string; end: string; rate: string | null; coverage: string | null }>`
        select pl.name as plan, o.name as option, e.effective_start_date as start, e.effective_end_date as "end", e.rate_amount as rate, e.coverage_amount as coverage
        from benefit_enrollments e join persons p on p.id = e.person_id join benefit_plans pl on pl.id = e.plan_id left join benefit_options o on o.id = e.option_id
        where p.person_number = ${personNumber} order by pl.name, e.effective_start_date`.execute(h.database.db)
    ).rows;
  const lifeEventsOf = async (personNumber: string) =>
    (
      await sql<{ name: string; occurred: string; status: string; closed: string | null }>`
        select t.name, e.occurred_date as occurred, e.status, e.closed_date as closed from potential_life_events e
        join persons p on p.id = e.person_id join life_event_types t on t.id = e.life_event_type_id
        where p.person_number = ${personNumber} order by e.occurred_date`.execute(h.database.db)
    ).rows;

  it('when designations are listed before their participant enrollment, then the enrollment is processed first and all complete', async () => {
    await b.insert('Order', [
      dependent('P10001', SPOUSE_OF_P10001),
      beneficiary('P10001', { planName: 'Medical', dateOfBirth: CHILD_OF_P10001, primaryBeneficiaryPercentage: 100 }),
      enrollment('P10001'),
    ]);
    const job = await b.process('Order');
    expect(job).toMatchObject({ status: 'completed', total: 3, done: 3, completed: 3, errors: 0 });
    const lines = await results('Order');
    expect(lines[1]).toEqual({ status: 'COMPLETE', message: `Line 1: Designated the dependent born on ${SPOUSE_OF_P10001} in Medical from 2020-01-01.` });
    expect(lines[2].message).toMatch(/^Line 2: Designated the contact born on 2005-09-01 as beneficiary in Medical \(primary 100%\)/);
    expect(lines[3].message).toMatch(/^Line 3: Enrolled P10001 in Medical, Employee Only from 2020-01-01 \(rate 200, coverage none\)\. Closed the life event New Hire on 2020-01-01\./);
    expect(await enrollmentsOf('P10001')).toEqual([{ plan: 'Medical', option: 'Employee Only', start: '2020-01-01', end: '4712-12-31', rate: '200', coverage: null }]);
  });

  it('when a participant enrollment fails, then that participant’s designations are skipped with the reason, and other participants go on', async () => {
    await b.insert('Failing', [
      enrollment('P10002', { planName: 'Dental', optionName: 'Basic', createPotentialLifeEvent: 'No' }),
      dependent('P10002', '1971-04-15', { planName: 'Dental' }),
      beneficiary('P10002', { dateOfBirth: '1971-04-15', primaryBeneficiaryPercentage: 100 }),
      enrollment('P10003', { planName: 'Dental', optionName: 'Premium' }),
    ]);
    const job = await b.process('Failing');
    expect(job).toMatchObject({ status: 'completed', total: 4, done: 4, completed: 1, errors: 3 });
    const lines = await results('Failing');
    expect(lines[1]).toEqual({ status: 'ERROR', message: expect.stringMatching(/^Line 1: P10002 has no potential life event New Hire of 2020-01-01 for the Default relationship\. Add it in the application, or set Create Potential Life Event to Yes\./) });
    expect(lines[2]).toEqual({ status: 'ERROR', message: expect.stringMatching(/^Line 2: Not processed: the participant enrollment of P10002 \(line 1\) failed/) });
    expect(lines[3]).toEqual({ status: 'ERROR', message: expect.stringMatching(/^Line 3: Not processed: the participant enrollment of P10002 \(line 1\) failed/) });
    expect(lines[4].status).toBe('COMPLETE');
    expect(await enrollmentsOf('P10002')).toEqual([]);
    expect(await lifeEventsOf('P10002')).toEqual([]);
  });

  it('when a participant has two life events listed newest first, then they are processed in date order and the history replays', async () => {
    await b.insert('History', [
      enrollment('P10004', { effectiveDate: '2021-06-01', lifeEvent: 'Marriage', lifeEventOccurredDate: '2021-06-01', optionName: 'Employee Plus Family', closeLifeEventDate: '2021-06-30' }),
      enrollment('P10004', { effectiveDate: '2020-03-01', lifeEventOccurredDate: '2020-03-01', rateAmount: 180 }),
    ]);
    const job = await b.process('History');
    expect(job).toMatchObject({ completed: 2, errors: 0 });
    expect(await enrollmentsOf('P10004')).toEqual([
      { plan: 'Medical', option: 'Employee Only', start: '2020-03-01', end: '2021-05-31', rate: '180', coverage: null },
      { plan: 'Medical', option: 'Employee Plus Family', start: '2021-06-01', end: '4712-12-31', rate: '550', coverage: null },
    ]);
    expect(await lifeEventsOf('P10004')).toEqual([
      { name: 'New Hire', occurred: '2020-03-01', status: 'CLOSED', closed: '2020-03-01' },
      { name: 'Marriage', occurred: '2021-06-01', status: 'CLOSED', closed: '2021-06-30' },
    ]);
  });

  it('when Close Life Event is Yes on every line of one life event, then every line is processed and the event closes once, after its last line, on its date', async () => {
    await b.insert('Every line closes', [
      enrollment('P10021', { closeLifeEventDate: '2020-01-31' }),
      enrollment('P10021', { planName: 'Dental', optionName: 'Basic', closeLifeEventDate: '2020-01-31' }),
      // A blank date on one of them is fine: the event closes on the date the others give.
      enrollment('P10021', { planName: 'Basic Life', optionName: '1x Salary' }),
      dependent('P10021', '1990-04-15', { closeLifeEvent: 'Yes' }),
    ]);
    const job = await b.process('Every line closes');
    expect(job).toMatchObject({ total: 4, completed: 4, errors: 0 });
    const lines = await results('Every line closes');
    expect([1, 2, 3, 4].map((id) => lines[id].status)).toEqual(['COMPLETE', 'COMPLETE', 'COMPLETE', 'COMPLETE']);
    expect([1, 2, 4].map((id) => lines[id].message.includes('Closed the life event'))).toEqual([false, false, false]);
    expect(lines[3].message).toMatch(/^Line 3: Enrolled P10021 in Basic Life, 1x Salary .* Closed the life event New Hire on 2020-01-31\.$/);
    expect((await enrollmentsOf('P10021')).map((e) => e.plan)).toEqual(['Basic Life', 'Dental', 'Medical']);
    expect(await lifeEventsOf('P10021')).toEqual([{ name: 'New Hire', occurred: '2020-01-01', status: 'CLOSED', closed: '2020-01-31' }]);
  });

  it('when the lines of one life event give different Close Life Event Dates, then all its lines fail naming each line and date, and other participants go on', async () => {
    await b.insert('Two close dates', [
      enrollment('P10022', { closeLifeEventDate: '2020-01-31' }),
      enrollment('P10022', { planName: 'Dental', optionName: 'Basic', closeLifeEventDate: '2020-02-15' }),
      dependent('P10022', '1991-04-15'),
      enrollment('P10023'),
    ]);
    const job = await b.process('Two close dates');
    expect(job).toMatchObject({ completed: 1, errors: 3 });
    const lines = await results('Two close dates');
    const reason =
      'The lines of the life event New Hire of 2020-01-01 give different Close Life Event Dates (line 1: 2020-01-31, line 2: 2020-02-15). ' +
      'A life event closes once: give all its lines the same Close Life Event Date (or leave it blank on all but one), then process the batch again.';
    expect(lines[1]).toEqual({ status: 'ERROR', message: `Line 1: ${reason}` });
    expect(lines[2]).toEqual({ status: 'ERROR', message: `Line 2: ${reason}` });
    // The designation belongs to the same life event: it fails with it.
    expect(lines[3]).toEqual({ status: 'ERROR', message: `Line 3: ${reason}` });
    expect(lines[4].status).toBe('COMPLETE');
    expect(await enrollmentsOf('P10022')).toEqual([]);
    expect(await lifeEventsOf('P10022')).toEqual([]);
  });

  it('when an earlier life event is still open, then the next one stops with a message to close it first', async () => {
    await b.insert('Open event', [
      enrollment('P10006', { closeLifeEvent: 'No' }),
      enrollment('P10006', { effectiveDate: '2022-01-01', lifeEvent: 'Marriage', lifeEventOccurredDate: '2022-01-01' }),
    ]);
    const job = await b.process('Open event');
    expect(job).toMatchObject({ completed: 1, errors: 1 });
    const lines = await results('Open event');
    expect(lines[1].status).toBe('COMPLETE');
    expect(lines[2]).toEqual({ status: 'ERROR', message: 'Line 2: The earlier life event New Hire of 2020-01-01 is still open for the Default relationship. Close it first (Close Life Event = Yes on its last line), then process this line again.' });
    expect(await lifeEventsOf('P10006')).toEqual([{ name: 'New Hire', occurred: '2020-01-01', status: 'STARTED', closed: null }]);
  });

  it('when the amounts are left blank, then the plan and option defaults fill them; a coverage amount on the line wins', async () => {
    await b.insert('Defaults', [enrollment('P10007', { planName: 'Basic Life', optionName: '2x Salary', coverageAmount: 75000, closeLifeEvent: 'No' }), enrollment('P10007', { planName: 'Dental', optionName: 'Premium' })]);
    await b.process('Defaults');
    expect(await enrollmentsOf('P10007')).toEqual([
      { plan: 'Basic Life', option: '2x Salary', start: '2020-01-01', end: '4712-12-31', rate: '24', coverage: '75000' },
      { plan: 'Dental', option: 'Premium', start: '2020-01-01', end: '4712-12-31', rate: '40', coverage: null },
    ]);
  });

  it('when primary or contingent beneficiary percentages do not total 100, then those lines fail naming every line of the group', async () => {
    await b.insert('Beneficiaries', [
      enrollment('P10008', { planName: 'Basic Life', optionName: '1x Salary' }),
      beneficiary('P10008', { dateOfBirth: '1977-04-15', primaryBeneficiaryPercentage: 60 }),
      beneficiary('P10008', { beneficiaryOrganization: 'Red Cross Foundation', primaryBeneficiaryPercentage: 30 }),
      beneficiary('P10008', { dateOfBirth: '2012-09-01', contingentBeneficiaryPercentage: 100 }),
      enrollment('P10009', { planName: 'Basic Life', optionName: '1x Salary' }),
      beneficiary('P10009', { dateOfBirth: '1978-04-15', primaryBeneficiaryPercentage: 33.33 }),
      beneficiary('P10009', { dateOfBirth: '2013-09-01', primaryBeneficiaryPercentage: 33.33 }),
      beneficiary('P10009', { beneficiaryOrganization: 'Smith Family Trust', primaryBeneficiaryPercentage: 33.34 }),
    ]);
    const job = await b.process('Beneficiaries');
    const lines = await results('Beneficiaries');
    const primary = 'Primary beneficiary percentages of P10008 for plan Basic Life and life event New Hire of 2020-01-01 total 90, not 100 (lines 2, 3). Correct them so they total 100.';
    expect(lines[2]).toEqual({ status: 'ERROR', message: `Line 2: ${primary}` });
    expect(lines[3]).toEqual({ status: 'ERROR', message: `Line 3: ${primary}` });
    expect([lines[1], lines[4], lines[5], lines[6], lines[7], lines[8]].map((l) => l.status)).toEqual(['COMPLETE', 'COMPLETE', 'COMPLETE', 'COMPLETE', 'COMPLETE', 'COMPLETE']);
    expect(job).toMatchObject({ completed: 6, errors: 2 });
  });

  it('when failed lines are fixed and the batch is processed again, then only the lines not COMPLETE run again', async () => {
    const [first, second] = await b.insert('Reprocess', [enrollment('P10011', { optionName: 'Employee Only' }), enrollment('P10012', { createPotentialLifeEvent: 'No' })]);
    const run1 = await b.process('Reprocess');
    expect(run1).toMatchObject({ total: 2, completed: 1, errors: 1 });
    const [fixed] = await b.send('Reprocess', [{ rowId: 1, op: 'update', key: second.key, version: second.version, values: enrollment('P10012', { createPotentialLifeEvent: 'Yes' }) }]);
    expect(fixed.values).toMatchObject({ rowBatchStatus: '', message: '' });
    const [refused] = await b.send('Reprocess', [{ rowId: 1, op: 'update', key: first.key, version: first.version, values: enrollment('P10011', { rateAmount: 1 }) }]);
    expect(refused.errors[0].message).toMatch(/Line 1 is already processed \(COMPLETE\)/);
    const run2 = await b.process('Reprocess');
    expect(run2).toMatchObject({ total: 1, done: 1, completed: 1, errors: 0 });
    expect(run2.jobId).not.toBe(run1.jobId);
    expect(await enrollmentsOf('P10011')).toHaveLength(1);
    expect(Object.values(await results('Reprocess')).map((l) => l.status)).toEqual(['COMPLETE', 'COMPLETE']);
    const run3 = await b.process('Reprocess');
    expect(run3).toMatchObject({ status: 'completed', total: 0, message: expect.stringMatching(/already COMPLETE/) });
  });

  it('when the batch was uploaded with Audit Log = Yes, then each line’s information and error messages are listed in its audit log', async () => {
    await b.insert('Audited', [enrollment('P10013'), enrollment('P10014', { lifeEvent: 'Marriage', createPotentialLifeEvent: 'No' })], true);
    await b.insert('Not audited', [enrollment('P10016')], false);
    await b.process('Audited');
    await b.process('Not audited');
    const log = (await h.get(`/api/workbooks/${KIND}/batches/Audited/audit-log`).expect(200)).body.entries as Array<{ lineId: number; level: string; message: string }>;
    expect(log.map((e) => [e.lineId, e.level])).toEqual([
      [1, 'INFORMATION'],
      [1, 'INFORMATION'],
      [2, 'ERROR'],
    ]);
    expect(log[0].message).toBe('Created the potential life event New Hire of 2020-01-01 and started it.');
    expect(log[2].message).toMatch(/^Line 2: P10014 has no potential life event Marriage/);
    expect((await h.get(`/api/workbooks/${KIND}/batches/Not audited/audit-log`).expect(200)).body.entries).toEqual([]);
    await h.get(`/api/workbooks/${KIND}/batches/Nobody/audit-log`).expect(404);
  });

  it('when a run is asked twice with one key, or while one is active, then there is one run; uploads wait until it ends', async () => {
    await b.insert('Once', [enrollment('P10017')]);
    const first = await b.start('Once', '5b0f3f5e-8a4e-4c56-9a52-3f1f0e3a9d11').expect(202);
    const retried = await b.start('Once', '5b0f3f5e-8a4e-4c56-9a52-3f1f0e3a9d11').expect(200);
    const other = await b.start('Once').expect(200);
    expect(retried.body.jobId).toBe(first.body.jobId);
    expect(other.body.jobId).toBe(first.body.jobId);
    const blocked = await h.post(`/api/workbooks/${KIND}/uploads`, { idempotencyKey: '0f0f3f5e-8a4e-4c56-9a52-3f1f0e3a9d11', batchName: 'Once', rows: [{ rowId: 1, op: 'insert', values: enrollment('P10018') }] }).expect(409);
    expect(blocked.body.error.message).toMatch(/is being processed/);
    const job = await b.process('Once');
    expect(job).toMatchObject({ jobId: first.body.jobId, status: 'completed', completed: 1 });
  });
});
