/**
 * Sign-in rate limits, per user name and per address, kept in the database (rate-limiter-flexible's PostgreSQL store,
 * table rate_limits from migration 008), so every server instance counts the same attempts. Only failed sign-ins
 * count; a good one clears its user name's count. Over a limit: 429 with Retry-After, whatever the password.
 */
import type pg from 'pg';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import { AppError } from '../errors/app-error';

export interface SignInLimits {
  /** Failed sign-ins allowed per user name in the window (default 10). */
  perUser: number;
  /** Failed sign-ins allowed per address in the window (default 100: an office behind one address). */
  perAddress: number;
  /** The window, in seconds (default 900, 15 minutes). */
  windowSeconds: number;
}

export const DEFAULT_SIGN_IN_LIMITS: SignInLimits = { perUser: 10, perAddress: 100, windowSeconds: 900 };

export function signInLimitsFromEnv(env: NodeJS.ProcessEnv): SignInLimits {
  const read = (name: string, fallback: number) => {
    const value = env[name];
    if (value === undefined || value === '') return fallback;
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a whole number (1 or more), not "${value}".`);
    return n;
  };
  return {
    perUser: read('SIGN_IN_LIMIT_PER_USER', DEFAULT_SIGN_IN_LIMITS.perUser),
    perAddress: read('SIGN_IN_LIMIT_PER_ADDRESS', DEFAULT_SIGN_IN_LIMITS.perAddress),
    windowSeconds: read('SIGN_IN_LIMIT_WINDOW_SECONDS', DEFAULT_SIGN_IN_LIMITS.windowSeconds),
  };
}

export class TooManySignIns extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    const minutes = Math.ceil(retryAfterSeconds / 60);
    super('too_many_requests', `Too many sign-in attempts. Wait ${minutes === 1 ? 'a minute' : `${minutes} minutes`}, then try again.`);
  }
}

export interface SignInLimiter {
  /** Throws TooManySignIns when the user name or the address has no attempts left. */
  check(username: string, address: string): Promise<void>;
  failed(username: string, address: string): Promise<void>;
  succeeded(username: string): Promise<void>;
}

export function createSignInLimiter(pool: pg.Pool, limits: SignInLimits = DEFAULT_SIGN_IN_LIMITS): SignInLimiter {
  const common = { storeClient: pool, storeType: 'pool', tableName: 'rate_limits', tableCreated: true, duration: limits.windowSeconds, clearExpiredByTimeout: false };
  // User names are compared as typed but without case, so "Demo" and "demo" share a count.
  const byUser = new RateLimiterPostgres({ ...common, keyPrefix: 'sign-in-user', points: limits.perUser });
  const byAddress = new RateLimiterPostgres({ ...common, keyPrefix: 'sign-in-address', points: limits.perAddress });
  const userKey = (username: string) => username.toLowerCase();
  const refuse = (...results: Array<RateLimiterRes | null>) => {
    const over = [results[0] && results[0].consumedPoints >= limits.perUser ? results[0] : null, results[1] && results[1].consumedPoints >= limits.perAddress ? results[1] : null];
    const wait = Math.max(0, ...over.filter((r): r is RateLimiterRes => r !== null).map((r) => r.msBeforeNext));
    if (over.some(Boolean)) throw new TooManySignIns(Math.max(1, Math.ceil(wait / 1000)));
  };
  return {
    async check(username, address) {
      refuse(await byUser.get(userKey(username)), await byAddress.get(address));
    },
    async failed(username, address) {
      // consume() rejects with the result once the points are spent: that is the count we want, not an error.
      const spend = (limiter: RateLimiterPostgres, key: string) => limiter.consume(key).catch((result: unknown) => {
        if (result instanceof RateLimiterRes) return result;
        throw result;
      });
      await Promise.all([spend(byUser, userKey(username)), spend(byAddress, address)]);
    },
    async succeeded(username) {
      await byUser.delete(userKey(username));
    },
  };
}
