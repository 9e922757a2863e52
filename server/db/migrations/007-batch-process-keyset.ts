import { sql, type Kysely } from 'kysely';

/**
 * The enrollment process at open-enrollment scale: a run remembers the last unit (participant) it finished, so the
 * next unit is found from there (keyset) instead of past every finished line; and the reference data lines name
 * (programs, plans, options, life event types, beneficiary organizations) carries a version that every change to it
 * replaces, so a run reads it once and reads it again only when it changed.
 */
const REFERENCE_TABLES = ['benefit_programs', 'benefit_plans', 'benefit_options', 'life_event_types', 'beneficiary_organizations'];

const STATEMENTS = [
  `alter table batch_jobs add column last_unit text`,
  `create table enrollment_reference_version (
     singleton boolean primary key default true check (singleton), version uuid not null default gen_random_uuid())`,
  `insert into enrollment_reference_version default values`,
  `create function enrollment_reference_changed() returns trigger language plpgsql as $$
     begin
       update enrollment_reference_version set version = gen_random_uuid();
       return null;
     end $$`,
  ...REFERENCE_TABLES.map(
    (table) => `create trigger ${table}_version after insert or update or delete or truncate on ${table} for each statement execute function enrollment_reference_changed()`,
  ),
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of REFERENCE_TABLES) await sql.raw(`drop trigger ${table}_version on ${table}`).execute(db);
  for (const statement of [`drop function enrollment_reference_changed()`, `drop table enrollment_reference_version`, `alter table batch_jobs drop column last_unit`]) {
    await sql.raw(statement).execute(db);
  }
}
