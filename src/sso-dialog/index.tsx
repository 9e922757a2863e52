/**
 * The sign-in dialog page (opened by the pane with Office's dialog API; it is also the redirect URI). First visit:
 * start the authorization code flow with PKCE at the provider. Back from the provider: hand the code, the verifier
 * and the nonce to the pane (Office.context.ui.messageParent; the simulated host's stand-in listens for postMessage).
 */
import { authorizationUrl, codeChallenge, randomToken, readRedirect } from '../core/pkce';
import { ssoConfigResponse } from '../contract/sso';

const KEY = 'bw-sso';
const redirectUri = `${location.origin}${location.pathname}`;

function send(message: object): void {
  const text = JSON.stringify(message);
  if (typeof Office !== 'undefined' && Office.context?.ui?.messageParent) Office.context.ui.messageParent(text);
  else window.opener?.postMessage(text, location.origin);
}

function show(text: string): void {
  const status = document.getElementById('status');
  if (status) status.textContent = text;
}

async function run(): Promise<void> {
  const saved = JSON.parse(sessionStorage.getItem(KEY) ?? 'null') as { state: string; verifier: string; nonce: string } | null;
  if (new URL(location.href).searchParams.has('state')) {
    sessionStorage.removeItem(KEY);
    const answer = readRedirect(location.href, saved?.state ?? null);
    if ('error' in answer) {
      show(answer.error);
      send({ error: answer.error });
      return;
    }
    send({ code: answer.code, codeVerifier: saved!.verifier, nonce: saved!.nonce, redirectUri });
    show('Signed in. This window closes itself.');
    return;
  }
  const config = ssoConfigResponse.parse(await (await fetch('/api/auth/oidc/config')).json());
  if (!config.enabled) {
    send({ error: 'Single sign-on is not set up on this server. Sign in with your user name and password.' });
    return;
  }
  const next = { state: randomToken(), verifier: randomToken(), nonce: randomToken() };
  sessionStorage.setItem(KEY, JSON.stringify(next));
  location.assign(authorizationUrl({ ...config, redirectUri, state: next.state, nonce: next.nonce, challenge: await codeChallenge(next.verifier) }));
}

const ready = typeof Office !== 'undefined' ? Office.onReady() : Promise.resolve();
void ready.then(run).catch(() => {
  const error = 'The sign-in could not start. Close this window and try again.';
  show(error);
  send({ error });
});
