/** The demo account exists with the embedded demo database only, unless a server database asks for it (DEMO_ACCOUNT=on). */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { randomBytes } from 'node:crypto';
import { startServer, optionsFromEnv } from '../main';

jest.setTimeout(120000);

const signIn = (url: string) => fetch(`${url}/api/auth/sign-in`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: 'demo', password: 'demo123' }) });

describe('the demo account', () => {
  it('when the server starts on the embedded database, then demo/demo123 signs in as an administrator', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bw-demo-'));
    const server = await startServer({ port: 0, dataDir, demoData: false });
    try {
      const res = await signIn(server.url);
      expect(res.status).toBe(200);
      expect(((await res.json()) as { user: { role: string } }).user.role).toBe('administrator');
    } finally {
      await server.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('when DEMO_ACCOUNT is on or off, then the server options say so; unset, it follows the database', () => {
    expect(optionsFromEnv({ DATABASE_URL: 'postgresql://x/y', DEMO_ACCOUNT: 'on' }).demoAccount).toBe(true);
    expect(optionsFromEnv({ DATABASE_URL: 'postgresql://x/y', DEMO_ACCOUNT: 'off' }).demoAccount).toBe(false);
    expect(optionsFromEnv({ DATABASE_URL: 'postgresql://x/y' }).demoAccount).toBeUndefined();
  });

  const adminUrl = process.env.BW_TEST_POSTGRES_URL;
  // PostgreSQL only: without a reachable server there is nothing to test (the run says it skipped PostgreSQL).
  if (adminUrl) it('when the server starts on a PostgreSQL server, then there is no demo account unless asked for, and an old one is removed', async () => {
    const url = adminUrl as string;
    const name = `bw_test_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${name}`);
    const databaseUrl = url.replace(/^(postgres(?:ql)?:\/\/[^/]*)\/[^?]*/, `$1/${name}`);
    try {
      let server = await startServer({ port: 0, databaseUrl, demoData: false });
      expect((await signIn(server.url)).status).toBe(401);
      await server.close();
      server = await startServer({ port: 0, databaseUrl, demoData: false, demoAccount: true });
      expect((await signIn(server.url)).status).toBe(200);
      await server.close();
      // As earlier versions left it: demo/demo123 seeded into a PostgreSQL install.
      server = await startServer({ port: 0, databaseUrl, demoData: false });
      expect((await signIn(server.url)).status).toBe(401);
      await server.close();
    } finally {
      // As the test databases are dropped: once the closed servers' connections are gone, not from under them.
      for (let i = 0; i < 100; i++) {
        const { rows } = await admin.query('select count(*)::int as n from pg_stat_activity where datname = $1', [name]);
        if (rows[0].n === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  });
});
