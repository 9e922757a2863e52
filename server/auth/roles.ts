/**
 * Stand-in for the accounts-and-roles work (which owns this file): only what data access and the audit trail need.
 * `requireRole(...roles)` lets a signed-in request through when its user has one of the roles.
 */
import type { RequestHandler } from 'express';
import { AppError } from '../errors/app-error';
import type { Role } from './request-auth';

export function requireRole(...roles: Role[]): RequestHandler {
  return (req, _res, next) => {
    if (!req.auth) throw new AppError('unauthorized', 'Sign in first: this request has no bearer token.');
    if (!roles.includes(req.auth.role)) throw new AppError('forbidden', `Your role (${req.auth.role}) does not allow this. Ask an administrator.`);
    next();
  };
}
