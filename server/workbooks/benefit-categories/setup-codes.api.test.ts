/** Benefit Categories, Benefit Coverage Types and Benefits (keyed kinds) over HTTP, on PGlite and, when reachable, PostgreSQL. */
import { randomUUID } from 'node:crypto';
import type { UploadRow } from '../../../src/contract/api';
import { createHarness, type Harness } from '../../test-support/api-harness';
import { dialects } from '../../test-support/databases';

jest.setTimeout(120000);
type Row = { key: string; version: number; values: Record<string, unknown> };
type Result = { rowId: number; status: string; errors: Array<{ column?: string; message: string }>; values?: Record<string, unknown> };

describe.each(dialects)('Benefit setup codes on %s', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness(dialect);
  });
  afterAll(() => h.close());

  const rows = async (kind: string): Promise<Row[]> => (await h.get(`/api/workbooks/${kind}/rows`).expect(200)).body.rows;
  const rowOf = async (kind: string, key: string) => (await rows(kind)).find((r) => r.key === key) as Row;
  const upload = async (kind: string, body: UploadRow[]): Promise<Result[]> => (await h.post(`/api/workbooks/${kind}/uploads`, { idempotencyKey: randomUUID(), rows: body }).expect(200)).body.results;

  it('when benefit categories are downloaded, then the seed\'s groups come with no date, and a new one is added', async () => {
    expect((await rowOf('benefit-categories', 'Health')).values).toEqual({ name: 'Health', description: 'Health Insurance' });
    const [added, long] = await upload('benefit-categories', [
      { rowId: 1, op: 'insert', values: { name: 'Hearing', description: 'Hearing Insurance' } },
      { rowId: 2, op: 'insert', values: { name: 'Long', description: 'x'.repeat(101) } },
    ]);
    expect(added).toMatchObject({ status: 'Inserted', values: { name: 'Hearing', description: 'Hearing Insurance' } });
    expect(long.errors).toEqual([{ column: 'description', message: 'Description may have up to 100 characters; this one has 101. Shorten it.' }]);
  });

  it('when a saved category\'s name is changed, then the row fails; its description may change', async () => {
    const vision = await rowOf('benefit-categories', 'Vision');
    const [renamed] = await upload('benefit-categories', [{ rowId: 1, op: 'update', key: vision.key, version: vision.version, values: { name: 'Eyes', description: 'Vision' } }]);
    expect(renamed.errors[0]).toMatchObject({ column: 'name', message: expect.stringContaining('cannot be changed once saved') });
    const [described] = await upload('benefit-categories', [{ rowId: 1, op: 'update', key: vision.key, version: vision.version, values: { name: 'Vision', description: 'Vision Insurance' } }]);
    expect(described).toMatchObject({ status: 'Updated', values: { description: 'Vision Insurance' } });
  });

  it('when a category in use is deleted, then the row fails and says which benefits and employees use it; an unused one is deleted', async () => {
    const health = await rowOf('benefit-categories', 'Health');
    const dental = await rowOf('benefit-categories', 'Dental');
    const hearing = await rowOf('benefit-categories', 'Hearing');
    const [h1, d1, gone] = await upload('benefit-categories', [
      { rowId: 1, op: 'delete', key: health.key, version: health.version, values: {} },
      { rowId: 2, op: 'delete', key: dental.key, version: dental.version, values: {} },
      { rowId: 3, op: 'delete', key: hearing.key, version: hearing.version, values: {} },
    ]);
    expect(h1.errors).toEqual([{ column: 'name', message: 'This benefit category cannot be deleted. Used by 5 benefits: BLUE SHIELD-0 CONTR, BLUE SHIELD-20%, BLUE SHIELD-COBRA and 2 more; Used by 6 employee benefits: P10002, P10003, P10004 and 3 more. Delete or change those first.' }]);
    expect(d1.errors[0].message).toContain('Used by 3 benefits: AFLAC, DENTAL, WAIVED; Used by 2 employee benefits: P10002, P10024.');
    expect(gone.status).toBe('Deleted');
    expect((await rows('benefit-categories')).map((r) => r.key)).toContain('Health');
  });

  it('when coverage types are added or changed, then the GASB 45 type must be one of the list and the name is required', async () => {
    expect((await rowOf('benefit-coverage-types', 'Individual')).values).toEqual({ code: 'Individual', name: 'Individual Coverage', gasb45Type: 'EE - Employee' });
    const [added, badGasb, noName] = await upload('benefit-coverage-types', [
      { rowId: 1, op: 'insert', values: { code: 'Ind+Ch', name: 'Employee and Children', gasb45Type: 'ef - employee & family' } },
      { rowId: 2, op: 'insert', values: { code: 'X', name: 'Something', gasb45Type: 'T - Medical Coverage' } },
      { rowId: 3, op: 'insert', values: { code: 'Y', gasb45Type: 'BY - Waived' } },
    ]);
    expect(added).toMatchObject({ status: 'Inserted', values: { code: 'Ind+Ch', gasb45Type: 'EF - Employee & Family' } });
    expect(badGasb.errors[0]).toMatchObject({ column: 'gasb45Type', message: 'GASB 45 Type: "T - Medical Coverage" is not one of the choices (EE - Employee, ES - Employee & Spouse, EF - Employee & Family, BY - Waived). Pick one from the list.' });
    expect(noName.errors).toEqual([{ column: 'name', message: 'Benefit Coverage Type Name is required. Enter the full name, such as Individual Coverage.' }]);
    const spousal = await rowOf('benefit-coverage-types', 'Spousal');
    const [recoded] = await upload('benefit-coverage-types', [{ rowId: 1, op: 'update', key: spousal.key, version: spousal.version, values: { ...spousal.values, code: 'SP' } }]);
    expect(recoded.errors[0]).toMatchObject({ column: 'code', message: expect.stringContaining('cannot be changed once saved') });
  });

  it('when an in-use coverage type code is deleted, then the row fails and says where it is used; an unused one is deleted', async () => {
    const family = await rowOf('benefit-coverage-types', 'Family');
    const waived = await rowOf('benefit-coverage-types', 'Waived');
    const unused = await rowOf('benefit-coverage-types', 'Ind+Ch');
    const [f, w, gone] = await upload('benefit-coverage-types', [
      { rowId: 1, op: 'delete', key: family.key, version: family.version, values: {} },
      { rowId: 2, op: 'delete', key: waived.key, version: waived.version, values: {} },
      { rowId: 3, op: 'delete', key: unused.key, version: unused.version, values: {} },
    ]);
    expect(f.errors).toEqual([{ column: 'code', message: 'This coverage type cannot be deleted. Used by 3 benefit rates: Dental DENTAL, Health BLUE SHIELD-0 CONTR, Health BLUE SHIELD-20%; Used by 2 employee benefits: P10002, P10024. Delete or change those first.' }]);
    expect(w.errors[0].message).toBe('This coverage type cannot be deleted. Used by 2 benefit rates: Dental WAIVED, Health WAIVED. Delete or change those first.');
    expect(gone.status).toBe('Deleted');
  });

  it('when a benefit is added, then the server assigns its Benefit ID; a provider already in the category or an unknown category fails', async () => {
    const [added, twin, unknown, w2, long] = await upload('benefits', [
      { rowId: 1, op: 'insert', values: { benefitCategory: 'vision', provider: 'VSP', policyNumber: 'V-1', w2Box12Reportable: 'yes' } },
      { rowId: 2, op: 'insert', values: { benefitCategory: 'Health', provider: 'blue shield-20%' } },
      { rowId: 3, op: 'insert', values: { benefitCategory: 'Helth', provider: 'X' } },
      { rowId: 4, op: 'insert', values: { benefitCategory: 'Life', provider: 'Y', w2Box12Reportable: 'maybe' } },
      { rowId: 5, op: 'insert', values: { benefitCategory: 'Life', provider: 'P'.repeat(51) } },
    ]);
    // seed: "Identify the insurance provider (up to 50 characters)".
    expect(long.errors).toEqual([{ column: 'provider', message: 'Provider may have up to 50 characters; this one has 51. Shorten it.' }]);
    expect(added).toMatchObject({ status: 'Inserted', values: { benefitId: 14, benefitCategory: 'Vision', provider: 'VSP', policyNumber: 'V-1', w2Box12Reportable: 'Yes' } });
    expect(twin.errors).toEqual([{ column: 'provider', message: 'There is already a benefit "BLUE SHIELD-20%" in this category (Benefit ID 5). Change that one, or name this provider differently.' }]);
    expect(unknown.errors[0]).toMatchObject({ column: 'benefitCategory', message: 'There is no benefit category named "Helth". Pick one from the list, or add it in Benefit Categories first. Did you mean "Health"?' });
    expect(w2.errors[0]).toMatchObject({ column: 'w2Box12Reportable', message: expect.stringContaining('"maybe" is not one of the choices') });
    const blue = await rowOf('benefits', '5');
    const [policy] = await upload('benefits', [{ rowId: 1, op: 'update', key: blue.key, version: blue.version, values: { ...blue.values, policyNumber: '777' } }]);
    expect(policy).toMatchObject({ status: 'Updated', values: { benefitId: 5, policyNumber: '777', provider: 'BLUE SHIELD-20%' } });
  });

  it('when a benefit an employee has is deleted, then the row fails and names them; an unused one goes with its rate lines', async () => {
    const blue = await rowOf('benefits', '5');
    const aflac = await rowOf('benefits', '1');
    const [used, gone] = await upload('benefits', [
      { rowId: 1, op: 'delete', key: blue.key, version: blue.version, values: {} },
      { rowId: 2, op: 'delete', key: aflac.key, version: aflac.version, values: {} },
    ]);
    expect(used.errors).toEqual([{ column: 'benefitId', message: 'This benefit cannot be deleted. Used by 5 employee benefits: P10002, P10003, P10004 and 2 more. Delete or change those first.' }]);
    expect(gone.status).toBe('Deleted');
    const lines = await h.database.db.selectFrom('benefit_rate_lines').select('rate_id').where('benefit_id', '=', 1).execute();
    expect(lines).toEqual([]);
    const vision = await rowOf('benefit-categories', 'Vision');
    const [visionUsed] = await upload('benefit-categories', [{ rowId: 1, op: 'delete', key: vision.key, version: vision.version, values: {} }]);
    expect(visionUsed.errors[0].message).toBe('This benefit category cannot be deleted. Used by 1 benefit: VSP. Delete or change those first.');
  });
});
