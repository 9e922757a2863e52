/** Signed bearer tokens (HS256 JWT via jose). The secret lives in the database so tokens survive restarts. */
import { randomBytes } from 'node:crypto';
import { jwtVerify, SignJWT } from 'jose';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { AppError } from '../errors/app-error';

const SECRET_SETTING = 'jwt_secret';
const ISSUER = 'benefits-workbook';

export interface TokenService {
  issue(username: string): Promise<string>;
  verify(token: string): Promise<{ username: string }>;
}

async function loadSecret(db: Kysely<Database>): Promise<Uint8Array> {
  await db
    .insertInto('app_settings')
    .values({ name: SECRET_SETTING, value: randomBytes(32).toString('hex') })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  const row = await db.selectFrom('app_settings').select('value').where('name', '=', SECRET_SETTING).executeTakeFirstOrThrow();
  return Buffer.from(row.value, 'hex');
}

export async function createTokenService(db: Kysely<Database>): Promise<TokenService> {
  const secret = await loadSecret(db);
  return {
    issue: (username) =>
      new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setSubject(username).setIssuer(ISSUER).setIssuedAt().setExpirationTime('8h').sign(secret),
    async verify(token) {
      try {
        const { payload } = await jwtVerify(token, secret, { issuer: ISSUER, algorithms: ['HS256'] });
        if (!payload.sub) throw new Error('no subject');
        return { username: payload.sub };
      } catch {
        throw new AppError('unauthorized', 'Your session has ended or is not valid. Sign in again.');
      }
    },
  };
}
