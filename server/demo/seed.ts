/** Loads the demo data into an empty database: people, then each workbook kind's own records. */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { hashPassword, verifyPassword } from '../auth/password';
import { workbookKinds } from '../engine/registry';
import { seedPeople } from './people';

export const DEMO_USER = { username: 'demo', password: 'demo123', displayName: 'Demo Benefits Administrator' };

export async function isEmpty(db: Kysely<Database>): Promise<boolean> {
  const row = await db.selectFrom('persons').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n) === 0;
}

/** The demo account: an administrator, so the demo shows everything. Only on the embedded demo database (main.ts). */
export async function seedDemoAccount(db: Kysely<Database>): Promise<void> {
  await db
    .insertInto('users')
    .values({ username: DEMO_USER.username, display_name: DEMO_USER.displayName, password_hash: await hashPassword(DEMO_USER.password), role: 'administrator' })
    .onConflict((oc) => oc.column('username').doNothing())
    .execute();
}

/**
 * Earlier versions seeded demo/demo123 into PostgreSQL installs too: on a server database that did not ask for it,
 * a `demo` account that still has the demo password is removed (its sessions with it). True when one was.
 */
export async function removeDemoAccount(db: Kysely<Database>): Promise<boolean> {
  const user = await db.selectFrom('users').select('password_hash').where('username', '=', DEMO_USER.username).executeTakeFirst();
  if (!user || !(await verifyPassword(DEMO_USER.password, user.password_hash))) return false;
  await db.deleteFrom('users').where('username', '=', DEMO_USER.username).execute();
  return true;
}

/**
 * Then ANALYZE on every table the seed wrote: a table filled in one go has no planner statistics until autovacuum
 * comes by (PGlite: never), and on 100,000 people a download page planned without them took 3.29 s instead of 42 ms.
 */
export async function seedDemoData(db: Kysely<Database>, options: { persons?: number; demoAccount?: boolean } = {}): Promise<void> {
  const filled = await db.transaction().execute(async (trx) => {
    if (options.demoAccount !== false) await seedDemoAccount(trx);
    const people = await seedPeople(trx, options.persons ?? 300);
    for (const kind of workbookKinds) await kind.seedDemo?.(trx, people);
    return tablesWritten(trx);
  });
  if (filled.length > 0) await sql`analyze ${sql.join(filled.map((t) => sql.id(...t.split('.'))))}`.execute(db);
}

/** The tables this transaction has written to so far (its own statistics counters), schema-qualified. */
async function tablesWritten(db: Kysely<Database>): Promise<string[]> {
  const result = await sql<{ name: string }>`select schemaname || '.' || relname as name from pg_stat_xact_user_tables
    where n_tup_ins + n_tup_upd + n_tup_del > 0 order by name`.execute(db);
  return result.rows.map((r) => r.name);
}
