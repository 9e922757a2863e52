/**
 * Two users at once on one row: two uploads over HTTP together, each on its own pooled connection on PostgreSQL
 * (READ COMMITTED, where lost updates show); on PGlite the same rounds run one after the other.
 */
import { sql } from 'kysely';
import { createHarness, type Harness } from '../test-support/api-harness';
import { dialects } from '../test-support/databases';
import { ROW_REFUSED } from './upload.service';

jest.setTimeout(60000);
const KIND = 'person-benefit-groups';
const CONFLICT = expect.stringContaining('Someone else changed this row');

/** A session date per round, each after the last, so that every update splits the record (the case that lost work). */
const dayOf = (round: number) => new Date(Date.UTC(2026, 0, 1 + round)).toISOString().slice(0, 10);

describe.each(dialects)('two uploads of one row at once on %s', (dialect) => {
  // Many rounds only where two connections really race; on PGlite's one connection a few check the same answers.
  const ROUNDS = dialect === 'postgres' ? 50 : 5;
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness(dialect, 10);
  });
  afterAll(() => h.close());

  type Row = { key: string; version: number };
  /** What the database holds for the key on the date: no record once deleted. */
  const stateOf = async (key: string, date: string) =>
    (
      await sql<{ group: string; version: number; start: string }>`
        select g.name as group, r.version, r.effective_start_date as start from person_benefit_groups r join benefit_groups g on g.id = r.benefit_group_id
        where r.key = ${key} and ${date}::date between r.effective_start_date and r.effective_end_date`.execute(h.database.db)
    ).rows;
  const insert = async (person: string, date: string): Promise<Row> => {
    const [inserted] = await h.upload(KIND, date, [{ rowId: 1, op: 'insert', values: { personNumber: person, benefitsGroup: 'Interns' } }]);
    expect(inserted.status).toBe('Inserted');
    return inserted as unknown as Row;
  };
  const existing = async (person: string): Promise<Row> => h.rowFor(KIND, dayOf(0), (v) => v.personNumber === person);
  const update = (row: Row, group: string, date: string) => h.upload(KIND, date, [{ rowId: 1, op: 'update', key: row.key, version: row.version, values: { benefitsGroup: group } }]).then(([r]) => r as typeof r & Row);
  const remove = (row: Row, date: string) => h.upload(KIND, date, [{ rowId: 1, op: 'delete', key: row.key, version: row.version, values: {} }]).then(([r]) => r);

  it('when two users update one row at once, then exactly one is Updated, the other is a Conflict, and the winner’s group is kept', async () => {
    let row = await existing('P10001');
    for (let round = 0; round < ROUNDS; round++) {
      const date = dayOf(round);
      const [a, b] = await Promise.all([update(row, 'Retirees', date), update(row, 'Executives', date)]);
      const [winner, loser] = a.status === 'Updated' ? [a, b] : [b, a];
      expect([winner.status, loser.status]).toEqual(['Updated', 'Conflict']);
      expect(loser.errors).toEqual([{ message: CONFLICT }]);
      expect(await stateOf(row.key, date)).toEqual([{ group: winner === a ? 'Retirees' : 'Executives', version: row.version + 1, start: date }]);
      row = winner;
    }
  });

  it('when one user updates a row while another deletes it, then exactly one is acknowledged, the other is a Conflict, and its effect stands', async () => {
    let row = await existing('P10002');
    for (let round = 0; round < ROUNDS; round++) {
      const date = dayOf(round);
      const [updated, deleted] = await Promise.all([update(row, 'Retirees', date), remove(row, date)]);
      expect([['Updated', 'Conflict'], ['Conflict', 'Deleted']]).toContainEqual([updated.status, deleted.status]);
      const loser = updated.status === 'Conflict' ? updated : deleted;
      expect(loser.errors).toEqual([{ message: CONFLICT }]);
      if (updated.status === 'Updated') {
        expect(await stateOf(row.key, date)).toEqual([{ group: 'Retirees', version: row.version + 1, start: date }]);
        row = updated;
      } else {
        expect(loser.errors[0].message).toContain('they deleted this assignment');
        expect(await stateOf(row.key, date)).toEqual([]);
        row = await insert('P10002', dayOf(round + 1));
      }
    }
  });

  it('when two users delete one row at once, then exactly one is Deleted and the other is a Conflict that says it was deleted', async () => {
    let row = await existing('P10003');
    for (let round = 0; round < ROUNDS; round++) {
      const date = dayOf(round);
      const [a, b] = await Promise.all([remove(row, date), remove(row, date)]);
      expect([a.status, b.status].sort()).toEqual(['Conflict', 'Deleted']);
      const loser = a.status === 'Conflict' ? a : b;
      expect(loser.errors).toEqual([{ message: expect.stringMatching(/^Someone else changed this row.*they deleted this assignment/) }]);
      expect(await stateOf(row.key, date)).toEqual([]);
      row = await insert('P10003', dayOf(round + 1));
    }
  });
  it('when a benefits group is deleted while an upload assigns it, then that row fails with a row message, the others are saved, and no record names the group', async () => {
    await sql`insert into benefit_groups (name, start_date) values ('Closing group', '2020-01-01')`.execute(h.database.db);
    const [moving, staying] = [await existing('P10004'), await existing('P10005')];
    const rows = [
      { rowId: 1, op: 'update' as const, key: moving.key, version: moving.version, values: { benefitsGroup: 'Closing group' } },
      { rowId: 2, op: 'update' as const, key: staying.key, version: staying.version, values: { benefitsGroup: 'Retirees' } },
    ];
    let results;
    if (dialect === 'postgres') {
      // Another connection deletes the group and holds its transaction open: the upload resolves the group (the delete
      // is not committed yet), then its reference check waits for that transaction, which commits: the group is gone.
      const other = await h.database.pool.connect();
      try {
        await other.query('begin');
        await other.query(`delete from benefit_groups where name = 'Closing group'`);
        const uploading = h.upload(KIND, dayOf(60), rows);
        const waiting = async () => (await sql<{ n: number }>`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`.execute(h.database.db)).rows[0].n;
        while ((await waiting()) === 0) await new Promise((resolve) => setTimeout(resolve, 20));
        await other.query('commit');
        results = await uploading;
      } finally {
        other.release();
      }
      expect(results[0]).toMatchObject({ status: 'Upload Failed', errors: [{ message: ROW_REFUSED }] });
    } else {
      // One connection: the delete comes first, and the upload's own check names the group.
      await sql`delete from benefit_groups where name = 'Closing group'`.execute(h.database.db);
      results = await h.upload(KIND, dayOf(60), rows);
      expect(results[0]).toMatchObject({ status: 'Upload Failed', errors: [{ column: 'benefitsGroup', message: expect.stringContaining('There is no benefits group named "Closing group"') }] });
    }
    expect(results[1].status).toBe('Updated');
    expect(await stateOf(staying.key, dayOf(60))).toEqual([{ group: 'Retirees', version: staying.version + 1, start: dayOf(60) }]);
    const orphans = await sql<{ n: number }>`select count(*)::int as n from person_benefit_groups r where not exists (select 1 from benefit_groups g where g.id = r.benefit_group_id)`.execute(h.database.db);
    expect(orphans.rows[0].n).toBe(0);
  });
});
