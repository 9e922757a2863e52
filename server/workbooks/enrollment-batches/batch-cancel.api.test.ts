/**
 * Cancel on Process batch, and batch-line conflicts with the server's current line (issue 10), over HTTP on both
 * databases: a cancelled run stops after the unit in flight, leaves the lines it did not reach untouched, ends as
 * cancelled, and a new run finishes them.
 */
import { createJobRunner } from '../../engine/batch-jobs';
import { batchKinds } from '../../engine/registry';
import { createHarness, type Harness } from '../../test-support/api-harness';
import { dialects } from '../../test-support/databases';
import { batchClient, enrollment, KIND } from './test-batches';

jest.setTimeout(180000);

describe.each(dialects)('cancelling a batch run on %s', (dialect) => {
  let h: Harness;
  let b: ReturnType<typeof batchClient>;
  const cancel = (batchName: string, jobId: number) => h.post(`/api/workbooks/${KIND}/batches/${encodeURIComponent(batchName)}/jobs/${jobId}/cancel`, {});
  beforeAll(async () => {
    h = await createHarness(dialect, 12);
    b = batchClient(h);
  });
  afterAll(() => h.close());

  it('when a running run is cancelled, then it ends as cancelled after the unit in flight, unreached lines stay as they were, and a new run finishes them', async () => {
    const people = ['P10001', 'P10002', 'P10003', 'P10004'];
    await b.insert('Cancelled', people.map((p) => enrollment(p)));
    const started = (await b.start('Cancelled').expect(202)).body as { jobId: number };
    // One participant per unit: the runner finishes one unit, as if Cancel came while the second was in flight.
    const runner = createJobRunner(h.database.db, batchKinds, { unitSize: 1 });
    await runner.runUnits(1);
    const asked = (await cancel('Cancelled', started.jobId).expect(200)).body;
    expect(asked).toMatchObject({ status: 'running', done: 1 });
    await runner.drain();

    const job = await b.job('Cancelled', started.jobId);
    expect(job).toMatchObject({ status: 'cancelled', done: 1, completed: 1, total: 4 });
    expect(job.message).toMatch(/^Cancelled by demo after 1 of 4 lines\. The lines not reached are as they were/);
    const after = await b.lines('Cancelled');
    expect(after.map((l) => [l.values.personNumber, l.values.rowBatchStatus, l.version])).toEqual([
      ['P10001', 'COMPLETE', 1],
      ['P10002', '', 1],
      ['P10003', '', 1],
      ['P10004', '', 1],
    ]);
    const enrolled = await h.database.db.selectFrom('benefit_enrollments').innerJoin('persons', 'persons.id', 'benefit_enrollments.person_id').select('persons.person_number').execute();
    expect(enrolled.map((e) => e.person_number)).toEqual(['P10001']);
    // A cancel resent after the run ended answers the run as it is.
    expect((await cancel('Cancelled', started.jobId).expect(200)).body).toMatchObject({ status: 'cancelled', done: 1 });

    const again = await b.process('Cancelled');
    expect(again).toMatchObject({ status: 'completed', total: 3, completed: 3, errors: 0 });
    expect((await b.lines('Cancelled')).map((l) => l.values.rowBatchStatus)).toEqual(['COMPLETE', 'COMPLETE', 'COMPLETE', 'COMPLETE']);
  });

  it('when a queued run is cancelled, then it ends at once, and an unknown run is 404', async () => {
    await b.insert('Queued', [enrollment('P10006')]);
    const started = (await b.start('Queued').expect(202)).body as { jobId: number };
    expect((await cancel('Queued', started.jobId).expect(200)).body).toMatchObject({ status: 'cancelled', done: 0 });
    expect((await b.lines('Queued'))[0].values.rowBatchStatus).toBe('');
    await cancel('Queued', 999999).expect(404);
    await cancel('Cancelled', started.jobId).expect(404); // a run of another batch
  });

  it('when a line was changed or deleted by someone else since download, then its Conflict carries the line as the server holds it now', async () => {
    await b.insert('Conflicts', [enrollment('P10007'), enrollment('P10008')]);
    const [first, second] = await b.lines('Conflicts');
    const [theirs] = await b.send('Conflicts', [{ rowId: 1, op: 'update', key: first.key, version: first.version, values: { ...first.values, rateAmount: 250 } }]);
    expect(theirs.status).toBe('Updated');
    await b.send('Conflicts', [{ rowId: 2, op: 'delete', key: second.key, version: second.version, values: {} }]);

    const results = await b.send('Conflicts', [
      { rowId: 5, op: 'update', key: first.key, version: first.version, values: { ...first.values, rateAmount: 300 } },
      { rowId: 6, op: 'update', key: second.key, version: second.version, values: { ...second.values, rateAmount: 300 } },
    ]);
    expect(results[0]).toMatchObject({ rowId: 5, status: 'Conflict', current: { key: first.key, version: first.version + 1, values: expect.objectContaining({ personNumber: 'P10007', rateAmount: 250 }) } });
    expect(results[1]).toMatchObject({ rowId: 6, status: 'Conflict', current: null });
    expect((await b.lines('Conflicts'))[0].values.rateAmount).toBe(250);
  });
});
