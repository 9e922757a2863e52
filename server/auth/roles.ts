/** Role checks on routes: `requireRole('administrator')` after requireAuth; 403 in plain words otherwise. */
import type { Request, RequestHandler } from 'express';
import { ROLE_TITLES, rolesFrom, type Role } from '../../src/contract/roles';
import { AppError } from '../errors/app-error';
import type { Auth } from './token.service';

declare module 'express-serve-static-core' {
  interface Request {
    /** Set by requireAuth on every signed-in request: who is calling, their role and their data access. */
    auth?: Auth;
  }
}

/** The caller (requireAuth ran before): a route reached without it is a programming error, answered 401. */
export function authOf(req: Request): Auth {
  if (!req.auth) throw new AppError('unauthorized', 'Sign in first: this request has no bearer token.');
  return req.auth;
}

/** Throws 403 unless the caller's role is one of `roles`. */
export function assertRole(auth: Auth, roles: readonly Role[], what = 'do this'): void {
  if (!roles.includes(auth.role)) {
    const needed = roles.length === 1 ? ROLE_TITLES[roles[0]] : `${ROLE_TITLES[roles[0]]} or higher`;
    throw new AppError('forbidden', `Your role (${ROLE_TITLES[auth.role]}) does not allow you to ${what}: it needs ${needed}. Ask an administrator if you need it.`);
  }
}

/** Middleware: only these roles may go on. */
export function requireRole(...roles: Role[]): RequestHandler {
  return (req, _res, next) => {
    assertRole(authOf(req), roles);
    next();
  };
}

/** Middleware: this role or any above it. */
export function requireAtLeast(least: Role, what?: string): RequestHandler {
  const roles = rolesFrom(least);
  return (req, _res, next) => {
    assertRole(authOf(req), roles, what);
    next();
  };
}
