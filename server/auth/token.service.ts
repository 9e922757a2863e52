/**
 * Sessions: a bearer token is 32 random bytes; the database keeps only its SHA-256, with its user and expiry. Every
 * request looks the session up with its user, so signing out, disabling or deleting the user, or changing the role
 * takes effect on the next request, on every server instance.
 */
import { createHash, randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Role } from '../../src/contract/roles';
import type { Database } from '../db/schema';
import { AppError } from '../errors/app-error';

/** Who is calling, on every authenticated request (`req.auth`). `dataAccess` NULL: every person. */
export interface Auth {
  username: string;
  role: Role;
  dataAccess: string | null;
}

export interface TokenService {
  issue(username: string): Promise<string>;
  verify(token: string): Promise<Auth>;
  /** Ends the session of this token (signing out); unknown tokens are ignored. */
  revoke(token: string): Promise<void>;
  /** Ends every session of a user (disabled, password changed), but the one of `except` if given. */
  revokeAll(username: string, except?: string): Promise<void>;
}

/** Default 8 hours; SESSION_LIFETIME_MINUTES sets it. */
export const DEFAULT_SESSION_MINUTES = 8 * 60;

export function sessionMinutesFromEnv(env: NodeJS.ProcessEnv): number {
  const value = env.SESSION_LIFETIME_MINUTES;
  if (value === undefined || value === '') return DEFAULT_SESSION_MINUTES;
  const minutes = Number(value);
  if (!Number.isInteger(minutes) || minutes < 1) throw new Error(`SESSION_LIFETIME_MINUTES must be a whole number of minutes (1 or more), not "${value}".`);
  return minutes;
}

const ENDED = 'Your session has ended or is not valid. Sign in again.';

export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function revokeSessions(db: Kysely<Database>, username: string, except?: string): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ revoked_at: sql<Date>`now()` })
    .where('username', '=', username)
    .where('revoked_at', 'is', null)
    .$if(except !== undefined, (q) => q.where('token_hash', '<>', tokenHash(except as string)))
    .execute();
}

export function createTokenService(db: Kysely<Database>, options: { lifetimeMinutes?: number } = {}): TokenService {
  const minutes = options.lifetimeMinutes ?? DEFAULT_SESSION_MINUTES;
  return {
    async issue(username) {
      const token = randomBytes(32).toString('base64url');
      await db
        .insertInto('sessions')
        .values({ token_hash: tokenHash(token), username, expires_at: sql<Date>`now() + make_interval(mins => ${minutes})` })
        .execute();
      // Ended sessions are of no use once expired: keep the table small.
      await db.deleteFrom('sessions').where('username', '=', username).where('expires_at', '<', sql<Date>`now() - interval '1 day'`).execute();
      return token;
    },
    async verify(token) {
      const row = await db
        .selectFrom('sessions as s')
        .innerJoin('users as u', 'u.username', 's.username')
        .select(['u.username', 'u.role', 'u.data_access'])
        .where('s.token_hash', '=', tokenHash(token))
        .where('s.revoked_at', 'is', null)
        .where('s.expires_at', '>', sql<Date>`now()`)
        .where('u.disabled', '=', false)
        .executeTakeFirst();
      if (!row) throw new AppError('unauthorized', ENDED);
      return { username: row.username, role: row.role, dataAccess: row.data_access };
    },
    async revoke(token) {
      await db.updateTable('sessions').set({ revoked_at: sql<Date>`now()` }).where('token_hash', '=', tokenHash(token)).where('revoked_at', 'is', null).execute();
    },
    revokeAll: (username, except) => revokeSessions(db, username, except),
  };
}
