/**
 * A real OpenID Connect provider (oidc-provider, the certified Node implementation) for the single sign-on tests,
 * in a process of its own (oidc-provider is an ES module; the tests run as CommonJS under jest). It serves two
 * issuers on ports chosen by the system, and prints their URLs as one JSON line. With a login_hint (the API tests)
 * sign-in needs no form: the hint names the account, and consent is granted for what the client asked. Without one
 * (the browser test) the person goes through oidc-provider's own login and consent pages (its devInteractions).
 * REDIRECT_URI may leave the port open, as "localhost:*": the browser test's server is on port 0.
 */
import http from 'node:http';
import process from 'node:process';
import Provider from 'oidc-provider';

const REDIRECT_URI = process.env.REDIRECT_URI ?? 'https://localhost/sso-dialog.html';
const ANY_PORT = REDIRECT_URI.includes(':*/');
const REGISTERED_URI = REDIRECT_URI.replace(':*/', '/');
const ACCOUNTS = {
  alice: { name: 'Alice Admin', groups: ['Benefits Admins', 'Everyone'] },
  victor: { name: 'Victor Viewer', groups: ['Benefits Viewers'] },
  mallory: { name: 'Mallory Marketing', groups: ['Marketing'] },
};

function configuration() {
  const client = (id) => ({ client_id: id, redirect_uris: [REGISTERED_URI], token_endpoint_auth_method: 'none', grant_types: ['authorization_code'], response_types: ['code'] });
  return {
    clients: [client('benefits-workbook'), client('another-app')],
    claims: { openid: ['sub'], profile: ['name', 'preferred_username'], groups: ['groups'] },
    scopes: ['openid', 'profile', 'groups'],
    // The claims asked for by scope go into the ID token itself (the app reads the role claim from it).
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: true } },
    async findAccount(_ctx, id) {
      const account = ACCOUNTS[id];
      if (!account) return undefined;
      return { accountId: id, claims: async () => ({ sub: id, name: account.name, preferred_username: id, groups: account.groups }) };
    },
  };
}

async function start() {
  const server = http.createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${server.address().port}`;
  const provider = new Provider(issuer, configuration());
  if (ANY_PORT) {
    const pattern = new RegExp(`^${REDIRECT_URI.replace(/[.?+^$()|[\]\\]/g, '\\$&').replace(':*/', ':\\d+/')}$`);
    const allowed = provider.Client.prototype.redirectUriAllowed;
    provider.Client.prototype.redirectUriAllowed = function redirectUriAllowed(uri) {
      return pattern.test(uri) || allowed.call(this, uri);
    };
  }
  provider.use(async (ctx, next) => {
    const match = /^\/interaction\/([^/]+)$/.exec(ctx.path);
    if (!match || ctx.method !== 'GET') return next();
    const details = await provider.interactionDetails(ctx.req, ctx.res);
    if (!details.params.login_hint) return next(); // the login and consent pages
    let result;
    if (details.prompt.name === 'login') {
      result = { login: { accountId: String(details.params.login_hint) } };
    } else {
      const grant = details.grantId ? await provider.Grant.find(details.grantId) : new provider.Grant({ accountId: details.session.accountId, clientId: details.params.client_id });
      grant.addOIDCScope(String(details.params.scope));
      result = { consent: { grantId: await grant.save() } };
    }
    const to = await provider.interactionResult(ctx.req, ctx.res, result, { mergeWithLastSubmission: false });
    ctx.status = 303;
    ctx.redirect(to);
  });
  server.on('request', provider.callback());
  return issuer;
}

const [issuer, otherIssuer] = [await start(), await start()];
process.stdout.write(`${JSON.stringify({ issuer, otherIssuer })}\n`);
