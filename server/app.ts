import { randomUUID } from 'node:crypto';
import path from 'node:path';
import express from 'express';
import type { AppDatabase } from './db/database';
import type { Logger } from 'pino';
import { requireAuth, sessionRoutes, signInRoutes } from './auth/auth.routes';
import { requireDocumentedRole, requireKindRole } from './auth/route-roles';
import { createSignInLimiter, signInLimitsFromEnv, type SignInLimits } from './auth/sign-in-limiter';
import { createTokenService, sessionMinutesFromEnv } from './auth/token.service';
import { corsForAddin, noStore, securityHeaders } from './http/security-headers';
import { createLogger, requestLog } from './http/request-log';
import { workbookKinds } from './engine/registry';
import { changeHistoryRoutes } from './audit/change-history.routes';
import { oidcRoutes } from './auth/oidc.routes';
import { createOidcService, type OidcOptions } from './auth/oidc.service';
import type { JobRunner } from './engine/batch-jobs';
import { workbookRoutes } from './engine/workbooks.routes';
import { rateChangeRoutes } from './workbooks/rate-change/rate-change.routes';
import type { RateChangeRunner } from './workbooks/rate-change/rate-change-runner';
import { AppError } from './errors/app-error';
import { errorMiddleware } from './errors/error-middleware';
import { openApiDocument } from './openapi';

/**
 * The HTTP app. `runner` is the batch job runner of this server instance, woken when a run is started here;
 * without one, runs wait in the database for a runner (another instance, or a test's drain()).
 */
export interface AppOptions {
  database: AppDatabase;
  staticDir?: string;
  runner?: JobRunner;
  /** This instance's rate change runner, woken when a rate change run is started here. */
  rateChangeRunner?: RateChangeRunner;
  /** Session lifetime (default SESSION_LIFETIME_MINUTES, else 8 hours). */
  sessionMinutes?: number;
  /** Sign-in rate limits (default from SIGN_IN_LIMIT_* variables). */
  signInLimits?: SignInLimits;
  /** The request log (default pino on stdout, LOG_LEVEL; silent under jest). */
  logger?: Logger;
  /** The add-in's origin when it is not the API's own (ADDIN_URL): the only origin CORS allows. */
  addinOrigin?: string;
  /** Express's trust proxy (TRUST_PROXY): behind a reverse proxy, the address rate limits count is the client's. */
  trustProxy?: string;
  /** Single sign-on (OIDC_* variables); none: password sign-in only. */
  oidc?: OidcOptions;
}

export async function createApp(options: AppOptions): Promise<express.Express> {
  const { db, kind } = options.database;
  const tokens = createTokenService(db, { lifetimeMinutes: options.sessionMinutes ?? sessionMinutesFromEnv(process.env) });
  const limiter = createSignInLimiter(options.database.pool, options.signInLimits ?? signInLimitsFromEnv(process.env));
  const app = express();
  app.disable('x-powered-by');
  const trustProxy = options.trustProxy ?? process.env.TRUST_PROXY;
  if (trustProxy) app.set('trust proxy', /^\d+$/.test(trustProxy) ? Number(trustProxy) : trustProxy);
  app.use((_req, res, next) => {
    // One id per request, in the response header and in any log line about the request (never taken from the client).
    res.locals.requestId = randomUUID();
    res.setHeader('X-Request-Id', res.locals.requestId);
    next();
  });
  app.use(requestLog(options.logger ?? createLogger()));
  app.use(securityHeaders());
  app.use('/api', corsForAddin(options.addinOrigin ?? process.env.ADDIN_URL), noStore);
  app.use('/api', (req, _res, next) => {
    // The API reads JSON only: a body of any other type is refused, not read as an empty request.
    if (req.is('application/json') === false) throw new AppError('unsupported_media_type', 'The server reads JSON only: send the request with Content-Type: application/json.');
    next();
  });
  app.use(express.json({ limit: '10mb' }));
  app.get('/api/health', (_req, res) => {
    res.json({ status: 'ok', database: kind });
  });
  const document = openApiDocument();
  app.get('/api/openapi.json', (_req, res) => {
    res.json(document);
  });
  app.use(signInRoutes(db, tokens, limiter));
  app.use(oidcRoutes(options.oidc ? createOidcService(db, tokens, options.oidc) : undefined));
  app.use('/api', requireAuth(tokens), requireDocumentedRole(document));
  app.use('/api/workbooks/:kind', requireKindRole((k) => workbookKinds.find((w) => w.definition.kind === k)?.definition));
  app.use(sessionRoutes(db, tokens));
  app.use(workbookRoutes(db, options.runner));
  app.use(changeHistoryRoutes(db));
  app.use(rateChangeRoutes(db, options.rateChangeRunner));
  app.use('/api', () => {
    throw new AppError('not_found', 'There is no such API address.');
  });
  if (options.staticDir) {
    // The pane bundle. Development bundles load office.js (and its locale files) from here, from the package, so they
    // work with no internet; production pages load it from Microsoft's CDN (webpack.config.js).
    app.use('/office-js', express.static(path.dirname(require.resolve('@microsoft/office-js/dist/office.js'))));
    app.use(express.static(path.resolve(options.staticDir)));
  }
  app.use(errorMiddleware);
  return app;
}
