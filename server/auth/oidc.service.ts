/**
 * Single sign-on with an OpenID Connect provider: the pane's dialog gets an authorization code (with PKCE), the
 * server redeems it at the provider's token endpoint and verifies the ID token against the provider's published
 * keys (jose's remote JWK set: issuer, audience = our client ID, expiry, nonce), maps the role claim to a role and
 * the user to a local account (created on first sign-in), then issues the app's own session token.
 */
import { createRemoteJWKSet, errors as joseErrors, jwtVerify, type JWTPayload } from 'jose';
import type { Kysely } from 'kysely';
import type { SignInResponse } from '../../src/contract/api';
import type { SsoConfigResponse, SsoSignInRequest } from '../../src/contract/sso';
import type { Database } from '../db/schema';
import { AppError } from '../errors/app-error';
import { mappedRole, type OidcConfig } from './oidc-config';
import type { TokenService } from './token.service';

export interface OidcOptions {
  config: OidcConfig;
  /** The server's clock (tests move it to see an ID token expire). */
  now?: () => Date;
}

interface Discovery {
  authorization_endpoint: string;
  token_endpoint: string;
  jwks_uri: string;
}

const REFUSED = 'Single sign-on did not work: the sign-in was not accepted. Sign in again; if it keeps failing, ask your administrator.';

export interface OidcService {
  clientConfig(): Promise<SsoConfigResponse>;
  signIn(request: SsoSignInRequest): Promise<SignInResponse>;
}

export function createOidcService(db: Kysely<Database>, tokens: TokenService, options: OidcOptions): OidcService {
  const { config } = options;
  let discovered: Promise<{ discovery: Discovery; keys: ReturnType<typeof createRemoteJWKSet> }> | undefined;
  const discover = () => {
    discovered ??= (async () => {
      const res = await fetch(`${config.issuer}/.well-known/openid-configuration`);
      if (!res.ok) throw new Error(`OpenID discovery answered ${res.status}`);
      const discovery = (await res.json()) as Discovery;
      return { discovery, keys: createRemoteJWKSet(new URL(discovery.jwks_uri)) };
    })().catch((error: unknown) => {
      discovered = undefined; // try again on the next sign-in
      throw error;
    });
    return discovered;
  };

  async function redeem(discovery: Discovery, request: Extract<SsoSignInRequest, { code: string }>): Promise<string> {
    const form = new URLSearchParams({ grant_type: 'authorization_code', code: request.code, redirect_uri: request.redirectUri, client_id: config.clientId, code_verifier: request.codeVerifier });
    if (config.clientSecret) form.set('client_secret', config.clientSecret);
    const res = await fetch(discovery.token_endpoint, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form });
    const body = (await res.json().catch(() => ({}))) as { id_token?: string };
    if (!res.ok || !body.id_token) throw new AppError('unauthorized', REFUSED);
    return body.id_token;
  }

  async function verify(idToken: string, nonce: string | undefined): Promise<JWTPayload> {
    const { keys } = await discover();
    try {
      const { payload } = await jwtVerify(idToken, keys, { issuer: config.issuer, audience: config.clientId, currentDate: options.now?.() });
      if (nonce !== undefined && payload.nonce !== nonce) throw new AppError('unauthorized', REFUSED);
      return payload;
    } catch (error) {
      if (error instanceof joseErrors.JWTExpired) throw new AppError('unauthorized', 'Your organisation sign-in has expired. Sign in again.');
      if (error instanceof AppError) throw error;
      throw new AppError('unauthorized', REFUSED);
    }
  }

  return {
    async clientConfig() {
      const { discovery } = await discover();
      return { enabled: true, authorizationEndpoint: discovery.authorization_endpoint, clientId: config.clientId, scope: config.scope, label: 'Sign in with your organisation account' };
    },

    async signIn(request) {
      const idToken = 'code' in request ? await redeem((await discover()).discovery, request) : request.idToken;
      const claims = await verify(idToken, request.nonce);
      const username = String((config.usernameClaim ? claims[config.usernameClaim] : undefined) ?? claims.preferred_username ?? claims.email ?? claims.sub ?? '').trim();
      if (!username) throw new AppError('unauthorized', REFUSED);
      const existing = await db.selectFrom('users').select(['username', 'display_name', 'role', 'disabled']).where('username', '=', username).executeTakeFirst();
      let user = existing;
      if (!user) {
        const role = mappedRole(config, claims[config.roleClaim]);
        if (!role) throw new AppError('forbidden', `Your organisation account (${username}) has no role in Benefits Workbook. Ask your administrator to give you access.`);
        const displayName = String(claims.name ?? username);
        await db.insertInto('users').values({ username, display_name: displayName, password_hash: null, role }).onConflict((oc) => oc.column('username').doNothing()).execute();
        user = await db.selectFrom('users').select(['username', 'display_name', 'role', 'disabled']).where('username', '=', username).executeTakeFirstOrThrow();
      }
      if (user.disabled) throw new AppError('unauthorized', REFUSED);
      return { token: await tokens.issue(user.username), user: { username: user.username, displayName: user.display_name, role: user.role } };
    },
  };
}
