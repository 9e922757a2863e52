/**
 * Every signed-in API route checks its role, read from the OpenAPI document (`x-role`: the least role of each
 * operation), so the document, the route × role test and the server cannot disagree. An /api address the document
 * does not describe answers 404: a route someone forgot to document cannot be reached, with any role.
 */
import type { RequestHandler } from 'express';
import { rolesFrom, type Role } from '../../src/contract/roles';
import type { WorkbookDefinition } from '../../src/contract/api';
import { AppError } from '../errors/app-error';
import { assertRole, authOf } from './roles';

interface Operation {
  method: string;
  pattern: RegExp;
  role: Role;
}

type Paths = Record<string, Record<string, { 'x-role'?: Role; security?: unknown[] } | undefined> | undefined>;
type Document = { paths?: object };

/** The signed-in operations of the document, each with its path as a pattern ("{kind}" matches one segment). */
export function signedInOperations(document: Document): Operation[] {
  return Object.entries((document.paths ?? {}) as Paths).flatMap(([path, item]) =>
    Object.entries(item ?? {}).flatMap(([method, op]) => {
      if (!op || !op.security || op.security.length === 0) return [];
      if (!op['x-role']) throw new Error(`OpenAPI: ${method.toUpperCase()} ${path} is signed in but names no x-role.`);
      const pattern = new RegExp(`^${path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`);
      return [{ method: method.toUpperCase(), pattern, role: op['x-role']}];
    }),
  );
}

/** After requireAuth on /api: 403 unless the caller's role may take the operation the request names. */
export function requireDocumentedRole(document: Document): RequestHandler {
  const operations = signedInOperations(document);
  return (req, _res, next) => {
    const path = `${req.baseUrl}${req.path}`.replace(/\/+$/, '');
    const operation = operations.find((o) => o.method === req.method && o.pattern.test(path));
    if (!operation) throw new AppError('not_found', 'There is no such API address.');
    assertRole(authOf(req), rolesFrom(operation.role));
    next();
  };
}

/** A workbook kind whose definition names a least role (Users: administrator) is refused, and not listed, below it. */
export function mayOpen(role: Role, definition: WorkbookDefinition): boolean {
  return !definition.role || rolesFrom(definition.role).includes(role);
}

export function requireKindRole(findDefinition: (kind: string) => WorkbookDefinition | undefined): RequestHandler {
  return (req, _res, next) => {
    const definition = findDefinition(String(req.params.kind));
    const auth = authOf(req);
    if (definition && !mayOpen(auth.role, definition)) assertRole(auth, rolesFrom(definition.role as Role), `open the ${definition.title} workbook`);
    next();
  };
}
