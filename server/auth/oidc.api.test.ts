/**
 * Single sign-on against a real OpenID Connect provider (oidc-provider, in a child process, on ports the system
 * picks): the full authorization code + PKCE flow over HTTP, role mapping, and the tokens the server must refuse.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { once } from 'node:events';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { createApp } from '../app';
import type { AppDatabase } from '../db/database';
import { createTestDatabase, dialects } from '../test-support/databases';
import { request as documentedRequest } from '../test-support/openapi-responses';
import { parseRoleMap } from './oidc-config';

jest.setTimeout(120000);

const REDIRECT_URI = 'https://localhost:3000/sso-dialog.html';
const CLIENT_ID = 'benefits-workbook';

let provider: ChildProcess;
let issuer: string;
let otherIssuer: string;
beforeAll(async () => {
  provider = spawn(process.execPath, [path.join(__dirname, '../test-support/oidc-provider.mjs')], { env: { ...process.env, REDIRECT_URI }, stdio: ['ignore', 'pipe', 'ignore'] });
  const lines = createInterface({ input: provider.stdout! });
  const [first] = (await once(lines, 'line')) as [string];
  ({ issuer, otherIssuer } = JSON.parse(first));
});
afterAll(() => {
  provider?.kill();
});

/** The browser's part, over HTTP: authorize with PKCE, follow the provider's redirects (cookies kept), get the code. */
async function authorize(at: string, user: string, clientId = CLIENT_ID) {
  const codeVerifier = randomBytes(32).toString('base64url');
  const nonce = randomBytes(16).toString('base64url');
  const state = randomBytes(16).toString('base64url');
  const query = new URLSearchParams({
    client_id: clientId, redirect_uri: REDIRECT_URI, response_type: 'code', scope: 'openid profile groups', state, nonce, login_hint: user,
    code_challenge: createHash('sha256').update(codeVerifier).digest('base64url'), code_challenge_method: 'S256',
  });
  const cookies = new Map<string, string>();
  let url = `${at}/auth?${query}`;
  for (let hop = 0; hop < 10; hop++) {
    const res = await fetch(url, { redirect: 'manual', headers: { cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; ') } });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const at = pair.indexOf('=');
      cookies.set(pair.slice(0, at), pair.slice(at + 1));
    }
    const location = res.headers.get('location');
    if (!location) throw new Error(`the provider answered ${res.status} without a redirect: ${await res.text()}`);
    const next = new URL(location, url);
    if (next.href.startsWith(REDIRECT_URI)) {
      expect(next.searchParams.get('state')).toBe(state);
      return { code: next.searchParams.get('code') as string, codeVerifier, nonce, redirectUri: REDIRECT_URI };
    }
    url = next.href;
  }
  throw new Error('too many redirects');
}

/** A client that redeems its own code: the ID token, for the tests of tokens the server must refuse. */
async function idTokenFrom(at: string, user: string, clientId = CLIENT_ID): Promise<string> {
  const { code, codeVerifier } = await authorize(at, user, clientId);
  const res = await fetch(`${at}/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'authorization_code', code, code_verifier: codeVerifier, redirect_uri: REDIRECT_URI, client_id: clientId }),
  });
  return ((await res.json()) as { id_token: string }).id_token;
}

describe.each(dialects)('Single sign-on on %s', (dialect) => {
  let database: AppDatabase;
  let api: ReturnType<typeof documentedRequest>;
  let clockAhead = 0;
  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    const config = { issuer, clientId: CLIENT_ID, roleClaim: 'groups', roleMap: parseRoleMap('Benefits Admins=administrator; Benefits Viewers=viewer'), scope: 'openid profile groups' };
    const app = await createApp({ database, oidc: { config, now: () => new Date(Date.now() + clockAhead) } });
    api = documentedRequest(app);
  });
  afterAll(() => database.close());

  const signIn = (body: object) => api.post('/api/auth/oidc/sign-in').send(body);
  const roleOf = async (username: string) => (await database.db.selectFrom('users').select('role').where('username', '=', username).executeTakeFirst())?.role;

  it('when the pane asks how to sign in, then it gets the provider’s authorization endpoint and the client ID', async () => {
    const res = await api.get('/api/auth/oidc/config').expect(200);
    expect(res.body).toMatchObject({ enabled: true, authorizationEndpoint: `${issuer}/auth`, clientId: CLIENT_ID });
  });

  it('when a user signs in with code and PKCE for the first time, then an account with the mapped role is created and the session token works', async () => {
    const res = await signIn(await authorize(issuer, 'alice')).expect(200);
    expect(res.body.user).toEqual({ username: 'alice', displayName: 'Alice Admin', role: 'administrator' });
    expect(await roleOf('alice')).toBe('administrator');
    await api.get('/api/workbooks').set({ Authorization: `Bearer ${res.body.token}` }).expect(200);
    // Signing in again uses the same account.
    await signIn(await authorize(issuer, 'alice')).expect(200);
    expect(await database.db.selectFrom('users').select('username').where('username', '=', 'alice').execute()).toHaveLength(1);
  });

  it('when the role claim maps to viewer, then the account is a viewer; when it maps to no role, then sign-in is refused and no account is made', async () => {
    await signIn(await authorize(issuer, 'victor')).expect(200);
    expect(await roleOf('victor')).toBe('viewer');
    const refused = await signIn(await authorize(issuer, 'mallory')).expect(403);
    expect(refused.body.error.message).toContain('has no role in Benefits Workbook');
    expect(await roleOf('mallory')).toBeUndefined();
  });

  it('when the code’s PKCE verifier is not the one the challenge was made from, then sign-in is refused', async () => {
    const flow = await authorize(issuer, 'alice');
    await signIn({ ...flow, codeVerifier: randomBytes(32).toString('base64url') }).expect(401);
  });

  it('when the ID token has expired, then sign-in is refused saying so', async () => {
    const token = await idTokenFrom(issuer, 'alice');
    await signIn({ idToken: token }).expect(200);
    clockAhead = 2 * 60 * 60 * 1000; // oidc-provider's ID tokens last one hour
    try {
      const res = await signIn({ idToken: token }).expect(401);
      expect(res.body.error.message).toContain('expired');
    } finally {
      clockAhead = 0;
    }
  });

  it('when the ID token comes from another issuer, then sign-in is refused', async () => {
    await signIn({ idToken: await idTokenFrom(otherIssuer, 'alice') }).expect(401);
  });

  it('when the ID token was issued for another application (audience), then sign-in is refused', async () => {
    await signIn({ idToken: await idTokenFrom(issuer, 'alice', 'another-app') }).expect(401);
  });

  it('when the nonce does not match the one the sign-in began with, then sign-in is refused', async () => {
    const flow = await authorize(issuer, 'alice');
    await signIn({ ...flow, nonce: 'another-nonce' }).expect(401);
  });
});
