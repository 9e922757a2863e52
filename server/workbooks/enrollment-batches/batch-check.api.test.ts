/** Check on a batch sheet: the upload's answers, plus what processing would refuse that can be told before it runs. */
import { createHarness, type Harness } from '../../test-support/api-harness';
import { dialects } from '../../test-support/databases';
import { batchClient, beneficiary, enrollment, KIND } from './test-batches';

jest.setTimeout(180000);

type Checked = { rowId: number; status: string; errors: Array<{ column?: string; message: string; suggestion?: object }>; processingErrors?: Array<{ column?: string; message: string }> };

describe.each(dialects)('Check on a batch on %s', (dialect) => {
  let h: Harness;
  let b: ReturnType<typeof batchClient>;
  beforeAll(async () => {
    h = await createHarness(dialect);
    b = batchClient(h);
  });
  afterAll(() => h.close());

  const check = async (batchName: string, lines: object[]) =>
    (await h.post(`/api/workbooks/${KIND}/check`, { batchName, rows: lines.map((values, rowId) => ({ rowId, op: 'insert', values })) }).expect(200)).body.results as Checked[];

  it('when beneficiary percentages do not total 100, then Check says so on those lines and the batch is not created', async () => {
    const results = await check('Checked only', [
      enrollment('P10008', { planName: 'Basic Life', optionName: '1x Salary' }),
      beneficiary('P10008', { dateOfBirth: '1977-04-15', primaryBeneficiaryPercentage: 60 }),
      beneficiary('P10008', { beneficiaryOrganization: 'Red Cross Foundation', primaryBeneficiaryPercentage: 30 }),
      beneficiary('P10008', { dateOfBirth: '2012-09-01', contingentBeneficiaryPercentage: 100 }),
    ]);
    expect(results.map((r) => r.status)).toEqual(['Inserted', 'Inserted', 'Inserted', 'Inserted']);
    expect(results[0].processingErrors).toBeUndefined();
    expect(results[3].processingErrors).toBeUndefined();
    for (const r of [results[1], results[2]]) {
      expect(r.processingErrors).toEqual([{ column: 'primaryBeneficiaryPercentage', message: expect.stringMatching(/^Primary beneficiary percentages of P10008 for plan Basic Life .* total 90, not 100/) }]);
    }
    expect((await h.get(`/api/workbooks/${KIND}/rows`, { batchName: 'Checked only' }).expect(200)).body.batchExists).toBe(false);
  });

  it('when an enrollment line names a life event that does not exist and Create Potential Life Event is No, then Check says processing would fail', async () => {
    const [line] = await check('No event', [enrollment('P10011', { createPotentialLifeEvent: 'No' })]);
    expect(line.status).toBe('Inserted');
    expect(line.processingErrors).toEqual([{ column: 'createPotentialLifeEvent', message: expect.stringMatching(/^P10011 has no potential life event New Hire of 2020-01-01 .*Set Create Potential Life Event to Yes/) }]);
  });

  it('when a beneficiary organization is typed almost right, then Check says processing would fail and suggests the organization', async () => {
    const results = await check('Org typo', [
      enrollment('P10013', { planName: 'Basic Life', optionName: '1x Salary' }),
      beneficiary('P10013', { beneficiaryOrganization: 'Red Cros Foundation', primaryBeneficiaryPercentage: 100 }),
    ]);
    expect(results[1].processingErrors).toEqual([
      { column: 'beneficiaryOrganization', message: 'There is no beneficiary organization or trust named "Red Cros Foundation". Did you mean "Red Cross Foundation"?', suggestion: { column: 'beneficiaryOrganization', value: 'Red Cross Foundation' } },
    ]);
  });

  it('when a plan name is typed almost right, then Check and upload suggest the plan', async () => {
    const [line] = await check('Typo', [enrollment('P10012', { planName: 'Medcal' })]);
    expect(line.status).toBe('Upload Failed');
    expect(line.errors).toContainEqual(expect.objectContaining({ column: 'planName', suggestion: { column: 'planName', value: 'Medical' } }));
    const [uploaded] = await b.insert('Typo', [enrollment('P10012', { planName: 'Medcal' })]);
    expect(uploaded.errors).toEqual(line.errors);
  });
});
