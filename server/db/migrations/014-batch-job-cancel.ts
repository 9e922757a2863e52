import { sql, type Kysely } from 'kysely';

/**
 * Cancel on Process batch (issue 10): a run can be asked to stop (cancel_requested_at, by whom) and then ends after the
 * unit in flight as 'cancelled', a finished state like completed or failed (the one-active-run index leaves it out).
 */
const STATEMENTS = [
  `alter table batch_jobs add column cancel_requested_at timestamptz`,
  `alter table batch_jobs add column cancel_requested_by text`,
  `alter table batch_jobs drop constraint batch_jobs_status_check`,
  `alter table batch_jobs add constraint batch_jobs_status_check check (status in ('queued', 'running', 'completed', 'failed', 'cancelled'))`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw(`update batch_jobs set status = 'failed' where status = 'cancelled'`).execute(db);
  await sql.raw(`alter table batch_jobs drop constraint batch_jobs_status_check`).execute(db);
  await sql.raw(`alter table batch_jobs add constraint batch_jobs_status_check check (status in ('queued', 'running', 'completed', 'failed'))`).execute(db);
  await sql.raw(`alter table batch_jobs drop column cancel_requested_by`).execute(db);
  await sql.raw(`alter table batch_jobs drop column cancel_requested_at`).execute(db);
}
