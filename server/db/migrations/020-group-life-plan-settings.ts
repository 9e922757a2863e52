import { sql, type Kysely } from 'kysely';

/**
 * Group life plans edited in workbooks (issue 13): a plan's Benefit Amount Mode and Default Benefit Level (seed:
 * Selerix "Configuration Options"), a version on the plan settings and on benefit levels (keyed kinds), a benefit
 * level's code (seed: "Level 1, with a code of 1"), and person_salaries in the effective-dated shape every dated kind
 * has (key, effective start and end date, version), so the Employee Salaries workbook runs on the generic engine.
 */
const STATEMENTS = [
  `alter table group_life_plans add column benefit_amount_mode text not null default 'annual' check (benefit_amount_mode in ('annual', 'monthly', 'weekly'))`,
  `alter table group_life_plans add column default_level_id integer references benefit_options (id)`,
  `alter table group_life_plans add column version integer not null default 1`,
  `alter table benefit_options add column code text`,
  `alter table benefit_options add column version integer not null default 1`,
  `create unique index benefit_options_plan_code on benefit_options (plan_id, code) where code is not null`,
  `alter table person_salaries add column key text`,
  `update person_salaries set key = gen_random_uuid()::text`,
  `alter table person_salaries alter column key set not null`,
  `alter table person_salaries add column version integer not null default 1`,
  `alter table person_salaries rename column start_date to effective_start_date`,
  `alter table person_salaries rename column end_date to effective_end_date`,
  `alter table person_salaries drop column id`,
  `alter table person_salaries add primary key (key, effective_start_date)`,
  `alter table person_salaries add check (effective_start_date <= effective_end_date)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const statement of [
    `alter table person_salaries drop constraint person_salaries_pkey`,
    `alter table person_salaries add column id serial primary key`,
    `alter table person_salaries rename column effective_start_date to start_date`,
    `alter table person_salaries rename column effective_end_date to end_date`,
    `alter table person_salaries drop column key`,
    `alter table person_salaries drop column version`,
    `drop index benefit_options_plan_code`,
    `alter table benefit_options drop column code`,
    `alter table benefit_options drop column version`,
    `alter table group_life_plans drop column benefit_amount_mode`,
    `alter table group_life_plans drop column default_level_id`,
    `alter table group_life_plans drop column version`,
  ]) await sql.raw(statement).execute(db);
}
