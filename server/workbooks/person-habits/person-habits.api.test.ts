/** Person Habits over HTTP, on PGlite and, when reachable, PostgreSQL. */
import { sql } from 'kysely';
import { createHarness, type Harness } from '../../test-support/api-harness';
import { dialects } from '../../test-support/databases';

jest.setTimeout(60000);
const KIND = 'person-habits';

describe.each(dialects)('Person Habits on %s', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness(dialect);
  });
  afterAll(() => h.close());

  const person = async (number: string) =>
    (await sql<{ first: string; last: string; dob: string; type: string }>`select first_name as first, last_name as last, date_of_birth as dob, person_type as type from persons where person_number = ${number}`.execute(h.database.db)).rows[0];
  const habitsOf = (number: string, date: string) => h.rowFor(KIND, date, (v) => v.personNumber === number);
  const history = async (key: string) =>
    (await sql<{ start: string; end: string; tobacco: string }>`select effective_start_date as start, effective_end_date as "end", tobacco_use as tobacco from person_habits where key = ${key} order by 1`.execute(h.database.db)).rows;

  it('when habits are downloaded, then dependents come as well as participants, with every list of values', async () => {
    const rows = await h.rowsOn(KIND, '2026-01-01');
    expect(rows.some((r) => r.values.personType === 'Dependent')).toBe(true);
    expect(rows.some((r) => r.values.personType === 'Participant')).toBe(true);
    expect((await habitsOf('P10005', '2026-01-01')).values).toMatchObject({ personType: 'Dependent', dateOfBirth: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
  });

  it('when a new row names the person by number, then the habits are inserted from the session date', async () => {
    const [res] = await h.upload(KIND, '2026-01-01', [{ rowId: 1, op: 'insert', values: { personNumber: 'P10007', personType: 'Participant', tobaccoUse: 'non-tobacco user', coveredInAnotherPlan: 'No' } }]);
    expect(res).toMatchObject({ status: 'Inserted', values: { personNumber: 'P10007', tobaccoUse: 'Non-tobacco user', coveredInAnotherPlan: 'No' } });
  });

  it('when a new row names the person by first name, last name and date of birth, then that person is found', async () => {
    const p = await person('P10014');
    const [res] = await h.upload(KIND, '2026-01-01', [{ rowId: 1, op: 'insert', values: { firstName: p.first.toUpperCase(), lastName: p.last, dateOfBirth: p.dob, personType: p.type, studentStatus: 'Not a student' } }]);
    expect(res).toMatchObject({ status: 'Inserted', values: { personNumber: 'P10014' } });
  });

  it('when a new row gives neither a number nor the whole name and birth date, then it fails and says what is missing', async () => {
    const p = await person('P10021');
    const [neither, partial] = await h.upload(KIND, '2026-01-01', [
      { rowId: 1, op: 'insert', values: { personType: 'Participant' } },
      { rowId: 2, op: 'insert', values: { firstName: p.first, lastName: p.last, personType: 'Participant' } },
    ]);
    expect(neither.errors).toEqual([{ column: 'personNumber', message: 'Identify the person: enter the Person Number, or First Name, Last Name and Date of Birth.' }]);
    expect(partial.errors).toEqual([{ column: 'dateOfBirth', message: expect.stringContaining('enter Date of Birth too') }]);
  });

  it('when the name and birth date match no one, or more than one person, then the row fails and says which', async () => {
    const p = await person('P10021');
    const twin = await person('P10028');
    await sql`insert into persons (person_number, first_name, last_name, date_of_birth, person_type) values ('P90001', ${twin.first}, ${twin.last}, ${twin.dob}, 'Participant')`.execute(h.database.db);
    const [none, many] = await h.upload(KIND, '2026-01-01', [
      { rowId: 1, op: 'insert', values: { firstName: p.first, lastName: p.last, dateOfBirth: '1901-01-01', personType: 'Participant' } },
      { rowId: 2, op: 'insert', values: { firstName: twin.first, lastName: twin.last, dateOfBirth: twin.dob, personType: 'Participant' } },
    ]);
    expect(none.errors[0].message).toContain(`No person is named ${p.first} ${p.last} with date of birth 1901-01-01`);
    expect(many.errors[0]).toEqual({ column: 'personNumber', message: expect.stringContaining('2 persons are named') });
    expect(many.errors[0].message).toContain('P90001');
  });

  it('when the date of birth cannot be read, then the message shows what was typed', async () => {
    const [res] = await h.upload(KIND, '2026-01-01', [{ rowId: 1, op: 'insert', values: { firstName: 'Ana', lastName: 'Garcia', dateOfBirth: '31/31/1990', personType: 'Participant' } }]);
    expect(res.errors).toEqual([{ column: 'dateOfBirth', message: expect.stringContaining('"31/31/1990" is not a date we can read') }]);
  });

  it('when the person type is missing or wrong, or a coded value is not in its list, then the row fails on that column', async () => {
    const results = await h.upload(KIND, '2026-01-01', [
      { rowId: 1, op: 'insert', values: { personNumber: 'P10021' } },
      { rowId: 2, op: 'insert', values: { personNumber: 'P10021', personType: 'Dependent' } },
      { rowId: 3, op: 'insert', values: { personNumber: 'P10021', personType: 'Participant', disabilityStatus: 'Sometimes' } },
    ]);
    expect(results.map((r) => r.errors[0])).toEqual([
      { column: 'personType', message: 'Person Type is required. It is required on a new row.' },
      { column: 'personType', message: 'P10021 is a Participant, not a Dependent.' },
      { column: 'disabilityStatus', message: expect.stringContaining('"Sometimes" is not one of the choices') },
    ]);
  });

  it('when a dependent’s tobacco use is edited as of a later date, then the prior record is end-dated and kept; non-editable edits are ignored', async () => {
    const row = await habitsOf('P10010', '2026-01-01');
    const [res] = await h.upload(KIND, '2026-06-01', [
      { rowId: 1, op: 'update', key: row.key, version: row.version, values: { ...row.values, tobaccoUse: 'Tobacco user', firstName: 'Renamed', personType: 'Participant' } },
    ]);
    expect(res).toMatchObject({ status: 'Updated', values: { tobaccoUse: 'Tobacco user', personType: 'Dependent' } });
    expect(res.values?.firstName).not.toBe('Renamed');
    expect(await history(row.key)).toEqual([
      { start: '2023-01-01', end: '2026-05-31', tobacco: row.values.tobaccoUse },
      { start: '2026-06-01', end: '4712-12-31', tobacco: 'Tobacco user' },
    ]);
  });

  it('when habits are deleted, then all their history goes; a change before a later record fails', async () => {
    const row = await habitsOf('P10001', '2026-01-01');
    const [future] = await h.upload(KIND, '2024-01-01', [{ rowId: 1, op: 'update', key: row.key, version: row.version, values: { tobaccoUse: 'Tobacco user' } }]);
    expect(future.errors[0].message).toContain('change dated 2025-01-01');
    const [deleted] = await h.upload(KIND, '2026-01-01', [{ rowId: 1, op: 'delete', key: row.key, version: row.version, values: {} }]);
    expect(deleted.status).toBe('Deleted');
    expect(await history(row.key)).toEqual([]);
  });
});
