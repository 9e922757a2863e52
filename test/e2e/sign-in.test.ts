/**
 * Signing in, as a person does it in the pane: single sign-on through the dialog (a popup on the preview page, the
 * simulated host's stand-in for Office's dialog API) and a real OpenID Connect provider's login and consent pages;
 * and the sign-in rate limit, whose 429 the pane shows in the server's own words.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { Browser, Page } from 'playwright-core';
import { oidcConfigFromEnv } from '../../server/auth/oidc-config';
import { signInLimitsFromEnv } from '../../server/auth/sign-in-limiter';
import { startServer, type RunningServer } from '../../server/main';
import { pgliteTemplate } from '../../server/test-support/templates';
import { launchChromium } from './browser';
import { paneDriver } from './pane-driver';

jest.setTimeout(120000);

let provider: ChildProcess | undefined;
let server: RunningServer | undefined;
let browser: Browser | undefined;
let page: Page;
let pane: ReturnType<typeof paneDriver>;

beforeAll(async () => {
  // The provider allows the dialog page on any port of localhost: the server below is on port 0.
  provider = spawn(process.execPath, [path.join(__dirname, '../../server/test-support/oidc-provider.mjs')], {
    env: { ...process.env, REDIRECT_URI: 'http://localhost:*/sso-dialog.html' },
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const exited = once(provider, 'exit').then(([code]) => Promise.reject(new Error(`the OpenID provider stopped (exit code ${code})`)));
  const [line] = (await Promise.race([once(createInterface({ input: provider.stdout! }), 'line'), exited])) as [string];
  const { issuer } = JSON.parse(line) as { issuer: string };
  // Configured as an installation configures it: the OIDC_* and SIGN_IN_LIMIT_* settings.
  const oidc = oidcConfigFromEnv({ OIDC_ISSUER: issuer, OIDC_CLIENT_ID: 'benefits-workbook', OIDC_ROLE_CLAIM: 'groups', OIDC_ROLE_MAP: 'Benefits Admins=administrator; Benefits Viewers=viewer', OIDC_SCOPE: 'openid profile groups' })!;
  const signInLimits = signInLimitsFromEnv({ SIGN_IN_LIMIT_PER_USER: '3' });
  [server, browser] = await Promise.all([
    startServer({ port: 0, staticDir: process.env.BW_PANE_DIR, loadDataDir: pgliteTemplate(), oidc: { config: oidc }, signInLimits }),
    launchChromium(),
  ]);
  page = await browser.newPage({ viewport: { width: 1500, height: 900 }, locale: 'en-US' });
  page.on('pageerror', (error) => console.error('page error:', error));
  pane = paneDriver(page);
  await page.goto(`${server.url}/preview.html`);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  provider?.kill();
});

it('when a viewer signs in with single sign-on through the provider’s login and consent pages, then the pane is signed in as a viewer and says what the role cannot do', async () => {
  const [dialog] = await Promise.all([page.waitForEvent('popup'), page.getByRole('button', { name: /organisation account/ }).click()]);
  // The provider's own pages, in the dialog: the login form, then the consent page.
  await dialog.locator('input[name="login"]').fill('victor');
  await dialog.locator('input[name="password"]').fill('any password');
  await dialog.getByRole('button', { name: 'Sign-in' }).click();
  await dialog.getByRole('button', { name: 'Continue' }).click();
  await dialog.waitForEvent('close');

  await page.getByRole('button', { name: 'Sign out' }).waitFor();
  await pane.prepare('Person Benefit Groups', '2026-01-01');
  await pane.showsText(page.getByRole('group', { name: 'What your role allows' }), 'Your role (Viewer) cannot do this: it needs an Editor or higher.');
  expect(await page.getByRole('button', { name: 'Upload changes' }).isDisabled()).toBe(true);
  await page.getByRole('button', { name: 'Sign out' }).click();
});

it('when wrong passwords are typed until the sign-in limit, then the pane shows the server’s “try again” message, not “wrong password”', async () => {
  await page.getByLabel('User name').fill('demo');
  const message = page.getByRole('form', { name: 'Sign in' }).locator('.fui-MessageBarBody');
  const attempt = async (password: string) => {
    await page.getByLabel('Password').fill(password);
    const [answer] = await Promise.all([page.waitForResponse((r) => r.url().endsWith('/api/auth/sign-in')), page.getByRole('button', { name: 'Sign in', exact: true }).click()]);
    await message.waitFor();
    return answer.status();
  };
  for (const password of ['wrong-1', 'wrong-2', 'wrong-3']) {
    expect(await attempt(password)).toBe(401);
    await pane.showsText(message, 'The user name or password is not right.');
  }
  // The limit is spent: even the right password is answered 429, and the pane says when to try again.
  expect(await attempt('demo123')).toBe(429);
  await pane.showsText(message, 'Too many sign-in attempts. Wait 15 minutes, then try again.');
  expect(await message.textContent()).toBe('Too many sign-in attempts. Wait 15 minutes, then try again.');
});
