/**
 * The embedded database's statistics rule (auto-analyze.ts): a table is analyzed once the rows written since its last
 * ANALYZE exceed max(1,000, 10 % of its rows), and the server does it by itself after the writes. PGlite only: on
 * PostgreSQL autovacuum does it, and the rule is not installed.
 */
import { sql } from 'kysely';
import { withTestDatabase } from '../test-support/databases';

jest.setTimeout(120000);

describe('statistics after big writes on the embedded database', () => {
  const t = withTestDatabase('pglite');
  const db = () => t.database.db;
  const stats = async () =>
    (await sql<{ reltuples: number; last_analyze: Date | null }>`select c.reltuples, s.last_analyze from pg_class c
      join pg_stat_user_tables s on s.relid = c.oid where c.relname = 'analyze_probe'`.execute(db())).rows[0];
  const insert = (from: number, to: number) => sql`insert into analyze_probe select g, 'x' from generate_series(${from}::int, ${to}::int) g`.execute(db());

  beforeAll(async () => {
    await sql`create table analyze_probe (id int primary key, v text)`.execute(db());
  });

  it('when a never analyzed table gets more than 1,000 rows, then a check analyzes it', async () => {
    await insert(1, 20000);
    expect((await stats()).last_analyze).toBeNull();
    expect(await t.database.autoAnalyze!.check()).toContain('public.analyze_probe');
    expect(await stats()).toMatchObject({ reltuples: 20000, last_analyze: expect.any(Date) });
  });

  it('when fewer rows than 10 % of the table are written, then it is left alone; past 10 %, it is analyzed', async () => {
    await insert(20001, 21500);
    expect(await t.database.autoAnalyze!.check()).not.toContain('public.analyze_probe');
    expect((await stats()).reltuples).toBe(20000);
    await sql`update analyze_probe set v = 'y' where id <= 1000`.execute(db());
    expect(await t.database.autoAnalyze!.check()).toContain('public.analyze_probe');
    expect((await stats()).reltuples).toBe(21500);
  });

  it('when a big write commits, then the server analyzes the table by itself soon after', async () => {
    const before = (await stats()).last_analyze as Date;
    await db().transaction().execute(async (trx) => {
      await sql`insert into analyze_probe select g, 'x' from generate_series(21501, 25000) g`.execute(trx);
    });
    // Waits for the check the commit nudged (no time asserted: the test only ends sooner when it has run).
    let now = await stats();
    while (now.reltuples !== 25000) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      now = await stats();
    }
    expect(now.last_analyze!.getTime()).toBeGreaterThan(before.getTime());
  });
});
