/**
 * Batch runs live in PostgreSQL: a server that stops mid-run leaves a lease that expires, another instance (or the
 * restarted server) resumes from the last finished participant, no line runs twice, and two instances never
 * process one batch at the same time.
 */
import { sql } from 'kysely';
import { createHarness, type Harness } from '../test-support/api-harness';
import { dialects } from '../test-support/databases';
import { batchClient, enrollment } from '../workbooks/enrollment-batches/test-batches';
import { createJobRunner } from './batch-jobs';
import { batchKinds } from './registry';

jest.setTimeout(60000);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const PARTICIPANTS = ['P10001', 'P10002', 'P10003', 'P10004', 'P10006', 'P10007'];
// These runs count one participant per unit; the groups a unit takes by default are tested below.

describe.each(dialects)('Batch runs on %s', (dialect) => {
  let h: Harness;
  let b: ReturnType<typeof batchClient>;
  beforeAll(async () => {
    h = await createHarness(dialect);
    b = batchClient(h);
  });
  afterAll(() => h.close());

  const linesRunBy = async (batch: string) =>
    (
      await sql<{ line_id: number; status: string; processed_by_job: number | null; enrollments: string }>`
        select l.line_id, l.status, l.processed_by_job, (select count(*) from benefit_enrollments e where e.batch_line_key = l.key) as enrollments
        from enrollment_batch_lines l join enrollment_batches b on b.id = l.batch_id where b.name = ${batch} order by l.line_id`.execute(h.database.db)
    ).rows;

  it('when the server stops in the middle of a run, then after its lease expires another instance resumes it and no line runs twice', async () => {
    await b.insert('Restart', PARTICIPANTS.map((p) => enrollment(p)));
    const { jobId } = (await b.start('Restart').expect(202)).body;
    // A long lease, expired below by moving its end into the past: no timing in the test.
    const crashed = createJobRunner(h.database.db, batchKinds, { instanceId: 'crashed', unitSize: 1, leaseMs: 60000 });
    expect(await crashed.runUnits(2)).toBe(jobId);
    expect(await b.job('Restart', jobId)).toMatchObject({ status: 'running', done: 2, total: 6 });
    expect((await linesRunBy('Restart')).filter((l) => l.status === 'COMPLETE')).toHaveLength(2);

    const restarted = createJobRunner(h.database.db, batchKinds, { instanceId: 'restarted', unitSize: 1, leaseMs: 400 });
    // The lease still holds: the new instance leaves the run alone.
    expect(await restarted.runUnits(10)).toBeUndefined();
    expect(await b.job('Restart', jobId)).toMatchObject({ done: 2 });
    await h.database.db.updateTable('batch_jobs').set({ lease_expires_at: sql`now() - interval '1 second'` }).where('id', '=', jobId).execute();
    await restarted.drain();
    expect(await b.job('Restart', jobId)).toMatchObject({ status: 'completed', total: 6, done: 6, completed: 6, errors: 0 });
    const lines = await linesRunBy('Restart');
    expect(lines.map((l) => [l.status, Number(l.enrollments), l.processed_by_job])).toEqual(PARTICIPANTS.map(() => ['COMPLETE', 1, jobId]));
    const owner = await h.database.db.selectFrom('batch_jobs').select('claimed_by').where('id', '=', jobId).executeTakeFirstOrThrow();
    expect(owner.claimed_by).toBe('restarted');
  });

  it('when the instance that lost its lease wakes up, then it stops instead of processing the batch alongside the new owner', async () => {
    await b.insert('Lease', PARTICIPANTS.map((p) => enrollment(p, { effectiveDate: '2021-01-01', lifeEventOccurredDate: '2021-01-01', planName: 'Dental', optionName: 'Basic' })));
    const { jobId } = (await b.start('Lease').expect(202)).body;
    const slow = createJobRunner(h.database.db, batchKinds, { instanceId: 'slow', unitSize: 1, leaseMs: 200 });
    await slow.runUnits(1);
    await sleep(300);
    const fast = createJobRunner(h.database.db, batchKinds, { instanceId: 'fast', unitSize: 1, leaseMs: 60000 });
    expect(await fast.runUnits(1)).toBe(jobId);
    // The slow instance goes on with the job it believes it holds: its next unit sees the lease is no longer its own.
    await slow.runUnits(10);
    expect(await b.job('Lease', jobId)).toMatchObject({ status: 'running', done: 2 });
    const { claimed_by } = await h.database.db.selectFrom('batch_jobs').select('claimed_by').where('id', '=', jobId).executeTakeFirstOrThrow();
    expect(claimed_by).toBe('fast');
    await fast.drain();
    expect(await b.job('Lease', jobId)).toMatchObject({ status: 'completed', done: 6, completed: 6 });
    expect((await linesRunBy('Lease')).map((l) => Number(l.enrollments))).toEqual(PARTICIPANTS.map(() => 1));
  });

  it('when two instances drain at once, then each batch is processed by one of them and every line exactly once', async () => {
    await b.insert('Two A', PARTICIPANTS.slice(0, 3).map((p) => enrollment(p, { effectiveDate: '2022-01-01', lifeEventOccurredDate: '2022-01-01', planName: 'Basic Life', optionName: '1x Salary' })));
    await b.insert('Two B', PARTICIPANTS.slice(3).map((p) => enrollment(p, { effectiveDate: '2022-01-01', lifeEventOccurredDate: '2022-01-01', planName: 'Basic Life', optionName: '1x Salary' })));
    const a = (await b.start('Two A').expect(202)).body.jobId;
    const c = (await b.start('Two B').expect(202)).body.jobId;
    const one = createJobRunner(h.database.db, batchKinds, { instanceId: 'one' });
    const two = createJobRunner(h.database.db, batchKinds, { instanceId: 'two' });
    await Promise.all([one.drain(), two.drain()]);
    for (const [batch, jobId] of [['Two A', a], ['Two B', c]] as const) {
      expect(await b.job(batch, jobId)).toMatchObject({ status: 'completed', done: 3, completed: 3, errors: 0 });
      expect((await linesRunBy(batch)).map((l) => Number(l.enrollments))).toEqual([1, 1, 1]);
    }
  });

  it('when a unit fails unexpectedly, then the run is marked failed with a message, finished lines keep their results, and a new run continues', async () => {
    await b.insert('Broken', PARTICIPANTS.slice(0, 2).map((p) => enrollment(p, { effectiveDate: '2023-01-01', lifeEventOccurredDate: '2023-01-01', lifeEvent: 'Open Enrollment', planName: 'Dental', optionName: 'Premium' })));
    const { jobId } = (await b.start('Broken').expect(202)).body;
    const errors: unknown[] = [];
    const runner = createJobRunner(h.database.db, batchKinds, { instanceId: 'broken', unitSize: 1, onError: (e) => errors.push(e) });
    await runner.runUnits(1);
    // The audit log table disappears under the run (a fault the process cannot work around).
    await sql`alter table enrollment_audit_log rename to enrollment_audit_log_away`.execute(h.database.db);
    await sql`update enrollment_batches set audit_log = true where name = 'Broken'`.execute(h.database.db);
    try {
      await runner.drain();
    } finally {
      await sql`alter table enrollment_audit_log_away rename to enrollment_audit_log`.execute(h.database.db);
    }
    expect(errors).toHaveLength(1);
    const failed = await b.job('Broken', jobId);
    expect(failed).toMatchObject({ status: 'failed', done: 1, message: expect.stringMatching(/^The batch process stopped: .*process the batch again to continue\.$/) });
    expect(failed.message).not.toMatch(/enrollment_audit_log|relation/);
    const again = await b.process('Broken');
    expect(again).toMatchObject({ status: 'completed', total: 1, completed: 1 });
    expect((await linesRunBy('Broken')).map((l) => Number(l.enrollments))).toEqual([1, 1]);
  });
});
