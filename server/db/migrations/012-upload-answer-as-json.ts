import { sql, type Kysely } from 'kysely';

/**
 * The stored answer of an upload (upload_requests.response, kept for a retry with the same idempotency key) as `json`
 * (the text, checked once) instead of `jsonb` (parsed into a binary tree on every write), compressed with lz4 where
 * the server has it (PostgreSQL 14+ built with lz4; PGlite keeps the default pglz): it is only ever written once and
 * read back whole, never queried inside. Measured on a 500 KB answer (a 2,000-row chunk) on PostgreSQL 15, the
 * statement that stores it: jsonb 46–70 ms (more under load), json with lz4 12–24 ms (issue 12).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table upload_requests alter column response type json using response::json`.execute(db);
  await sql.raw(`
    do $$ begin
      alter table upload_requests alter column response set compression lz4;
    exception when others then null;
    end $$`).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table upload_requests alter column response set compression default`.execute(db);
  await sql`alter table upload_requests alter column response type jsonb using response::jsonb`.execute(db);
}
