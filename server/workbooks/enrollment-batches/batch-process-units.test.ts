/**
 * The process works on groups of participants: one transaction per group, a keyset (the last participant of the
 * unit finished) to find the next group, the reference data read again only when it changed, and the group's writes
 * together, falling back to one line at a time only for what the database refuses.
 */
import { sql } from 'kysely';
import { createJobRunner } from '../../engine/batch-jobs';
import { batchKinds } from '../../engine/registry';
import { createHarness, type Harness } from '../../test-support/api-harness';
import { dialects } from '../../test-support/databases';
import { batchClient, beneficiary, dependent, enrollment } from './test-batches';

jest.setTimeout(60000);

describe.each(dialects)('Upload Benefit Enrollments process by groups on %s', (dialect) => {
  let h: Harness;
  let b: ReturnType<typeof batchClient>;
  beforeAll(async () => {
    h = await createHarness(dialect);
    b = batchClient(h);
  });
  afterAll(() => h.close());

  const statuses = async (batch: string) => Object.fromEntries((await b.lines(batch)).map((l) => [l.values.batchLineId as number, l.values.rowBatchStatus]));
  const messages = async (batch: string) => Object.fromEntries((await b.lines(batch)).map((l) => [l.values.batchLineId as number, l.values.message as string]));
  const lastUnit = async (jobId: number) => (await h.database.db.selectFrom('batch_jobs').select('last_unit').where('id', '=', jobId).executeTakeFirstOrThrow()).last_unit;

  it('when a run of groups stops after a unit, then the next instance resumes after that unit’s last participant and every line runs once', async () => {
    const dental = { effectiveDate: '2024-01-01', lifeEventOccurredDate: '2024-01-01', lifeEvent: 'Open Enrollment', planName: 'Dental', optionName: 'Basic' };
    // Listed out of person-number order: units follow person numbers, two participants each, whatever their lines.
    await b.insert('Keyset', [
      enrollment('P10004', dental),
      enrollment('P10001', dental),
      dependent('P10001', '1970-04-15', { ...dental, optionName: null }),
      enrollment('P10003', dental),
      enrollment('P10002', dental),
      enrollment('P10006', dental),
    ]);
    const { jobId } = (await b.start('Keyset').expect(202)).body;
    const crashed = createJobRunner(h.database.db, batchKinds, { instanceId: 'crashed', unitSize: 2, leaseMs: 60000 });
    await crashed.runUnits(1);
    expect(await b.job('Keyset', jobId)).toMatchObject({ status: 'running', done: 3, completed: 3 });
    expect(await lastUnit(jobId)).toBe('P10002');
    expect(await statuses('Keyset')).toEqual({ 1: '', 2: 'COMPLETE', 3: 'COMPLETE', 4: '', 5: 'COMPLETE', 6: '' });

    await h.database.db.updateTable('batch_jobs').set({ lease_expires_at: sql`now() - interval '1 second'` }).where('id', '=', jobId).execute();
    const units: number[] = [];
    const restarted = createJobRunner(h.database.db, batchKinds, { instanceId: 'restarted', unitSize: 2, onUnitDone: (_, outcome) => units.push(outcome.done) });
    await restarted.runUnits(1);
    expect(await lastUnit(jobId)).toBe('P10004');
    expect(await statuses('Keyset')).toEqual({ 1: 'COMPLETE', 2: 'COMPLETE', 3: 'COMPLETE', 4: 'COMPLETE', 5: 'COMPLETE', 6: '' });
    await restarted.drain();
    expect(units).toEqual([2, 1]);
    expect(await b.job('Keyset', jobId)).toMatchObject({ status: 'completed', total: 6, done: 6, completed: 6, errors: 0 });
    const enrollments = await sql<{ n: string }>`
      select count(*) as n from benefit_enrollments e join enrollment_batch_lines l on l.key = e.batch_line_key
      join enrollment_batches b on b.id = l.batch_id where b.name = 'Keyset'`.execute(h.database.db);
    expect(Number(enrollments.rows[0].n)).toBe(5);
  });

  it('when a line before the run’s keyset is made runnable again mid-run, then the run does not go back for it', async () => {
    const basic = { effectiveDate: '2024-02-01', lifeEventOccurredDate: '2024-02-01', lifeEvent: 'Marriage', planName: 'Basic Life', optionName: '1x Salary' };
    await b.insert('No going back', [enrollment('P10007', basic), enrollment('P10008', basic)]);
    const { jobId } = (await b.start('No going back').expect(202)).body;
    const runner = createJobRunner(h.database.db, batchKinds, { instanceId: 'keyset', unitSize: 1 });
    await runner.runUnits(1);
    // Only the keyset keeps the run from P10007 now: its line looks unprocessed again.
    await sql`update enrollment_batch_lines set status = 'NEW', processed_by_job = null where person_number = 'P10007' and batch_id = (select batch_id from batch_jobs where id = ${jobId})`.execute(h.database.db);
    await runner.drain();
    expect(await b.job('No going back', jobId)).toMatchObject({ status: 'completed', done: 2 });
    expect(await statuses('No going back')).toEqual({ 1: '', 2: 'COMPLETE' });
  });

  it('when one participant of a group fails, then the other participants of that group complete', async () => {
    await b.insert('One fails', [
      enrollment('P10009', { effectiveDate: '2024-03-01', lifeEventOccurredDate: '2024-03-01', lifeEvent: 'Birth of a Child' }),
      enrollment('P10011', { effectiveDate: '2024-03-01', lifeEventOccurredDate: '2024-03-01', lifeEvent: 'Birth of a Child', createPotentialLifeEvent: 'No' }),
      enrollment('P10012', { effectiveDate: '2024-03-01', lifeEventOccurredDate: '2024-03-01', lifeEvent: 'Birth of a Child' }),
    ]);
    const units: number[] = [];
    const job = await b.process('One fails', createJobRunner(h.database.db, batchKinds, { onUnitDone: (_, outcome) => units.push(outcome.done) }));
    expect(units).toEqual([3]);
    expect(job).toMatchObject({ completed: 2, errors: 1 });
    expect(await statuses('One fails')).toEqual({ 1: 'COMPLETE', 2: 'ERROR', 3: 'COMPLETE' });
  });

  it('when the database refuses one line of a group, then that line alone fails in plain words and the rest of the group is saved', async () => {
    // A rule only the database knows: the unit's writes together are refused, then each line's alone.
    await sql`alter table beneficiary_designations add constraint test_no_amount_13 check (amount <> 13)`.execute(h.database.db);
    try {
      await b.insert('Refused', [
        enrollment('P10024', { planName: 'Basic Life', optionName: '1x Salary' }),
        beneficiary('P10024', { beneficiaryOrganization: 'Red Cross Foundation', beneficiaryAmount: 13 }),
        beneficiary('P10024', { beneficiaryOrganization: 'Smith Family Trust', beneficiaryAmount: 500 }),
        enrollment('P10026', { planName: 'Dental', optionName: 'Basic' }),
      ]);
      const job = await b.process('Refused');
      expect(job).toMatchObject({ total: 4, completed: 3, errors: 1 });
    } finally {
      await sql`alter table beneficiary_designations drop constraint test_no_amount_13`.execute(h.database.db);
    }
    expect(await statuses('Refused')).toEqual({ 1: 'COMPLETE', 2: 'ERROR', 3: 'COMPLETE', 4: 'COMPLETE' });
    expect((await messages('Refused'))[2]).toBe('Line 2: The server could not process this line. Check its values and process the batch again; if it still fails, contact support.');
    const saved = await sql<{ person_number: string; what: string }>`
      select p.person_number, pl.name as what from benefit_enrollments e join persons p on p.id = e.person_id join benefit_plans pl on pl.id = e.plan_id
      where p.person_number in ('P10024', 'P10026')
      union all
      select p.person_number, o.name from beneficiary_designations d join benefit_enrollments e on e.id = d.enrollment_id
      join persons p on p.id = e.person_id join beneficiary_organizations o on o.id = d.organization_id where p.person_number = 'P10024'
      order by 1, 2`.execute(h.database.db);
    expect(saved.rows).toEqual([
      { person_number: 'P10024', what: 'Basic Life' },
      { person_number: 'P10024', what: 'Smith Family Trust' },
      { person_number: 'P10026', what: 'Dental' },
    ]);
  });

  it('when reference data changes between runs, then the next run sees the change', async () => {
    const dated = { effectiveDate: '2025-01-01', lifeEventOccurredDate: '2025-01-01', lifeEvent: 'Open Enrollment', planName: 'Basic Life', optionName: '2x Salary' };
    await b.insert('Before the change', [enrollment('P10027', dated)]);
    await b.insert('After the change', [enrollment('P10028', dated)]);
    expect(await b.process('Before the change')).toMatchObject({ completed: 1 });
    await sql`update benefit_options set end_date = '2024-12-31' where name = '2x Salary'`.execute(h.database.db);
    try {
      expect(await b.process('After the change')).toMatchObject({ completed: 0, errors: 1 });
    } finally {
      await sql`update benefit_options set end_date = '4712-12-31' where name = '2x Salary'`.execute(h.database.db);
    }
    expect((await messages('After the change'))[1]).toBe('Line 1: The option "2x Salary" is no longer valid on 2025-01-01 (it ended on 2024-12-31).');
  });
});
