import { Router, type RequestHandler } from 'express';
import type { Kysely } from 'kysely';
import { signInRequest, type SignInResponse } from '../../src/contract/api';
import type { Database } from '../db/schema';
import { AppError } from '../errors/app-error';
import { verifyPassword } from './password';
import type { TokenService } from './token.service';

export function authRoutes(db: Kysely<Database>, tokens: TokenService): Router {
  const router = Router();
  router.post('/api/auth/sign-in', async (req, res) => {
    const { username, password } = signInRequest.parse(req.body);
    const user = await db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
    if (!user || !verifyPassword(password, user.password_hash)) {
      throw new AppError('unauthorized', 'The user name or password is not right.');
    }
    const body: SignInResponse = { token: await tokens.issue(user.username), user: { username: user.username, displayName: user.display_name } };
    res.json(body);
  });
  return router;
}

/** Every API route but health, sign-in and the OpenAPI document needs `Authorization: Bearer <token>`. */
export function requireAuth(tokens: TokenService): RequestHandler {
  return async (req, res, next) => {
    const match = /^Bearer (.+)$/i.exec(req.get('authorization') ?? '');
    if (!match) throw new AppError('unauthorized', 'Sign in first: this request has no bearer token.');
    res.locals.user = await tokens.verify(match[1]);
    next();
  };
}
