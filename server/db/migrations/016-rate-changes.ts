import { sql, type Kysely } from 'kysely';

/**
 * Global Benefit Rate Change (issue 13): a preview stores the user's selection, the new rate's start date, what the
 * run would do to each employee benefit record (one line per record) and a fingerprint of it; a run applies exactly
 * those lines as a leased job, one unit (of lines) per transaction, one run at a time whichever instance starts it.
 * Employee benefit records are referred to by key and start date (no foreign key): the lines are a report, kept after a record goes.
 */
const STATEMENTS = [
  `create table rate_change_previews (
     id serial primary key,
     new_rate_start date not null,
     selection jsonb not null,
     fingerprint text not null,
     created_by text not null,
     data_access text,
     created_at timestamptz not null default now())`,
  `create table rate_change_lines (
     preview_id integer not null references rate_change_previews(id) on delete cascade,
     line_no integer not null,
     record_key text not null,
     record_start date not null,
     person_number text not null,
     scenario integer not null check (scenario between 1 and 5),
     action text not null check (action in ('split', 'update', 'none')),
     old_costs jsonb not null,
     new_costs jsonb,
     facts jsonb not null,
     outcome text,
     applied boolean not null default false,
     processed_by_job integer,
     primary key (preview_id, line_no))`,
  `create table rate_change_jobs (
     id serial primary key,
     preview_id integer not null references rate_change_previews(id),
     idempotency_key uuid not null unique,
     status text not null check (status in ('queued', 'running', 'completed', 'failed')),
     total integer not null, done integer not null default 0, changed integer not null default 0,
     message text, claimed_by text, lease_expires_at timestamptz, last_unit integer,
     started_by text not null, data_access text,
     created_at timestamptz not null default now(), finished_at timestamptz)`,
  // seed: one rate change at a time: at most one unfinished run, whichever server instance asked for it.
  `create unique index rate_change_jobs_one_active on rate_change_jobs ((true)) where status in ('queued', 'running')`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['rate_change_jobs', 'rate_change_lines', 'rate_change_previews']) await sql.raw(`drop table ${table}`).execute(db);
}
