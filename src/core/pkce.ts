/** The browser's part of the authorization code flow with PKCE (RFC 7636), as plain functions: no Office, no DOM. */

const base64url = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

/** A random string for the verifier, the state and the nonce (32 bytes: a 43-character verifier, RFC 7636 §4.1). */
export function randomToken(random: (bytes: Uint8Array) => Uint8Array = (b) => crypto.getRandomValues(b)): string {
  return base64url(random(new Uint8Array(32)));
}

/** S256: BASE64URL(SHA256(verifier)). */
export async function codeChallenge(verifier: string): Promise<string> {
  return base64url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
}

export interface AuthorizationRequest {
  authorizationEndpoint: string;
  clientId: string;
  scope: string;
  redirectUri: string;
  state: string;
  nonce: string;
  challenge: string;
}

export function authorizationUrl(r: AuthorizationRequest): string {
  const url = new URL(r.authorizationEndpoint);
  const params = { client_id: r.clientId, response_type: 'code', redirect_uri: r.redirectUri, scope: r.scope, state: r.state, nonce: r.nonce, code_challenge: r.challenge, code_challenge_method: 'S256' };
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  return url.href;
}

/** What the provider's redirect back says: the code, or the provider's error in words; a state that is not ours is refused. */
export function readRedirect(href: string, expectedState: string | null): { code: string } | { error: string } {
  const params = new URL(href).searchParams;
  if (params.get('error')) return { error: params.get('error_description') ?? params.get('error') ?? 'The sign-in was not completed.' };
  if (!expectedState || params.get('state') !== expectedState) return { error: 'The sign-in answer does not belong to this sign-in. Close this window and sign in again.' };
  const code = params.get('code');
  return code ? { code } : { error: 'The sign-in answer has no code. Close this window and sign in again.' };
}
