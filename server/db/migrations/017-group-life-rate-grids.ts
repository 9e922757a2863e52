import { sql, type Kysely } from 'kysely';

/**
 * Salary-based, age-banded group life rates (seed: Selerix "Plan: Rates: Group Life"): a plan's settings, its rate
 * grid (benefit level × age band × optional gender), each level's limits and its step-downs, the last three
 * effective-dated so a renewal is an edit on a session date; and what the calculation needs of a person: salary, pay
 * periods and gender. The rate tables join the enrollment reference data's version (migration 007): a process run
 * reads them again when they change.
 */
const DATED = `key text not null, effective_start_date date not null, effective_end_date date not null, version integer not null,
  primary key (key, effective_start_date), check (effective_start_date <= effective_end_date)`;
const LEVEL = `plan_id integer not null references benefit_plans (id), level_id integer not null references benefit_options (id)`;
const VERSIONED = ['group_life_plans', 'rate_grid_rates', 'rate_grid_limits', 'rate_grid_step_downs'];

const STATEMENTS = [
  `create table group_life_plans (
     plan_id integer primary key references benefit_plans (id),
     basis text not null default 'multiple' check (basis in ('multiple', 'percent')),
     round_salary_first boolean not null default false,
     round_after_step_down boolean not null default true,
     rounding text not null default 'none' check (rounding in ('none', 'nearest', 'up', 'down')),
     rounding_unit numeric check (rounding_unit > 0),
     rates_based_on_salary boolean not null default false,
     age_determination_date date,
     employee_monthly_fee numeric not null default 0,
     employer_monthly_fee numeric not null default 0)`,
  `create table rate_grid_rates (${DATED}, ${LEVEL}, lower_age integer not null, gender text not null default '',
     employee_cost numeric not null, employer_cost numeric not null, per integer not null)`,
  `create index rate_grid_rates_level on rate_grid_rates (plan_id, level_id, lower_age)`,
  `create table rate_grid_limits (${DATED}, ${LEVEL}, factor numeric not null, gi_limit numeric, gi_multiplier numeric,
     min_benefit numeric, max_benefit numeric)`,
  `create index rate_grid_limits_level on rate_grid_limits (plan_id, level_id)`,
  `create table rate_grid_step_downs (${DATED}, ${LEVEL}, lower_age integer not null, step_down numeric not null)`,
  `create index rate_grid_step_downs_level on rate_grid_step_downs (plan_id, level_id, lower_age)`,
  `create table person_salaries (
     id serial primary key, person_id integer not null references persons (id), annual_salary numeric not null check (annual_salary > 0),
     pay_periods integer not null default 26 check (pay_periods between 1 and 366), start_date date not null, end_date date not null)`,
  `create index person_salaries_person on person_salaries (person_id, start_date)`,
  `alter table persons add column gender text check (gender in ('Male', 'Female'))`,
  ...VERSIONED.map((table) => `create trigger ${table}_version after insert or update or delete or truncate on ${table} for each statement execute function enrollment_reference_changed()`),
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw('alter table persons drop column gender').execute(db);
  for (const table of ['person_salaries', 'rate_grid_step_downs', 'rate_grid_limits', 'rate_grid_rates', 'group_life_plans']) await sql.raw(`drop table ${table}`).execute(db);
}
