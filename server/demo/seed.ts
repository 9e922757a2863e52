/** Loads the demo data into an empty database: people, then each workbook kind's own records. */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { hashPassword } from '../auth/password';
import { workbookKinds } from '../engine/registry';
import { seedPeople } from './people';

export const DEMO_USER = { username: 'demo', password: 'demo123', displayName: 'Demo Benefits Administrator' };

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
    const people = await seedPeople(trx, options.persons ?? 300);
    for (const kind of workbookKinds) await kind.seedDemo?.(trx, people);
  });
}
