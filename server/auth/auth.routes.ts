import { Router, type RequestHandler } from 'express';
import type { Kysely } from 'kysely';
import { signInRequest } from '../../src/contract/api';
import type { Database } from '../db/schema';
import { AppError } from '../errors/app-error';
import { signIn } from './auth.service';
import { loadAuth } from './request-auth';
import type { TokenService } from './token.service';

export function authRoutes(db: Kysely<Database>, tokens: TokenService): Router {
  const router = Router();
  router.post('/api/auth/sign-in', async (req, res) => {
    res.json(await signIn(db, tokens, signInRequest.parse(req.body)));
  });
  return router;
}

/** Every API route but health, sign-in and the OpenAPI document needs `Authorization: Bearer <token>`. */
export function requireAuth(db: Kysely<Database>, tokens: TokenService): RequestHandler {
  return async (req, res, next) => {
    const match = /^Bearer (.+)$/i.exec(req.get('authorization') ?? '');
    if (!match) throw new AppError('unauthorized', 'Sign in first: this request has no bearer token.');
    res.locals.user = await tokens.verify(match[1]);
    req.auth = await loadAuth(db, res.locals.user.username);
    next();
  };
}
