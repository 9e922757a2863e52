/** Benefit enrollment batches over HTTP: the sheet's lists, upload of lines with their row checks, download, changes. */
import { randomUUID } from 'node:crypto';
import { createHarness, type Harness } from '../../test-support/api-harness';
import { dialects } from '../../test-support/databases';
import { batchClient, beneficiary, dependent, enrollment, KIND, SPOUSE_OF_P10001 } from './test-batches';

jest.setTimeout(60000);

describe.each(dialects)('Benefit enrollment batches on %s', (dialect) => {
  let h: Harness;
  let b: ReturnType<typeof batchClient>;
  beforeAll(async () => {
    h = await createHarness(dialect);
    b = batchClient(h);
  });
  afterAll(() => h.close());

  const errorsOf = (result: { errors: Array<{ column?: string; message: string }> }) => result.errors.map((e) => `${e.column}: ${e.message}`).join('\n');

  it('when the workbook is prepared without a batch name, then there are no lines but every dropdown list', async () => {
    const res = await h.get(`/api/workbooks/${KIND}/rows`).expect(200);
    expect(res.body).toMatchObject({ rows: [], total: 0, batchExists: false });
    expect(res.body.lists.enrollmentTypes).toEqual(['Participant Enrollment', 'Dependent Designation', 'Beneficiary Designation']);
    expect(res.body.lists.yesNo).toEqual(['Yes', 'No']);
    expect(res.body.lists.plans).toEqual(expect.arrayContaining(['Medical', 'Dental', 'Basic Life']));
    expect(res.body.lists.lifeEvents).toContain('Marriage');
    expect(res.body.lists.benefitRelationships).toContain('Default');
  });

  it('when lines are uploaded to a new batch name, then the batch is created and the lines numbered, and download brings them back', async () => {
    const results = await b.insert('New batch', [enrollment('P10001'), dependent('P10001', SPOUSE_OF_P10001)]);
    expect(results.map((r) => r.status)).toEqual(['Inserted', 'Inserted']);
    expect(results[0].values).toMatchObject({ batchLineId: 1, rowBatchStatus: '', message: '', lineKey: results[0].key, planName: 'Medical', closeLifeEvent: 'Yes' });
    const more = await b.insert('New batch', [enrollment('P10002')]);
    expect(more[0].values?.batchLineId).toBe(3);
    const lines = await b.lines('New batch');
    expect(lines.map((l) => l.values.batchLineId)).toEqual([1, 2, 3]);
    expect(lines[1].values).toMatchObject({ enrollmentType: 'Dependent Designation', dateOfBirth: SPOUSE_OF_P10001, effectiveDate: '2020-01-01' });
    const other = await h.get(`/api/workbooks/${KIND}/rows`, { batchName: 'No such batch' }).expect(200);
    expect(other.body).toMatchObject({ batchExists: false, rows: [] });
  });

  it('when a line misses required columns, then only that row fails, naming each column, and the others are stored', async () => {
    const results = await b.insert('Required', [enrollment('P10001'), { enrollmentType: 'Participant Enrollment', planName: 'Medical', optionName: 'Employee Only' }]);
    expect(results[0].status).toBe('Inserted');
    expect(results[1].status).toBe('Upload Failed');
    expect(results[1].errors.map((e) => e.column)).toEqual(expect.arrayContaining(['effectiveDate', 'personNumber', 'lifeEvent', 'lifeEventOccurredDate', 'benefitRelationship', 'closeLifeEvent']));
    expect(await b.lines('Required')).toHaveLength(1);
  });

  it('when a line gives both a rate and a coverage amount, then it fails on both columns', async () => {
    const [res] = await b.insert('Checks', [enrollment('P10001', { rateAmount: 100, coverageAmount: 5000 })]);
    expect(res.status).toBe('Upload Failed');
    expect(res.errors).toEqual([
      { column: 'rateAmount', message: expect.stringContaining('not both') },
      { column: 'coverageAmount', message: expect.stringContaining('not both') },
    ]);
  });

  it('when a beneficiary line gives a percentage and an amount, then it fails', async () => {
    const [res] = await b.insert('Checks', [beneficiary('P10001', { dateOfBirth: SPOUSE_OF_P10001, primaryBeneficiaryPercentage: 50, beneficiaryAmount: 1000 })]);
    expect(res.status).toBe('Upload Failed');
    expect(errorsOf(res)).toMatch(/beneficiaryAmount: Enter a beneficiary percentage or a Beneficiary Amount, not both/);
  });

  it('when a line fills a column that belongs to another enrollment type, then the row fails naming the column and what it holds', async () => {
    const results = await b.insert('Owned columns', [
      enrollment('P10001', { beneficiaryOrganization: 'Red Cross Foundation', primaryBeneficiaryPercentage: 50 }),
      enrollment('P10001', { dateOfBirth: SPOUSE_OF_P10001, beneficiaryAmount: 1000 }),
      dependent('P10001', SPOUSE_OF_P10001, { contingentBeneficiaryPercentage: 100, coverageAmount: 5000 }),
      beneficiary('P10001', { dateOfBirth: SPOUSE_OF_P10001, primaryBeneficiaryPercentage: 100, rateAmount: 12, originalEnrollmentDate: '2019-01-01' }),
      beneficiary('P10001', { dateOfBirth: SPOUSE_OF_P10001, primaryBeneficiaryPercentage: 100 }),
    ]);
    expect(results.map((r) => r.status)).toEqual(['Upload Failed', 'Upload Failed', 'Upload Failed', 'Upload Failed', 'Inserted']);
    expect(results[0].errors).toEqual([
      { column: 'beneficiaryOrganization', message: 'Beneficiary Organizations and Trusts belongs to beneficiary designation lines; leave it blank on a Participant Enrollment line (it holds "Red Cross Foundation").' },
      { column: 'primaryBeneficiaryPercentage', message: 'Primary Beneficiary Percentage belongs to beneficiary designation lines; leave it blank on a Participant Enrollment line (it holds "50").' },
    ]);
    expect(errorsOf(results[1])).toBe(
      [
        `dateOfBirth: Date of Birth belongs to dependent and beneficiary designation lines; leave it blank on a Participant Enrollment line (it holds "${SPOUSE_OF_P10001}").`,
        'beneficiaryAmount: Beneficiary Amount belongs to beneficiary designation lines; leave it blank on a Participant Enrollment line (it holds "1000").',
      ].join('\n'),
    );
    expect(errorsOf(results[2])).toBe(
      [
        'coverageAmount: Coverage Amount belongs to participant enrollment lines; leave it blank on a Dependent Designation line (it holds "5000").',
        'contingentBeneficiaryPercentage: Contingent Beneficiary Percentage belongs to beneficiary designation lines; leave it blank on a Dependent Designation line (it holds "100").',
      ].join('\n'),
    );
    expect(results[3].errors.map((e) => e.column)).toEqual(['rateAmount', 'originalEnrollmentDate']);
    expect(errorsOf(results[3])).toMatch(/Rate Amount belongs to participant enrollment lines; leave it blank on a Beneficiary Designation line \(it holds "12"\)/);
    expect(await b.lines('Owned columns')).toHaveLength(1);
  });

  it('when a line names an unknown, a not-yet-valid or a no-longer-valid program, plan, option or life event, then it says which and why', async () => {
    const results = await b.insert('Checks', [
      enrollment('P10001', { programName: 'Legacy Program' }),
      enrollment('P10001', { planName: 'Vision', optionName: null }),
      enrollment('P10001', { optionName: 'Gold' }),
      enrollment('P10001', { lifeEvent: 'Legacy Conversion' }),
      enrollment('P10001', { lifeEvent: 'Wedding' }),
      enrollment('P10001', { planName: 'Medical', optionName: null }),
    ]);
    expect(results.every((r) => r.status === 'Upload Failed')).toBe(true);
    expect(errorsOf(results[0])).toMatch(/programName: The program "Legacy Program" is no longer valid on 2020-01-01 \(it ended on 2015-12-31\)/);
    expect(errorsOf(results[1])).toMatch(/planName: The plan "Vision" is not valid yet on 2020-01-01 \(it starts on 2030-01-01\)/);
    expect(errorsOf(results[2])).toMatch(/optionName: The plan "Medical" has no option named "Gold". Its options: Employee Only, Employee Plus Family/);
    expect(errorsOf(results[3])).toMatch(/lifeEvent: The life event "Legacy Conversion" is no longer valid/);
    expect(errorsOf(results[4])).toMatch(/lifeEvent: There is no life event named "Wedding"/);
    expect(errorsOf(results[5])).toMatch(/optionName: Pick an option of the plan "Medical"/);
  });

  it('when a person number matches no participant, or a date cannot be read, then the row fails and says so', async () => {
    const results = await b.insert('Checks', [
      enrollment('P99999'),
      enrollment('P10005'),
      enrollment('P10001', { effectiveDate: '31/31/2020' }),
      enrollment('P10002', { benefitRelationship: 'Retiree' }),
    ]);
    expect(errorsOf(results[0])).toMatch(/personNumber: No participant has person number "P99999"/);
    expect(errorsOf(results[1])).toMatch(/personNumber: P10005 is not a participant/);
    expect(errorsOf(results[2])).toMatch(/effectiveDate: Effective Date: "31\/31\/2020" is not a date we can read/);
    expect(errorsOf(results[3])).toMatch(/benefitRelationship: P10002 has no benefit relationship named "Retiree"/);
  });

  it('when a line is changed, then its version goes up; a stale version is a conflict; a deleted line leaves the batch', async () => {
    const [a, c] = await b.insert('Changes', [enrollment('P10001'), enrollment('P10002')]);
    const [updated] = await b.send('Changes', [{ rowId: 1, op: 'update', key: a.key, version: a.version, values: enrollment('P10001', { rateAmount: 210 }) }]);
    expect(updated).toMatchObject({ status: 'Updated', version: (a.version as number) + 1, values: { rateAmount: 210 } });
    const [stale] = await b.send('Changes', [{ rowId: 1, op: 'update', key: a.key, version: a.version, values: enrollment('P10001', { rateAmount: 220 }) }]);
    expect(stale.status).toBe('Conflict');
    const [deleted] = await b.send('Changes', [{ rowId: 2, op: 'delete', key: c.key, version: c.version }]);
    expect(deleted.status).toBe('Deleted');
    expect((await b.lines('Changes')).map((l) => l.values.personNumber)).toEqual(['P10001']);
    const [elsewhere] = await b.send('Other batch', [{ rowId: 1, op: 'update', key: a.key, version: updated.version, values: enrollment('P10001') }]);
    expect(errorsOf(elsewhere)).toMatch(/not in the batch "Other batch"/);
  });

  it('when a chunk is sent twice with one key (a dropped connection), then its lines are stored once', async () => {
    const body = { idempotencyKey: randomUUID(), batchName: 'Retried', rows: [{ rowId: 1, op: 'insert', values: enrollment('P10003') }] };
    const first = await h.post(`/api/workbooks/${KIND}/uploads`, body).expect(200);
    const second = await h.post(`/api/workbooks/${KIND}/uploads`, body).expect(200);
    expect(second.body).toEqual(first.body);
    expect(await b.lines('Retried')).toHaveLength(1);
  });

  it('when the batch name is missing, too long or has a line break, then the upload is refused with a message and nothing is stored', async () => {
    const row = { rowId: 1, op: 'insert', values: enrollment('P10001') };
    const missing = await h.post(`/api/workbooks/${KIND}/uploads`, { idempotencyKey: randomUUID(), rows: [row] }).expect(400);
    expect(missing.body.error.message + JSON.stringify(missing.body.error.issues)).toMatch(/Enter a batch name/);
    await h.post(`/api/workbooks/${KIND}/uploads`, { idempotencyKey: randomUUID(), batchName: 'x'.repeat(81), rows: [row] }).expect(400);
    await h.post(`/api/workbooks/${KIND}/uploads`, { idempotencyKey: randomUUID(), batchName: 'a\nb', rows: [row] }).expect(400);
    await h.get(`/api/workbooks/person-benefit-groups/rows`).expect(400);
  });

  it('when a run is asked for a batch that does not exist, or for an effective-dated workbook, then it is a 404 with a message', async () => {
    const none = await b.start('Never uploaded').expect(404);
    expect(none.body.error.message).toMatch(/There is no batch called "Never uploaded". Upload its lines first/);
    await h.post(`/api/workbooks/person-benefit-groups/batches/x/jobs`, { idempotencyKey: randomUUID() }).expect(404);
  });
});
