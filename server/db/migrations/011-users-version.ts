import { sql, type Kysely } from 'kysely';

/**
 * The Users workbook (issue 11) is a keyed kind: an upload of a user row is checked against the version the sheet
 * downloaded (optimistic, as every kind), so users get a version that each change steps.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table users add column version integer not null default 1`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table users drop column version`.execute(db);
}
