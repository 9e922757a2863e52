import { authorizationUrl, codeChallenge, readRedirect, randomToken } from './pkce';

describe('PKCE and the authorization request', () => {
  it('when the verifier is the one of RFC 7636 appendix B, then the S256 challenge is the RFC’s', async () => {
    expect(await codeChallenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
  });

  it('when a token is made, then it is 43 URL-safe characters (32 random bytes)', () => {
    expect(randomToken()).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('when the authorization URL is built, then it asks for a code with the S256 challenge, state and nonce', () => {
    const url = new URL(authorizationUrl({ authorizationEndpoint: 'https://login.example/auth?tenant=x', clientId: 'app', scope: 'openid', redirectUri: 'https://addin.example/sso-dialog.html', state: 's', nonce: 'n', challenge: 'c' }));
    expect(Object.fromEntries(url.searchParams)).toEqual({ tenant: 'x', client_id: 'app', response_type: 'code', redirect_uri: 'https://addin.example/sso-dialog.html', scope: 'openid', state: 's', nonce: 'n', code_challenge: 'c', code_challenge_method: 'S256' });
  });

  it('when the redirect back carries our state, then the code is read; another state or a provider error is refused in words', () => {
    expect(readRedirect('https://a.example/d?code=abc&state=s', 's')).toEqual({ code: 'abc' });
    expect(readRedirect('https://a.example/d?code=abc&state=other', 's')).toHaveProperty('error');
    expect(readRedirect('https://a.example/d?error=access_denied&error_description=User%20cancelled&state=s', 's')).toEqual({ error: 'User cancelled' });
  });
});
