import { randomUUID } from 'node:crypto';
import path from 'node:path';
import express from 'express';
import type { AppDatabase } from './db/database';
import { changeHistoryRoutes } from './audit/change-history.routes';
import { authRoutes, requireAuth } from './auth/auth.routes';
import { createTokenService } from './auth/token.service';
import { oidcRoutes } from './auth/oidc.routes';
import { createOidcService, type OidcOptions } from './auth/oidc.service';
import type { JobRunner } from './engine/batch-jobs';
import { workbookRoutes } from './engine/workbooks.routes';
import { AppError } from './errors/app-error';
import { errorMiddleware } from './errors/error-middleware';
import { openApiDocument } from './openapi';

/**
 * The HTTP app. `runner` is the batch job runner of this server instance, woken when a run is started here;
 * without one, runs wait in the database for a runner (another instance, or a test's drain()).
 */
export async function createApp(options: { database: AppDatabase; staticDir?: string; runner?: JobRunner; oidc?: OidcOptions }): Promise<express.Express> {
  const { db, kind } = options.database;
  const tokens = await createTokenService(db);
  const app = express();
  app.disable('x-powered-by');
  app.use((_req, res, next) => {
    // One id per request, in the response header and in any log line about the request (never taken from the client).
    res.locals.requestId = randomUUID();
    res.setHeader('X-Request-Id', res.locals.requestId);
    next();
  });
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
  app.use(authRoutes(db, tokens));
  app.use(oidcRoutes(options.oidc ? createOidcService(db, tokens, options.oidc) : undefined));
  app.use('/api', requireAuth(db, tokens));
  app.use(workbookRoutes(db, options.runner));
  app.use(changeHistoryRoutes(db));
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
