import { sql, type Kysely } from 'kysely';

/**
 * Data access by population and the system-wide audit trail (issue 11).
 * users.data_access and users.role come from migration 008 (data_access: benefit group names separated by ";",
 * NULL: every person); here only the password becomes optional, for single sign-on users. batch_jobs remember who started a run and their population, so the background run keeps to it.
 * change_history: one row per changed column of every upload, delete, batch process and back-out.
 */
const STATEMENTS = [
  `alter table users alter column password_hash drop not null`,
  `alter table batch_jobs add column if not exists started_by text`,
  `alter table batch_jobs add column if not exists data_access text`,
  `create table change_history (
     id bigserial primary key,
     changed_at timestamptz not null default now(),
     username text not null,
     kind text not null,
     action text not null check (action in ('insert', 'update', 'delete', 'process', 'back-out')),
     record_key text not null,
     person_number text,
     column_name text not null,
     old_value text,
     new_value text,
     effective_date date,
     request_id text not null)`,
  `create index change_history_changed_at on change_history (changed_at, id)`,
  `create index change_history_person on change_history (person_number, changed_at)`,
  `create index change_history_user on change_history (username, changed_at)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const statement of [
    `drop table change_history`,
    `alter table batch_jobs drop column data_access`,
    `alter table batch_jobs drop column started_by`,
  ]) {
    await sql.raw(statement).execute(db);
  }
}
