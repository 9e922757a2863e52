/**
 * One record in effect per person (balances: per person and balance type) on any date, for every effective-dated
 * kind, over HTTP on PGlite and, when reachable, PostgreSQL (where two uploads at once run on two connections).
 */
import { sql } from 'kysely';
import { createHarness, type Harness } from '../test-support/api-harness';
import { dialects } from '../test-support/databases';

jest.setTimeout(60000);
const GROUPS = 'person-benefit-groups';
const BALANCES = 'person-benefit-balances';
const HABITS = 'person-habits';

type Result = Awaited<ReturnType<Harness['upload']>>[number] & { key: string; version: number };

describe.each(dialects)('one record in effect per person on %s', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness(dialect);
  });
  afterAll(() => h.close());

  const upload = async (kind: string, date: string, rows: Parameters<Harness['upload']>[2]) => (await h.upload(kind, date, rows)) as Result[];
  const addGroup = async (person: string, group: string, date: string) => (await upload(GROUPS, date, [{ rowId: 1, op: 'insert', values: { personNumber: person, benefitsGroup: group } }]))[0];
  const count = async (table: string, person: string) =>
    (await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)} r join persons p on p.id = r.person_id where p.person_number = ${person}`.execute(h.database.db)).rows[0].n;
  /** Pairs of records of different keys, same subject, whose dates overlap: what the rule forbids. */
  const overlaps = async () => {
    let n = 0;
    for (const [table, subject] of [['person_benefit_groups', 'a.person_id = b.person_id'], ['person_habits', 'a.person_id = b.person_id'], ['person_benefit_balances', 'a.person_id = b.person_id and a.balance_type_id = b.balance_type_id']]) {
      const { rows } = await sql<{ n: number }>`
        select count(*)::int as n from ${sql.table(table)} a join ${sql.table(table)} b on ${sql.raw(subject)} and a.key < b.key
          and a.effective_start_date <= b.effective_end_date and b.effective_start_date <= a.effective_end_date`.execute(h.database.db);
      n += rows[0].n;
    }
    return n;
  };

  it('when a new group is dated before the person’s later-dated group, then the row fails and names that group and its dates', async () => {
    expect((await addGroup('P10010', 'Executives', '2026-06-01')).status).toBe('Inserted');
    const earlier = await addGroup('P10010', 'Interns', '2026-01-01');
    expect(earlier).toMatchObject({ status: 'Upload Failed', errors: [{ column: 'personNumber', message: 'P10010 already has Executives from 2026-06-01; change that record instead.' }] });
    expect(await count('person_benefit_groups', 'P10010')).toBe(1);
  });

  it('when one upload adds two groups for one person, then the second row fails and names the first row', async () => {
    const results = await upload(GROUPS, '2026-01-01', [
      { rowId: 7, op: 'insert', values: { personNumber: 'P10020', benefitsGroup: 'Interns' } },
      { rowId: 8, op: 'insert', values: { personNumber: 'P10020', benefitsGroup: 'Retirees' } },
    ]);
    expect(results.map((r) => r.status)).toEqual(['Inserted', 'Upload Failed']);
    expect(results[1].errors).toEqual([{ column: 'personNumber', message: 'P10020 already has Interns from 2026-01-01 on row 7 of this upload; keep only one of the two rows.' }]);
  });

  it('when one upload deletes a person’s group and adds a new one for that person, then both are saved', async () => {
    const row = await h.rowFor(GROUPS, '2026-01-01', (v) => v.personNumber === 'P10004');
    const results = await upload(GROUPS, '2026-01-01', [
      { rowId: 1, op: 'delete', key: row.key, version: row.version, values: {} },
      { rowId: 2, op: 'insert', values: { personNumber: 'P10004', benefitsGroup: 'Retirees' } },
    ]);
    expect(results.map((r) => r.status)).toEqual(['Deleted', 'Inserted']);
  });

  it('when a person has balances of two different types, then both are saved; a second of one type dated earlier fails and names it', async () => {
    const balance = (rowId: number, name: string) => ({ rowId, op: 'insert' as const, values: { personNumber: 'P10002', balanceName: name, value: 40, benefitsRelationship: 'Default' } });
    expect((await upload(BALANCES, '2026-06-01', [balance(1, 'Vacation Buy Hours')]))[0].status).toBe('Inserted');
    const results = await upload(BALANCES, '2026-01-01', [balance(1, 'HSA Employer Seed'), balance(2, 'Vacation Buy Hours')]);
    expect(results.map((r) => r.status)).toEqual(['Inserted', 'Upload Failed']);
    expect(results[1].errors).toEqual([{ column: 'balanceName', message: 'P10002 already has a Vacation Buy Hours balance from 2026-06-01; change that record instead.' }]);
  });

  it('when a person’s habits already have a record from a later date, or an ended one, then a new habits row fails and names it', async () => {
    const types = async (person: string) => (await sql<{ t: string }>`select person_type as t from persons where person_number = ${person}`.execute(h.database.db)).rows[0].t;
    const habits = async (person: string, date: string) =>
      (await upload(HABITS, date, [{ rowId: 1, op: 'insert', values: { personNumber: person, personType: await types(person), tobaccoUse: 'Non-tobacco user' } }]))[0];
    expect((await habits('P10021', '2026-06-01')).status).toBe('Inserted');
    expect((await habits('P10021', '2026-01-01')).errors).toEqual([{ column: 'personNumber', message: 'P10021 already has a habits record from 2026-06-01; change that record instead.' }]);
    // P10001 quit tobacco at the start of 2025: a record ended 2024-12-31, then the current one.
    expect((await habits('P10001', '2024-06-01')).errors).toEqual([{ column: 'personNumber', message: 'P10001 already has a habits record from 2022-01-01 to 2024-12-31; change that record instead.' }]);
    expect(await overlaps()).toBe(0);
  });

  it('when two uploads at once add a group for one person on different dates, then exactly one is inserted and the other names it', async () => {
    // Many rounds only where two connections really race; on PGlite's one connection a few check the same answers.
    for (let round = 0; round < (dialect === 'postgres' ? 25 : 5); round++) {
      const [early, late] = await Promise.all([addGroup('P10030', 'Interns', '2026-01-01'), addGroup('P10030', 'Retirees', '2026-06-01')]);
      const [winner, loser] = early.status === 'Inserted' ? [early, late] : [late, early];
      expect([winner.status, loser.status]).toEqual(['Inserted', 'Upload Failed']);
      const named = winner === early ? 'Interns from 2026-01-01' : 'Retirees from 2026-06-01';
      expect(loser.errors).toEqual([{ column: 'personNumber', message: `P10030 already has ${named}; change that record instead.` }]);
      expect(await count('person_benefit_groups', 'P10030')).toBe(1);
      const [deleted] = await upload(GROUPS, '2026-06-01', [{ rowId: 1, op: 'delete', key: winner.key, version: winner.version, values: {} }]);
      expect(deleted.status).toBe('Deleted');
    }
    expect(await overlaps()).toBe(0);
  });
});
