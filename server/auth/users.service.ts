/** Managing accounts (the users CLI and the Users workbook): add, change role, disable, reset password. */
import type { Kysely } from 'kysely';
import { newPassword } from '../../src/contract/api';
import { ROLE_TITLES, ROLES, type Role } from '../../src/contract/roles';
import type { Database } from '../db/schema';
import { AppError } from '../errors/app-error';
import { hashPassword } from './password';
import { revokeSessions } from './token.service';
import { findUser, insertUser, updateUser } from './users.repository';

export const USERNAME_PATTERN = /^[A-Za-z0-9._@-]{1,100}$/;

export function checkUsername(username: string): string | undefined {
  return USERNAME_PATTERN.test(username) ? undefined : `"${username}" is not a user name we can use: use letters, digits and . _ @ - only (at most 100).`;
}

export function parseRole(text: string): Role | undefined {
  const t = text.trim().toLowerCase().replace(/\s+/g, '-');
  return ROLES.find((r) => r === t || ROLE_TITLES[r].toLowerCase().replace(/\s+/g, '-') === t);
}

export function checkPassword(password: string): string | undefined {
  const result = newPassword.safeParse(password);
  return result.success ? undefined : result.error.issues[0]?.message;
}

/**
 * Data Access as typed: blank = every person; else benefit group names separated by semicolons, each one that exists.
 * Returns the stored form (names joined by "; ", the form server/engine/population.ts reads) or the message naming what was typed.
 */
export async function parseDataAccess(db: Kysely<Database>, text: string | null | undefined): Promise<{ value: string | null; error?: string }> {
  const names = dataAccessNames(text);
  if (names.length === 0) return { value: null };
  const found = new Set((await db.selectFrom('benefit_groups').select('name').where('name', 'in', names).execute()).map((g) => g.name));
  return readDataAccess(text, found);
}

/** The benefit group names of a Data Access text, each once, in the order typed. */
export function dataAccessNames(text: string | null | undefined): string[] {
  return [...new Set((text ?? '').split(';').map((n) => n.trim()).filter(Boolean))];
}

/** The same rule against known group names (set-based callers read them once for a whole chunk); `unknown` lists the rest. */
export function readDataAccess(text: string | null | undefined, known: ReadonlySet<string>): { value: string | null; error?: string; unknown?: string[] } {
  const names = dataAccessNames(text);
  if (names.length === 0) return { value: null };
  const unknown = names.filter((n) => !known.has(n));
  if (unknown.length > 0) return { value: null, unknown, error: `There is no benefits group named ${unknown.map((n) => `"${n}"`).join(', ')}. Give benefit group names separated by semicolons (;), or leave it blank for everyone.` };
  return { value: names.join('; ') };
}

export async function addUser(db: Kysely<Database>, user: { username: string; displayName?: string; role: Role; password: string; dataAccess?: string | null }): Promise<void> {
  const problem = checkUsername(user.username) ?? checkPassword(user.password);
  if (problem) throw new AppError('bad_request', problem);
  if (await findUser(db, user.username)) throw new AppError('conflict', `There is already a user named "${user.username}".`);
  await insertUser(db, { username: user.username, display_name: user.displayName || user.username, role: user.role, password_hash: await hashPassword(user.password), data_access: user.dataAccess ?? null });
}

async function mustUpdate(db: Kysely<Database>, username: string, changes: Parameters<typeof updateUser>[2]): Promise<void> {
  if (!(await updateUser(db, username, changes))) throw new AppError('not_found', `There is no user named "${username}".`);
}

export const setRole = (db: Kysely<Database>, username: string, role: Role) => mustUpdate(db, username, { role });

/** Disabling ends the user's sessions at once (their tokens answer 401 from the next request on). */
export async function setDisabled(db: Kysely<Database>, username: string, disabled: boolean): Promise<void> {
  await mustUpdate(db, username, { disabled });
  if (disabled) await revokeSessions(db, username);
}

/** A new password set by an administrator; the user's sessions end. */
export async function resetPassword(db: Kysely<Database>, username: string, password: string): Promise<void> {
  const problem = checkPassword(password);
  if (problem) throw new AppError('bad_request', problem);
  await mustUpdate(db, username, { password_hash: await hashPassword(password) });
  await revokeSessions(db, username);
}
