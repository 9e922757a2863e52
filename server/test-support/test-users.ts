/** Other users than demo, for API tests: stored with a role and a data access, signed in, with authorised calls. */
import type { Role } from '../../src/contract/roles';
import type request from 'supertest';
import { hashPassword } from '../auth/password';
import type { Harness } from './api-harness';
import { request as documentedRequest } from './openapi-responses';

export interface UserClient {
  get(path: string, query?: Record<string, unknown>): request.Test;
  post(path: string, body: object): request.Test;
  delete(path: string): request.Test;
}

export async function signInAs(h: Harness, username: string, options: { role?: Role; dataAccess?: string | null } = {}): Promise<UserClient> {
  const password = `${username}-password-1`;
  await h.database.db
    .insertInto('users')
    .values({ username, display_name: username, password_hash: await hashPassword(password), role: options.role ?? 'administrator', data_access: options.dataAccess ?? null })
    .execute();
  const api = documentedRequest(h.app);
  const token = (await api.post('/api/auth/sign-in').send({ username, password }).expect(200)).body.token as string;
  const auth = { Authorization: `Bearer ${token}` };
  return {
    get: (path, query = {}) => api.get(path).query(query).set(auth),
    post: (path, body) => api.post(path).set(auth).send(body),
    delete: (path) => api.delete(path).set(auth),
  };
}
