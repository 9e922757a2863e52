/** Loads the demo data into an empty database: set-based inserts in batches, never a query per row. */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { hashPassword } from '../auth/password';
import { demoAssignments, demoGroups } from '../workbooks/benefit-groups/demo-data';
import { demoPersons } from './persons';

export const DEMO_USER = { username: 'demo', password: 'demo123', displayName: 'Demo Benefits Administrator' };

async function inBatches<T>(rows: T[], size: number, insert: (batch: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

export async function isEmpty(db: Kysely<Database>): Promise<boolean> {
  const row = await db.selectFrom('persons').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n) === 0;
}

export async function seedDemoData(db: Kysely<Database>, options: { persons?: number } = {}): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('users')
      .values({ username: DEMO_USER.username, display_name: DEMO_USER.displayName, password_hash: hashPassword(DEMO_USER.password) })
      .onConflict((oc) => oc.column('username').doNothing())
      .execute();
    const persons = demoPersons(options.persons ?? 300);
    const personIds: number[] = [];
    await inBatches(persons, 500, async (batch) => {
      const rows = await trx.insertInto('persons').values(batch).returning('id').execute();
      personIds.push(...rows.map((r) => r.id));
    });
    const groupIds = (await trx.insertInto('benefit_groups').values(demoGroups).returning('id').execute()).map((r) => r.id);
    const records = demoAssignments(persons.length).flatMap(({ person, records: history }) =>
      history.map((r) => ({
        key: `pbg-${String(person + 1).padStart(6, '0')}`,
        effective_start_date: r.start,
        effective_end_date: r.end,
        version: 1,
        person_id: personIds[person],
        benefit_group_id: groupIds[r.group],
      })),
    );
    await inBatches(records, 500, (batch) => trx.insertInto('person_benefit_groups').values(batch).execute());
  });
}
