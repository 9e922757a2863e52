/**
 * Single sign-on settings, from the environment:
 *   OIDC_ISSUER          the provider's issuer URL (https://login.microsoftonline.com/<tenant>/v2.0, https://<org>.okta.com, …)
 *   OIDC_CLIENT_ID       the application (client) ID registered for the add-in
 *   OIDC_CLIENT_SECRET   only for providers that require one to redeem a code (optional)
 *   OIDC_ROLE_CLAIM      the ID token claim that carries the user's groups or app roles (default "roles")
 *   OIDC_ROLE_MAP        claim value = role pairs, separated by ";": "Benefits Admins=administrator;HR=editor"
 *   OIDC_USERNAME_CLAIM  the claim that names the local account (default "preferred_username", then "email", then "sub")
 *   OIDC_SCOPE           scopes asked for (default "openid profile email")
 */
import { ROLES, type Role } from '../../src/contract/roles';


export interface OidcConfig {
  issuer: string;
  clientId: string;
  clientSecret?: string;
  roleClaim: string;
  /** Claim value → role; a user with several mapped values gets the strongest role. */
  roleMap: Map<string, Role>;
  usernameClaim?: string;
  scope: string;
}

export function parseRoleMap(text: string): Map<string, Role> {
  const map = new Map<string, Role>();
  for (const pair of text.split(';').map((p) => p.trim()).filter(Boolean)) {
    const at = pair.lastIndexOf('=');
    const value = pair.slice(0, at).trim();
    const role = pair.slice(at + 1).trim().toLowerCase() as Role;
    if (at <= 0 || !ROLES.includes(role)) throw new Error(`OIDC_ROLE_MAP: "${pair}" is not "claim value=role" with a role of ${ROLES.join(', ')}.`);
    map.set(value, role);
  }
  return map;
}

export function oidcConfigFromEnv(env: NodeJS.ProcessEnv): OidcConfig | undefined {
  if (!env.OIDC_ISSUER && !env.OIDC_CLIENT_ID) return undefined;
  if (!env.OIDC_ISSUER || !env.OIDC_CLIENT_ID) throw new Error('Single sign-on needs both OIDC_ISSUER and OIDC_CLIENT_ID.');
  return {
    issuer: env.OIDC_ISSUER.replace(/\/$/, ''),
    clientId: env.OIDC_CLIENT_ID,
    clientSecret: env.OIDC_CLIENT_SECRET || undefined,
    roleClaim: env.OIDC_ROLE_CLAIM || 'roles',
    roleMap: parseRoleMap(env.OIDC_ROLE_MAP ?? ''),
    usernameClaim: env.OIDC_USERNAME_CLAIM || undefined,
    scope: env.OIDC_SCOPE || 'openid profile email',
  };
}

/** The strongest role any of the claim's values maps to (the claim may be one value or a list). */
export function mappedRole(config: OidcConfig, claim: unknown): Role | undefined {
  const values = Array.isArray(claim) ? claim : claim === undefined || claim === null ? [] : [claim];
  const roles = values.map((v) => config.roleMap.get(String(v))).filter((r): r is Role => r !== undefined);
  return roles.sort((a, b) => ROLES.indexOf(b) - ROLES.indexOf(a))[0];
}
