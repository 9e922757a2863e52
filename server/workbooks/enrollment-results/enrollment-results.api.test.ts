/** Enrollment Results over HTTP: what a processed batch created, as of a date, narrowed to a batch; uploads refused. */
import { randomUUID } from 'node:crypto';
import { createHarness, type Harness } from '../../test-support/api-harness';
import { dialects } from '../../test-support/databases';
import { batchClient, beneficiary, CHILD_OF_P10001, dependent, enrollment, SPOUSE_OF_P10001 } from '../enrollment-batches/test-batches';

jest.setTimeout(60000);
const KIND = 'enrollment-results';
type Values = Record<string, unknown>;

describe.each(dialects)('Enrollment Results on %s', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness(dialect);
    const b = batchClient(h);
    await b.insert('Checked', [
      enrollment('P10001', { closeLifeEvent: 'No' }),
      enrollment('P10001', { planName: 'Basic Life', optionName: '1x Salary' }),
      dependent('P10001', SPOUSE_OF_P10001),
      beneficiary('P10001', { dateOfBirth: CHILD_OF_P10001, primaryBeneficiaryPercentage: 100 }),
      beneficiary('P10001', { beneficiaryOrganization: 'Red Cross Foundation', contingentBeneficiaryPercentage: 100 }),
      enrollment('P10004', { effectiveDate: '2020-03-01', lifeEventOccurredDate: '2020-03-01', rateAmount: 180 }),
      enrollment('P10004', { effectiveDate: '2021-06-01', lifeEvent: 'Marriage', lifeEventOccurredDate: '2021-06-01', optionName: 'Employee Plus Family' }),
    ]);
    await b.insert('Other', [enrollment('P10002', { planName: 'Dental', optionName: 'Basic' })]);
    expect(await b.process('Checked')).toMatchObject({ completed: 7, errors: 0 });
    expect(await b.process('Other')).toMatchObject({ completed: 1, errors: 0 });
  });
  afterAll(() => h.close());

  const rows = async (query: Record<string, unknown>) => (await h.get(`/api/workbooks/${KIND}/rows`, { limit: 1000, ...query }).expect(200)).body;
  const valuesOf = async (query: Record<string, unknown>) => ((await rows(query)).rows as Array<{ values: Values }>).map((r) => r.values);

  it('when a processed batch is downloaded, then each life event, enrollment and designation it created is a row with its batch line', async () => {
    const p10001 = (await valuesOf({ effectiveDate: '2026-01-01', filter: 'Checked' })).filter((v) => v.personNumber === 'P10001');
    expect(p10001.map((v) => [v.recordType, v.planName])).toEqual([
      ['Potential Life Event', null],
      ['Participant Enrollment', 'Basic Life'],
      ['Participant Enrollment', 'Medical'],
      ['Dependent Designation', 'Medical'],
      ['Beneficiary Designation', 'Basic Life'],
      ['Beneficiary Designation', 'Basic Life'],
    ]);
    expect(p10001[0]).toMatchObject({ lifeEvent: 'New Hire', lifeEventOccurredDate: '2020-01-01', lifeEventStatus: 'Closed', lifeEventClosedDate: '2020-01-01', benefitRelationship: 'Default', batchName: null });
    expect(p10001[2]).toMatchObject({ programName: 'Health and Welfare', optionName: 'Employee Only', rateAmount: 200, coverageAmount: null, startDate: '2020-01-01', endDate: '4712-12-31', batchName: 'Checked', batchLineId: 1 });
    expect(p10001[1]).toMatchObject({ optionName: '1x Salary', rateAmount: 12, coverageAmount: 50000, batchLineId: 2 });
    expect(p10001[3]).toMatchObject({ contactName: 'Spouse of P10001', dateOfBirth: SPOUSE_OF_P10001, lifeEvent: 'New Hire', startDate: '2020-01-01', batchLineId: 3 });
    const beneficiaries = p10001.slice(4).sort((a, b) => Number(a.batchLineId) - Number(b.batchLineId));
    expect(beneficiaries[0]).toMatchObject({ contactName: 'Child of P10001', dateOfBirth: CHILD_OF_P10001, primaryBeneficiaryPercentage: 100, beneficiaryOrganization: null, batchLineId: 4 });
    expect(beneficiaries[1]).toMatchObject({ contactName: null, beneficiaryOrganization: 'Red Cross Foundation', contingentBeneficiaryPercentage: 100, batchLineId: 5 });
  });

  it('when the batch filter names a batch, then only its participants are shown, ordered by person number; without it, everyone processed', async () => {
    const checked = await valuesOf({ effectiveDate: '2026-01-01', filter: 'Checked' });
    expect([...new Set(checked.map((v) => v.personNumber))]).toEqual(['P10001', 'P10004']);
    const everyone = await rows({ effectiveDate: '2026-01-01' });
    expect([...new Set((everyone.rows as Array<{ values: Values }>).map((r) => r.values.personNumber))]).toEqual(['P10001', 'P10002', 'P10004']);
    expect(everyone.filter).toBeUndefined();
    expect((await rows({ effectiveDate: '2026-01-01', filter: 'Checked' })).filter).toBe('Checked');
    const unknown = await h.get(`/api/workbooks/${KIND}/rows`, { effectiveDate: '2026-01-01', filter: 'No such batch' }).expect(404);
    expect(unknown.body.error.message).toMatch(/^There is no batch named "No such batch"\./);
  });

  it('when the session date is earlier, then history in effect then shows too, with its dates; later, only what is still in effect', async () => {
    const enrollmentsOf = async (effectiveDate: string) =>
      (await valuesOf({ effectiveDate, filter: 'Checked' })).filter((v) => v.personNumber === 'P10004' && v.recordType === 'Participant Enrollment').map((v) => [v.optionName, v.startDate, v.endDate, v.lifeEvent]);
    expect(await enrollmentsOf('2021-01-01')).toEqual([
      ['Employee Only', '2020-03-01', '2021-05-31', 'New Hire'],
      ['Employee Plus Family', '2021-06-01', '4712-12-31', 'Marriage'],
    ]);
    expect(await enrollmentsOf('2022-01-01')).toEqual([['Employee Plus Family', '2021-06-01', '4712-12-31', 'Marriage']]);
  });

  it('when the rows come in pages, then the pages together are the whole download in the same order', async () => {
    const whole = await rows({ effectiveDate: '2021-01-01' });
    const first = await rows({ effectiveDate: '2021-01-01', limit: 5 });
    const second = await rows({ effectiveDate: '2021-01-01', limit: 1000, after: first.nextCursor });
    expect(first.total).toBe(whole.total);
    expect([...first.rows, ...second.rows].map((r: { key: string }) => r.key)).toEqual(whole.rows.map((r: { key: string }) => r.key));
  });

  it('when anything is uploaded to it, then the server refuses with 405 and says the workbook is read-only', async () => {
    const definition = (await h.get('/api/workbooks').expect(200)).body.workbooks.find((d: { kind: string }) => d.kind === KIND);
    expect(definition.readOnly.reason).toMatch(/Benefit Enrollments batch/);
    expect(definition.columns.every((c: { editable: boolean; enterable: boolean }) => !c.editable && !c.enterable)).toBe(true);
    const row = (await rows({ effectiveDate: '2026-01-01' })).rows[0];
    for (const op of [{ op: 'update', key: row.key, version: row.version }, { op: 'delete', key: row.key, version: row.version }, { op: 'insert' }]) {
      const refused = await h.post(`/api/workbooks/${KIND}/uploads`, { idempotencyKey: randomUUID(), effectiveDate: '2026-01-01', rows: [{ rowId: 2, values: {}, ...op }] }).expect(405);
      expect(refused.body.error).toEqual({ code: 'read_only', message: expect.stringMatching(/^"Enrollment Results" is a read-only workbook: nothing in it can be uploaded\./) });
    }
    expect((await rows({ effectiveDate: '2026-01-01' })).rows.map((r: { key: string }) => r.key)).toContain(row.key);
    const openApi = (await h.get('/api/openapi.json').expect(200)).body;
    expect(openApi.paths['/api/workbooks/{kind}/uploads'].post.responses['405']).toBeDefined();
  });
});
