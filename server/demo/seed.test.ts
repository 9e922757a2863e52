/** The demo seed leaves planner statistics on the tables it filled (a bulk fill has none until ANALYZE). */
import { sql } from 'kysely';
import { dialects, withTestDatabase } from '../test-support/databases';
import { seedDemoData } from './seed';

jest.setTimeout(120000);

describe.each(dialects)('demo seed on %s', (dialect) => {
  const t = withTestDatabase(dialect);

  it('when the seed has run, then every table it filled has been analyzed and the planner knows its rows', async () => {
    await seedDemoData(t.database.db, { persons: 50 });
    const tables = (await sql<{ relname: string; reltuples: number; n_live_tup: string; analyzed: boolean }>`
      select c.relname, c.reltuples, s.n_live_tup, s.last_analyze is not null as analyzed
      from pg_stat_user_tables s join pg_class c on c.oid = s.relid
      where c.relname in ('persons', 'person_assignments', 'person_benefit_groups', 'benefit_groups')`.execute(t.database.db)).rows;
    const persons = await sql<{ n: string }>`select count(*) as n from persons`.execute(t.database.db);
    expect(tables).toHaveLength(4);
    for (const table of tables) expect(table).toMatchObject({ analyzed: true, reltuples: expect.any(Number) });
    expect(tables.find((r) => r.relname === 'persons')!.reltuples).toBe(Number(persons.rows[0].n));
    expect(tables.every((r) => r.reltuples > 0)).toBe(true);
  });
});
