/** Backing out a batch's life event and deleting it once voided, over HTTP, on PGlite and PostgreSQL. */
import { sql } from 'kysely';
import { createHarness, type Harness } from '../../test-support/api-harness';
import { dialects } from '../../test-support/databases';
import { batchClient, beneficiary, dependent, enrollment, KIND } from './test-batches';

jest.setTimeout(60000);

describe.each(dialects)('Backing out life events on %s', (dialect) => {
  let h: Harness;
  let b: ReturnType<typeof batchClient>;
  beforeAll(async () => {
    h = await createHarness(dialect);
    b = batchClient(h);
  });
  afterAll(() => h.close());

  const path = (batch: string, lineId: number) => `/api/workbooks/${KIND}/batches/${encodeURIComponent(batch)}/lines/${lineId}/life-event`;
  const backOut = (batch: string, lineId: number) => h.post(`${path(batch, lineId)}/back-out`, {});
  const results = async (batch: string) => (await b.lines(batch)).map((l) => ({ id: l.values.batchLineId, status: l.values.rowBatchStatus, message: l.values.message as string }));
  const enrollmentsOf = async (personNumber: string) =>
    (
      await sql<{ plan: string; option: string | null; start: string; end: string }>`
        select pl.name as plan, o.name as option, e.effective_start_date as start, e.effective_end_date as "end"
        from benefit_enrollments e join persons p on p.id = e.person_id join benefit_plans pl on pl.id = e.plan_id left join benefit_options o on o.id = e.option_id
        where p.person_number = ${personNumber} order by pl.name, e.effective_start_date`.execute(h.database.db)
    ).rows;
  const designationsOf = async (personNumber: string) =>
    (
      await sql<{ kind: string; line: string }>`
        select 'dependent' as kind, d.batch_line_key as line from dependent_designations d join benefit_enrollments e on e.id = d.enrollment_id join persons p on p.id = e.person_id where p.person_number = ${personNumber}
        union all
        select 'beneficiary', d.batch_line_key from beneficiary_designations d join benefit_enrollments e on e.id = d.enrollment_id join persons p on p.id = e.person_id where p.person_number = ${personNumber}`.execute(h.database.db)
    ).rows;
  const lifeEventsOf = async (personNumber: string) =>
    (
      await sql<{ name: string; status: string }>`
        select t.name, e.status from potential_life_events e join persons p on p.id = e.person_id join life_event_types t on t.id = e.life_event_type_id
        where p.person_number = ${personNumber} order by e.occurred_date`.execute(h.database.db)
    ).rows;
  const marriage = { effectiveDate: '2021-06-01', lifeEvent: 'Marriage', lifeEventOccurredDate: '2021-06-01' };

  it('when a life event processed in error is backed out, then its enrollments and designations are undone, the enrollment it ended is open again, it is Voided and its lines BACKED OUT', async () => {
    const [hire] = await b.insert('Hire', [enrollment('P10001', { effectiveDate: '2020-03-01', lifeEventOccurredDate: '2020-03-01' }), dependent('P10001', '1970-04-15', { effectiveDate: '2020-03-01', lifeEventOccurredDate: '2020-03-01' })]);
    await b.process('Hire');
    await b.insert(
      'Marriage in error',
      [
        enrollment('P10001', { ...marriage, optionName: 'Employee Plus Family' }),
        dependent('P10001', '2005-09-01', marriage),
        enrollment('P10001', { ...marriage, planName: 'Basic Life', optionName: '1x Salary' }),
        beneficiary('P10001', { ...marriage, dateOfBirth: '1970-04-15', primaryBeneficiaryPercentage: 100 }),
      ],
      true,
    );
    expect(await b.process('Marriage in error')).toMatchObject({ completed: 4, errors: 0 });
    expect((await enrollmentsOf('P10001')).find((e) => e.plan === 'Medical')).toMatchObject({ start: '2020-03-01', end: '2021-05-31' });

    const before = (await h.get(path('Marriage in error', 3)).expect(200)).body;
    expect(before).toMatchObject({ personNumber: 'P10001', lifeEvent: 'Marriage', occurredDate: '2021-06-01', status: 'CLOSED', lineIds: [1, 2, 3, 4], enrollments: 2, dependentDesignations: 1, beneficiaryDesignations: 1 });

    const res = await backOut('Marriage in error', 2).expect(200);
    expect(res.body).toMatchObject({
      alreadyBackedOut: false,
      removed: { enrollments: 2, dependentDesignations: 1, beneficiaryDesignations: 1 },
      restoredEnrollments: 1,
      backedOutLines: [1, 2, 3, 4].map((lineId) => ({ batchName: 'Marriage in error', lineId })),
      lifeEvent: { status: 'VOIDED', enrollments: 0, dependentDesignations: 0, beneficiaryDesignations: 0, voidedAt: expect.any(String) },
    });
    expect(res.body.message).toMatch(/^Backed out the life event Marriage of 2021-06-01 for P10001 \(Default relationship\): removed 2 enrollments, 1 dependent designation and 1 beneficiary designation; 1 earlier enrollment it had ended is in effect again\./);
    expect(await enrollmentsOf('P10001')).toEqual([{ plan: 'Medical', option: 'Employee Only', start: '2020-03-01', end: '4712-12-31' }]);
    // The new hire's own dependent designation stays.
    expect(await designationsOf('P10001')).toEqual([{ kind: 'dependent', line: expect.any(String) }]);
    expect(await lifeEventsOf('P10001')).toEqual([
      { name: 'New Hire', status: 'CLOSED' },
      { name: 'Marriage', status: 'VOIDED' },
    ]);
    const lines = await results('Marriage in error');
    expect(lines.map((l) => l.status)).toEqual(['BACKED OUT', 'BACKED OUT', 'BACKED OUT', 'BACKED OUT']);
    expect(lines[0].message).toMatch(/^Line 1: Backed out on \d{4}-\d{2}-\d{2}: the life event Marriage of 2021-06-01 for P10001 \(Default relationship\) was voided and what its lines created was undone\. To process this line again, delete the voided life event, then change the line and upload it\.$/);
    expect((await results('Hire')).map((l) => l.status)).toEqual(['COMPLETE', 'COMPLETE']);
    expect(hire.status).toBe('Inserted');
    const log = (await h.get(`/api/workbooks/${KIND}/batches/Marriage in error/audit-log`).expect(200)).body.entries as Array<{ lineId: number; jobId: number | null; message: string }>;
    expect(log.filter((e) => e.jobId === null).map((e) => [e.lineId, e.message.slice(0, 22)])).toEqual([1, 2, 3, 4].map((id) => [id, `Line ${id}: Backed out on `]));
    // A backed-out line waits for a change: processing again runs nothing.
    expect(await b.process('Marriage in error')).toMatchObject({ total: 0, message: expect.stringMatching(/already COMPLETE or BACKED OUT.*change it and upload it \(lines 1, 2, 3, 4\)/) });
  });

  it('when a life event is backed out a second time, then the answer says it already was and nothing changes', async () => {
    await b.insert('Twice', [enrollment('P10002')]);
    await b.process('Twice');
    expect((await backOut('Twice', 1).expect(200)).body.alreadyBackedOut).toBe(false);
    const again = (await backOut('Twice', 1).expect(200)).body;
    expect(again).toMatchObject({ alreadyBackedOut: true, removed: { enrollments: 0, dependentDesignations: 0, beneficiaryDesignations: 0 }, backedOutLines: [], lifeEvent: { status: 'VOIDED' } });
    expect(again.message).toMatch(/^The life event New Hire of 2020-01-01 for P10002 \(Default relationship\) was already backed out on \d{4}-\d{2}-\d{2}; there is nothing more to undo\./);
    expect((await results('Twice'))[0].status).toBe('BACKED OUT');
  });

  it('when a voided life event is deleted, then it is gone and its corrected line creates it anew; one that is not voided cannot be deleted', async () => {
    const [line] = await b.insert('Redo', [enrollment('P10003')]);
    await b.insert('Kept', [enrollment('P10004')]);
    await b.process('Redo');
    await b.process('Kept');
    const refused = await h.delete(path('Kept', 1)).expect(409);
    expect(refused.body.error.message).toBe('The life event New Hire of 2020-01-01 for P10004 (Default relationship) is closed, not voided: only a voided potential life event can be deleted. Back it out first.');
    await backOut('Redo', 1).expect(200);
    // Changed and uploaded, the line runs again, but a voided life event is not processed again until it is deleted.
    const downloaded = await b.line('Redo', 1);
    const [changed] = await b.send('Redo', [{ rowId: 1, op: 'update', key: line.key, version: downloaded.version, values: enrollment('P10003', { optionName: 'Employee Plus Family' }) }]);
    expect(changed.status).toBe('Updated');
    expect(await b.process('Redo')).toMatchObject({ total: 1, errors: 1 });
    expect((await results('Redo'))[0].message).toBe(
      'Line 1: The life event New Hire of 2020-01-01 of P10003 was backed out and is voided. Delete the voided life event (Back out life event… on this line), then process this line again.',
    );
    const deleted = (await h.delete(path('Redo', 1)).expect(200)).body;
    expect(deleted.lifeEvent).toMatchObject({ status: null, enrollments: 0 });
    expect(deleted.message).toMatch(/^Deleted the voided potential life event New Hire of 2020-01-01 for P10003/);
    expect(await lifeEventsOf('P10003')).toEqual([]);
    expect((await h.delete(path('Redo', 1)).expect(404)).body.error.message).toMatch(/There is no potential life event New Hire of 2020-01-01 for P10003/);
    expect(await b.process('Redo')).toMatchObject({ total: 1, completed: 1 });
    expect(await lifeEventsOf('P10003')).toEqual([{ name: 'New Hire', status: 'CLOSED' }]);
    expect(await enrollmentsOf('P10003')).toEqual([{ plan: 'Medical', option: 'Employee Plus Family', start: '2020-01-01', end: '4712-12-31' }]);
  });

  it('when a later life event of the participant is not backed out, then backing out the earlier one is refused, naming the later one', async () => {
    await b.insert('Two events', [enrollment('P10006'), enrollment('P10006', { ...marriage, optionName: 'Employee Plus Family' })]);
    await b.process('Two events');
    const refused = await backOut('Two events', 1).expect(409);
    expect(refused.body.error.message).toBe('P10006 has a later life event, Marriage of 2021-06-01 (closed), for the Default relationship. Back out that life event first, then this one.');
    expect(await lifeEventsOf('P10006')).toEqual([
      { name: 'New Hire', status: 'CLOSED' },
      { name: 'Marriage', status: 'CLOSED' },
    ]);
    await backOut('Two events', 2).expect(200);
    await backOut('Two events', 1).expect(200);
    expect(await enrollmentsOf('P10006')).toEqual([]);
  });

  it('when a run of the batch is going, then a back-out or a deletion is refused with 409 until it ends', async () => {
    await b.insert('Running', [enrollment('P10007')]);
    await b.process('Running');
    await b.insert('Running', [enrollment('P10008')]);
    await b.start('Running').expect(202);
    expect((await backOut('Running', 1).expect(409)).body.error.message).toBe('The batch "Running" is being processed. Wait until processing ends, then back out the life event again.');
    await h.delete(path('Running', 1)).expect(409);
    expect(await lifeEventsOf('P10007')).toEqual([{ name: 'New Hire', status: 'CLOSED' }]);
    await b.process('Running');
    await backOut('Running', 1).expect(200);
  });

  it('when the batch, the line or its life event does not exist, then the answer is 404 saying which', async () => {
    await b.insert('Unprocessed', [enrollment('P10009')]);
    expect((await backOut('Nobody', 1).expect(404)).body.error.message).toBe('There is no batch called "Nobody".');
    expect((await backOut('Unprocessed', 9).expect(404)).body.error.message).toMatch(/The batch "Unprocessed" has no line 9/);
    expect((await backOut('Unprocessed', 1).expect(404)).body.error.message).toMatch(/There is no potential life event New Hire of 2020-01-01 for P10009 \(Default relationship\): line 1 was not processed/);
    expect((await h.get(path('Unprocessed', 1)).expect(200)).body).toMatchObject({ status: null, lineIds: [1], enrollments: 0 });
    await h.get(path('Unprocessed', 0)).expect(400);
    await h.post(`/api/workbooks/person-benefit-groups/batches/x/lines/1/life-event/back-out`, {}).expect(404);
  });
});
