import type { Kysely } from 'kysely';
import { sql } from 'kysely';

/**
 * Benefit setup (seed: nVision "Benefits Entry and Maintenance Guide"): benefit categories (nVision's "Benefit
 * Groups": Health, Dental… — not the person benefits groups of `benefit_groups`), coverage types, benefits, their
 * effective-dated rate lines, employee benefit records and the dependents linked to them.
 * Keyed setup records carry a version, so a stale edit is a Conflict as in every other kind.
 */
export const GASB45_TYPES = ['EE - Employee', 'ES - Employee & Spouse', 'EF - Employee & Family', 'BY - Waived'] as const;

const gasbList = GASB45_TYPES.map((t) => `'${t.replace(/'/g, "''")}'`).join(', ');

const STATEMENTS = [
  `create table benefit_categories (
     id serial primary key, name text not null unique, description text not null default '',
     version integer not null default 1)`,
  `create table benefit_coverage_types (
     id serial primary key, code text not null unique, name text not null,
     gasb45_type text not null check (gasb45_type in (${gasbList})),
     version integer not null default 1)`,
  // seed: "Benefit ID: this number is system-defined and uniquely identifies the benefit."
  `create table benefits (
     id serial primary key, category_id integer not null references benefit_categories(id),
     provider text not null, policy_number text, w2_box12_reportable boolean not null default false,
     version integer not null default 1, unique (category_id, provider))`,
  // seed: "Benefit Rate ID: system-defined"; it stays the same across the line's effective-dated history.
  `create sequence benefit_rate_id_seq`,
  `create table benefit_rate_lines (
     key text not null, effective_start_date date not null, effective_end_date date not null, version integer not null,
     rate_id integer not null, benefit_id integer not null references benefits(id),
     coverage_type_id integer not null references benefit_coverage_types(id),
     allocation text not null check (allocation in ('Dollar', 'Percent')),
     total_cost numeric not null, employee_portion numeric not null, employer_portion numeric not null,
     face_value numeric not null default 0, deduction_code text,
     primary key (key, effective_start_date), check (effective_start_date <= effective_end_date))`,
  `create index benefit_rate_lines_rate on benefit_rate_lines (rate_id)`,
  `create index benefit_rate_lines_benefit on benefit_rate_lines (benefit_id, coverage_type_id)`,
  // Start Date = effective_start_date, End Date = effective_end_date (4712-12-31: open, "blank" in the seed).
  `create table employee_benefits (
     key text not null, effective_start_date date not null, effective_end_date date not null, version integer not null,
     person_id integer not null references persons(id), assignment_id integer not null references person_assignments(id),
     rate_id integer not null, benefit_id integer not null references benefits(id),
     allocation text not null check (allocation in ('Dollar', 'Percent')),
     total_cost numeric not null, employee_portion numeric not null, employer_portion numeric not null,
     employee_percent numeric, employer_percent numeric, face_value numeric not null default 0, funding_source text,
     primary key (key, effective_start_date), check (effective_start_date <= effective_end_date))`,
  `create index employee_benefits_person on employee_benefits (person_id)`,
  `create index employee_benefits_rate on employee_benefits (rate_id, effective_start_date)`,
  `create table employee_benefit_dependents (
     key text not null, effective_start_date date not null, effective_end_date date not null, version integer not null,
     person_id integer not null references persons(id), employee_benefit_key text not null,
     contact_id integer not null references person_contacts(id),
     primary key (key, effective_start_date), check (effective_start_date <= effective_end_date))`,
  `create index employee_benefit_dependents_benefit on employee_benefit_dependents (employee_benefit_key)`,
  `create index employee_benefit_dependents_person on employee_benefit_dependents (person_id)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['employee_benefit_dependents', 'employee_benefits', 'benefit_rate_lines', 'benefits', 'benefit_coverage_types', 'benefit_categories']) {
    await db.schema.dropTable(table).execute();
  }
  await sql`drop sequence benefit_rate_id_seq`.execute(db);
}
