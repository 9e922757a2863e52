/**
 * Who is asking: set on every signed-in request by requireAuth (agreed with the accounts-and-roles work):
 * `dataAccess` is the user's population (users.data_access; null: every person).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { AppError } from '../errors/app-error';

export type Role = 'viewer' | 'editor' | 'batch processor' | 'administrator';

export interface RequestAuth {
  username: string;
  role: Role;
  dataAccess: string | null;
}

declare module 'express-serve-static-core' {
  interface Request {
    auth?: RequestAuth;
  }
}

/** The signed-in user as stored now (a deleted user's token is refused). */
export async function loadAuth(db: Kysely<Database>, username: string): Promise<RequestAuth> {
  const user = await db.selectFrom('users').select(['username', 'role', 'data_access']).where('username', '=', username).executeTakeFirst();
  if (!user) throw new AppError('unauthorized', 'Your session has ended or is not valid. Sign in again.');
  return { username: user.username, role: user.role as Role, dataAccess: user.data_access };
}

/** The auth of a request that passed requireAuth. */
export function authOf(req: { auth?: RequestAuth }): RequestAuth {
  if (!req.auth) throw new AppError('unauthorized', 'Sign in first: this request has no bearer token.');
  return req.auth;
}
