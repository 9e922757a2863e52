import { sql, type Kysely } from 'kysely';

/** "Did you mean": names typed wrong are matched to the nearest valid one by trigram similarity (server/engine/suggestions.ts). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create extension if not exists pg_trgm`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop extension if exists pg_trgm`.execute(db);
}
