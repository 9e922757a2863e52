/** Test users of each role, and signing them in over HTTP. */
import type { Express } from 'express';
import { randomUUID } from 'node:crypto';
import { ROLES, type Role } from '../../src/contract/roles';
import { hashPassword } from '../auth/password';
import type { Database } from '../db/schema';
import type { Kysely } from 'kysely';
import { request } from './openapi-responses';

export const TEST_PASSWORD = 'correct horse battery';

export async function addUser(db: Kysely<Database>, username: string, role: Role, options: { password?: string; disabled?: boolean; dataAccess?: string | null } = {}): Promise<void> {
  await db
    .insertInto('users')
    .values({ username, display_name: `Test ${role}`, role, password_hash: await hashPassword(options.password ?? TEST_PASSWORD), disabled: options.disabled ?? false, data_access: options.dataAccess ?? null })
    .execute();
}

/** One user per role, named after it with a random tail (several files may share a database server, never a database). */
export async function addUserPerRole(db: Kysely<Database>): Promise<Record<Role, string>> {
  const names = Object.fromEntries(ROLES.map((r) => [r, `${r}-${randomUUID().slice(0, 6)}`])) as Record<Role, string>;
  for (const r of ROLES) await addUser(db, names[r], r);
  return names;
}

export async function signInAs(app: Express, username: string, password = TEST_PASSWORD): Promise<{ Authorization: string }> {
  const res = await request(app).post('/api/auth/sign-in').send({ username, password }).expect(200);
  return { Authorization: `Bearer ${res.body.token}` };
}
