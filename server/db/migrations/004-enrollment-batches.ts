import { sql, type Kysely } from 'kysely';

/**
 * Benefit enrollments: the reference data names are matched against (programs, plans, options, life event types,
 * contacts, beneficiary organizations), the interim batch tables the workbook uploads to, what the
 * Upload Benefit Enrollments process creates, its runs (jobs) and its audit log.
 */
const STATEMENTS = [
  `create table benefit_programs (
     id serial primary key, name text not null unique, start_date date not null, end_date date not null)`,
  `create table benefit_plans (
     id serial primary key, name text not null unique, program_id integer references benefit_programs(id),
     start_date date not null, end_date date not null,
     default_rate_amount numeric, default_coverage_amount numeric)`,
  `create table benefit_options (
     id serial primary key, plan_id integer not null references benefit_plans(id), name text not null,
     start_date date not null, end_date date not null,
     default_rate_amount numeric, default_coverage_amount numeric, unique (plan_id, name))`,
  `create table life_event_types (
     id serial primary key, name text not null unique, start_date date not null, end_date date not null)`,
  `create table person_contacts (
     id serial primary key, person_id integer not null references persons(id), name text not null,
     relationship text not null, date_of_birth date not null)`,
  `create index person_contacts_person on person_contacts (person_id)`,
  `create table beneficiary_organizations (
     id serial primary key, name text not null unique, start_date date not null, end_date date not null)`,
  `create table enrollment_batches (
     id serial primary key, name text not null unique, audit_log boolean not null default false,
     created_at timestamptz not null default now())`,
  `create table enrollment_batch_lines (
     key text primary key, batch_id integer not null references enrollment_batches(id), line_id integer not null,
     version integer not null,
     enrollment_type text not null, effective_date date not null, person_number text not null,
     program_name text, plan_name text, option_name text, life_event text not null, life_event_occurred_date date not null,
     original_enrollment_date date, create_potential_life_event boolean not null default false,
     benefit_relationship text not null, rate_amount numeric, coverage_amount numeric, date_of_birth date,
     beneficiary_organization text, primary_percentage numeric, contingent_percentage numeric, beneficiary_amount numeric,
     close_life_event_date date, close_life_event boolean not null,
     status text not null default 'NEW' check (status in ('NEW', 'COMPLETE', 'ERROR')),
     message text,
     processed_by_job integer,
     unique (batch_id, line_id))`,
  `create index enrollment_batch_lines_person on enrollment_batch_lines (batch_id, person_number)`,
  `create table potential_life_events (
     id serial primary key, person_id integer not null references persons(id),
     life_event_type_id integer not null references life_event_types(id), occurred_date date not null,
     relationship_id integer not null references benefits_relationships(id),
     status text not null check (status in ('STARTED', 'CLOSED')), closed_date date,
     unique (person_id, life_event_type_id, occurred_date, relationship_id))`,
  // batch_line_key is unique in every table the process writes: the database itself refuses to apply a line twice.
  `create table benefit_enrollments (
     id serial primary key, person_id integer not null references persons(id),
     program_id integer references benefit_programs(id), plan_id integer not null references benefit_plans(id),
     option_id integer references benefit_options(id), life_event_id integer not null references potential_life_events(id),
     effective_start_date date not null, effective_end_date date not null,
     rate_amount numeric, coverage_amount numeric, original_enrollment_date date,
     batch_line_key text not null unique)`,
  `create index benefit_enrollments_person_plan on benefit_enrollments (person_id, plan_id)`,
  `create table dependent_designations (
     id serial primary key, enrollment_id integer not null references benefit_enrollments(id),
     contact_id integer not null references person_contacts(id), effective_date date not null,
     batch_line_key text not null unique, unique (enrollment_id, contact_id))`,
  `create table beneficiary_designations (
     id serial primary key, enrollment_id integer not null references benefit_enrollments(id),
     contact_id integer references person_contacts(id), organization_id integer references beneficiary_organizations(id),
     primary_percentage numeric, contingent_percentage numeric, amount numeric, effective_date date not null,
     batch_line_key text not null unique,
     check ((contact_id is null) <> (organization_id is null)))`,
  `create table batch_jobs (
     id serial primary key, batch_id integer not null references enrollment_batches(id),
     idempotency_key uuid not null unique,
     status text not null check (status in ('queued', 'running', 'completed', 'failed')),
     total integer not null, done integer not null default 0, completed integer not null default 0, errors integer not null default 0,
     message text, claimed_by text, lease_expires_at timestamptz,
     created_at timestamptz not null default now(), finished_at timestamptz)`,
  // At most one unfinished run per batch, whichever server instance asked for it.
  `create unique index batch_jobs_one_active on batch_jobs (batch_id) where status in ('queued', 'running')`,
  `create table enrollment_audit_log (
     id bigserial primary key, batch_id integer not null references enrollment_batches(id), job_id integer not null,
     line_key text not null, line_id integer not null, level text not null check (level in ('ERROR', 'INFORMATION')),
     message text not null, logged_at timestamptz not null default now())`,
  `create index enrollment_audit_log_batch on enrollment_audit_log (batch_id, id)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}

const TABLES = [
  'enrollment_audit_log', 'batch_jobs', 'beneficiary_designations', 'dependent_designations', 'benefit_enrollments',
  'potential_life_events', 'enrollment_batch_lines', 'enrollment_batches', 'beneficiary_organizations', 'person_contacts',
  'life_event_types', 'benefit_options', 'benefit_plans', 'benefit_programs',
];

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of TABLES) await db.schema.dropTable(table).execute();
}
