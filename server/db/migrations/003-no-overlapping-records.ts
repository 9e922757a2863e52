import { sql, type Kysely } from 'kysely';

/** The tables that hold effective-dated records: (key, effective_start_date) is each one's primary key. */
export const EFFECTIVE_DATED_TABLES = ['person_benefit_groups', 'person_benefit_balances', 'person_habits'];

/**
 * seed: one key has at most one record in effect on any day. The engine never writes overlaps; the database refuses
 * them too, so a bug or a hand-made change cannot leave two "current" records for one key.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create extension if not exists btree_gist`.execute(db);
  for (const table of EFFECTIVE_DATED_TABLES) {
    await sql`
      alter table ${sql.table(table)} add constraint ${sql.ref(`${table}_no_overlap`)}
      exclude using gist (key with =, daterange(effective_start_date, effective_end_date, '[]') with &&)`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of EFFECTIVE_DATED_TABLES) {
    await sql`alter table ${sql.table(table)} drop constraint ${sql.ref(`${table}_no_overlap`)}`.execute(db);
  }
}
