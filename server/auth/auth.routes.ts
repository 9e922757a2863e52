import { Router, type RequestHandler } from 'express';
import type { Kysely } from 'kysely';
import { changePasswordRequest, signInRequest, type MessageResponse } from '../../src/contract/api';
import type { Database } from '../db/schema';
import { AppError } from '../errors/app-error';
import { changePassword, signIn } from './auth.service';
import { authOf } from './roles';
import { TooManySignIns, type SignInLimiter } from './sign-in-limiter';
import type { TokenService } from './token.service';

function bearer(authorization: string | undefined): string | undefined {
  return /^Bearer (.+)$/i.exec(authorization ?? '')?.[1];
}

/** Sign-in is public; sign-out and change password come after requireAuth (see app.ts). */
export function signInRoutes(db: Kysely<Database>, tokens: TokenService, limiter: SignInLimiter): Router {
  const router = Router();
  router.post('/api/auth/sign-in', async (req, res) => {
    try {
      res.json(await signIn(db, tokens, limiter, signInRequest.parse(req.body), req.ip ?? 'unknown'));
    } catch (error) {
      // RFC 9110 §10.2.3: a 429 says when to come back.
      if (error instanceof TooManySignIns) res.set('Retry-After', String(error.retryAfterSeconds));
      throw error;
    }
  });
  return router;
}

export function sessionRoutes(db: Kysely<Database>, tokens: TokenService): Router {
  const router = Router();
  router.post('/api/auth/sign-out', async (req, res) => {
    await tokens.revoke(bearer(req.get('authorization')) as string);
    const body: MessageResponse = { message: 'You are signed out.' };
    res.json(body);
  });
  router.post('/api/auth/password', async (req, res) => {
    await changePassword(db, tokens, authOf(req), bearer(req.get('authorization')) as string, changePasswordRequest.parse(req.body));
    const body: MessageResponse = { message: 'Your password is changed. Other sessions of yours have ended.' };
    res.json(body);
  });
  return router;
}

/** Every API route but health, sign-in and the OpenAPI document needs `Authorization: Bearer <token>`. */
export function requireAuth(tokens: TokenService): RequestHandler {
  return async (req, res, next) => {
    const token = bearer(req.get('authorization'));
    if (!token) throw new AppError('unauthorized', 'Sign in first: this request has no bearer token.');
    req.auth = await tokens.verify(token);
    // For the request log: who made the request (never the token).
    res.locals.username = req.auth.username;
    next();
  };
}
