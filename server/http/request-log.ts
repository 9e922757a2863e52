/**
 * Structured request logs (pino-http): one JSON line per request with its id, user, declared route, status and
 * duration. Like log-error.ts, never a password, token or row value: the URL is not logged (paths and queries hold
 * batch names and filters), only the route as declared; headers and bodies are not logged at all.
 */
import type { RequestHandler } from 'express';
import pino, { type Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import { routeOf } from '../errors/error-middleware';

export function createLogger(env: NodeJS.ProcessEnv = process.env, destination?: pino.DestinationStream): Logger {
  const level = env.LOG_LEVEL ?? (env.NODE_ENV === 'test' ? 'silent' : 'info');
  // Redaction as a second line of defence, should a serializer below ever let headers through.
  const options = { level, redact: { paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]', 'password', '*.password', 'token', '*.token'], censor: '[redacted]' } };
  return destination ? pino(options, destination) : pino(options);
}

export function requestLog(logger: Logger): RequestHandler {
  return pinoHttp({
    logger,
    genReqId: (_req, res) => String((res as unknown as { locals: { requestId?: string } }).locals.requestId ?? ''),
    serializers: {
      req: (req: { id: string; method: string }) => ({ id: req.id, method: req.method }),
      res: (res: { statusCode: number }) => ({ status: res.statusCode }),
      err: (err: { type?: string }) => ({ type: err.type }),
    },
    customSuccessObject: (req, res, value: Record<string, unknown>) => ({
      ...value,
      user: (res as unknown as { locals: { username?: string } }).locals.username,
      route: routeOf(req as never),
      status: res.statusCode,
    }),
    customErrorObject: (req, res, _error, value: Record<string, unknown>) => ({
      ...value,
      user: (res as unknown as { locals: { username?: string } }).locals.username,
      route: routeOf(req as never),
      status: res.statusCode,
    }),
    customSuccessMessage: () => 'request',
    customErrorMessage: () => 'request',
    // Errors are logged redacted by the error middleware (log-error.ts); the request line carries no error text.
    customAttributeKeys: { responseTime: 'durationMs' },
  });
}
