import { sql, type Kysely } from 'kysely';

/**
 * Accounts and roles (issue 11): each user has a role, may be disabled, and may be limited to a population
 * (`data_access`, NULL = every person; its format belongs to data access by population). Sessions are rows, so a
 * token is checked against its user on every request and signing out (or disabling the user) ends it at once.
 * Users made before this migration could do everything: they become administrators.
 */
const STATEMENTS = [
  `alter table users add column role text not null default 'administrator'`,
  `alter table users alter column role set default 'viewer'`,
  `alter table users add constraint users_role_check check (role in ('viewer', 'editor', 'batch-processor', 'administrator'))`,
  `alter table users add column disabled boolean not null default false`,
  `alter table users add column data_access text`,
  `alter table users add column created_at timestamptz not null default now()`,
  `create table sessions (
     token_hash text primary key,
     username text not null references users(username) on delete cascade on update cascade,
     created_at timestamptz not null default now(),
     expires_at timestamptz not null,
     revoked_at timestamptz
   )`,
  `create index sessions_username on sessions (username)`,
  // rate-limiter-flexible's own table (RateLimiterPostgres), made here so no two servers race to create it.
  `create table if not exists rate_limits (key varchar(255) primary key, points integer not null default 0, expire bigint)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const statement of [
    `drop table rate_limits`,
    `drop table sessions`,
    `alter table users drop column created_at`,
    `alter table users drop column data_access`,
    `alter table users drop column disabled`,
    `alter table users drop column role`,
  ]) {
    await sql.raw(statement).execute(db);
  }
}
