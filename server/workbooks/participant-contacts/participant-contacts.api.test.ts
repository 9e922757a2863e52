/** Contacts over HTTP: each participant's contacts, how a batch line names them, where they are designated; uploads refused. */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { createHarness, type Harness } from '../../test-support/api-harness';
import { dialects } from '../../test-support/databases';
import { batchClient, beneficiary, CHILD_OF_P10001, dependent, enrollment, SPOUSE_OF_P10001 } from '../enrollment-batches/test-batches';

jest.setTimeout(60000);
const KIND = 'participant-contacts';
type Values = Record<string, unknown>;

describe.each(dialects)('Contacts on %s', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness(dialect);
    const b = batchClient(h);
    await b.insert('Designations', [
      enrollment('P10001', { closeLifeEvent: 'No' }),
      enrollment('P10001', { planName: 'Basic Life', optionName: '1x Salary' }),
      dependent('P10001', SPOUSE_OF_P10001),
      beneficiary('P10001', { dateOfBirth: CHILD_OF_P10001, primaryBeneficiaryPercentage: 100 }),
      enrollment('P10003'),
    ]);
    expect(await b.process('Designations')).toMatchObject({ completed: 5, errors: 0 });
    // A second contact of P10003 born on the spouse's birthday: a line naming that date cannot tell them apart.
    await sql`insert into person_contacts (person_id, name, relationship, date_of_birth)
      select id, 'Twin of P10003''s spouse', 'Sibling', '1972-04-15' from persons where person_number = 'P10003'`.execute(h.database.db);
  });
  afterAll(() => h.close());

  const valuesOf = async (query: Record<string, unknown>) =>
    ((await h.get(`/api/workbooks/${KIND}/rows`, { limit: 1000, ...query }).expect(200)).body.rows as Array<{ values: Values }>).map((r) => r.values);

  it('when a batch’s contacts are downloaded, then each participant’s contacts are listed with relationship, date of birth and how a line names them', async () => {
    const contacts = await valuesOf({ effectiveDate: '2026-01-01', filter: 'Designations' });
    expect(contacts.map((c) => [c.personNumber, c.contactName, c.relationship, c.dateOfBirth])).toEqual([
      ['P10001', 'Spouse of P10001', 'Spouse', SPOUSE_OF_P10001],
      ['P10001', 'Child of P10001', 'Child', CHILD_OF_P10001],
      ['P10003', 'Spouse of P10003', 'Spouse', '1972-04-15'],
      ['P10003', 'Twin of P10003\'s spouse', 'Sibling', '1972-04-15'],
      ['P10003', 'Child of P10003', 'Child', '2007-09-01'],
    ]);
    expect(contacts[0].onALine).toBe('Person Number P10001 and this Date of Birth');
    expect(contacts[2].onALine).toBe("Cannot be named on a line: Twin of P10003's spouse has the same date of birth. Designate this contact in the application.");
    expect(contacts[4].onALine).toBe('Person Number P10003 and this Date of Birth');
  });

  it('when contacts are designated, then the sheet says where on the session date, and nothing before the designation starts', async () => {
    const designations = async (effectiveDate: string) => (await valuesOf({ effectiveDate, filter: 'Designations' })).filter((c) => c.personNumber === 'P10001').map((c) => c.designations);
    expect(await designations('2026-01-01')).toEqual(['Dependent in Medical', 'Beneficiary in Basic Life']);
    expect(await designations('2019-12-31')).toEqual([null, null]);
  });

  it('when no batch is given, then every participant’s contacts are listed by person number', async () => {
    const all = await valuesOf({ effectiveDate: '2026-01-01' });
    const numbers = all.map((c) => String(c.personNumber));
    expect(numbers).toEqual([...numbers].sort());
    expect(new Set(numbers).size).toBeGreaterThan(2);
    await h.get(`/api/workbooks/${KIND}/rows`, { effectiveDate: '2026-01-01', filter: 'Nobody' }).expect(404);
  });

  it('when a contact is uploaded, then the server refuses with 405: contacts are kept in the application', async () => {
    const refused = await h
      .post(`/api/workbooks/${KIND}/uploads`, { idempotencyKey: randomUUID(), effectiveDate: '2026-01-01', rows: [{ rowId: 2, op: 'insert', values: { personNumber: 'P10001', contactName: 'New' } }] })
      .expect(405);
    expect(refused.body.error.message).toMatch(/^"Contacts" is a read-only workbook: nothing in it can be uploaded\. Contacts are maintained in the application/);
  });
});
