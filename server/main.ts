/** The server process: migrations, demo data on first start of the embedded database, HTTP(S). */
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { createApp } from './app';
import { createDatabase, migrate } from './db/database';
import { isEmpty, removeDemoAccount, seedDemoAccount, seedDemoData } from './demo/seed';
import { createJobRunner, type RunnerOptions } from './engine/batch-jobs';
import { batchKinds } from './engine/registry';
import { createRateChangeRunner } from './workbooks/rate-change/rate-change-runner';
import { logError } from './errors/log-error';
import { oidcConfigFromEnv } from './auth/oidc-config';
import type { OidcOptions } from './auth/oidc.service';
import type { SignInLimits } from './auth/sign-in-limiter';

export interface ServerOptions {
  port?: number;
  host?: string;
  databaseUrl?: string;
  /** PGlite data folder; omit for an in-memory database (tests). */
  dataDir?: string;
  /** In-memory PGlite only: a dumpDataDir() file to start from (tests: a migrated template). */
  loadDataDir?: string;
  staticDir?: string;
  tls?: { cert: string; key: string };
  /** Load demo data when the database is empty (default true). */
  demoData?: boolean;
  /**
   * The demo account (demo/demo123, administrator): default on the embedded database only; on a server database
   * only when asked for (DEMO_ACCOUNT=on). Off, an old demo account still on the demo password is removed.
   */
  demoAccount?: boolean;
  /** Batch job runner settings (lease and poll intervals). */
  jobs?: RunnerOptions;
  /** Single sign-on (OIDC_* environment variables). */
  oidc?: OidcOptions;
  /** Sign-in rate limits (default: the SIGN_IN_LIMIT_* environment variables). */
  signInLimits?: SignInLimits;
}

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const database = await createDatabase({ url: options.databaseUrl, dataDir: options.dataDir, loadDataDir: options.loadDataDir });
  await migrate(database.db);
  const demoAccount = options.demoAccount ?? !options.databaseUrl;
  if (options.demoData !== false && (await isEmpty(database.db))) await seedDemoData(database.db, { demoAccount });
  if (demoAccount) await seedDemoAccount(database.db);
  else if (await removeDemoAccount(database.db)) console.warn('Removed the demo account (demo/demo123): it exists only on the embedded demo database unless DEMO_ACCOUNT=on.');
  // Runs live in the database: this instance's runner also resumes runs a stopped instance left unfinished.
  const runner = createJobRunner(database.db, batchKinds, { onError: (error) => logError(error, { route: 'batch process' }), ...options.jobs });
  runner.start();
  const rateChangeRunner = createRateChangeRunner(database.db, { onError: (error) => logError(error, { route: 'rate change' }), pollMs: options.jobs?.pollMs, leaseMs: options.jobs?.leaseMs });
  rateChangeRunner.start();
  const app = await createApp({ database, staticDir: options.staticDir, runner, rateChangeRunner, oidc: options.oidc, signInLimits: options.signInLimits });
  const server = options.tls ? https.createServer(options.tls, app) : http.createServer(app);
  await new Promise<void>((resolve) => server.listen(options.port ?? 3001, options.host ?? 'localhost', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `${options.tls ? 'https' : 'http'}://localhost:${port}`,
    close: async () => {
      // Stop taking batch work first: a run in progress stops after its current participant and keeps its lease.
      await runner.stop();
      await rateChangeRunner.stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await database.close();
    },
  };
}

export function optionsFromEnv(env: NodeJS.ProcessEnv): ServerOptions {
  const root = path.resolve(__dirname, '..');
  const tls = env.TLS_CERT_FILE && env.TLS_KEY_FILE ? { cert: fs.readFileSync(env.TLS_CERT_FILE, 'utf8'), key: fs.readFileSync(env.TLS_KEY_FILE, 'utf8') } : undefined;
  const dataDir = env.DATABASE_URL ? undefined : path.resolve(root, env.DATA_DIR ?? '.data/pglite');
  if (dataDir) fs.mkdirSync(dataDir, { recursive: true });
  const demoAccount = env.DEMO_ACCOUNT === undefined || env.DEMO_ACCOUNT === '' ? undefined : env.DEMO_ACCOUNT === 'on';
  const oidc = oidcConfigFromEnv(env);
  return { port: Number(env.PORT ?? 3001), host: env.HOST, databaseUrl: env.DATABASE_URL, dataDir, staticDir: env.STATIC_DIR, tls, demoAccount, oidc: oidc && { config: oidc } };
}

if (require.main === module) {
  startServer(optionsFromEnv(process.env))
    .then((server) => console.log(`Benefits Workbook API listening on ${server.url}`))
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
