import type { ErrorRequestHandler, Request, Response } from 'express';
import { ZodError } from 'zod';
import type { ErrorResponse } from '../../src/contract/api';
import { AppError } from './app-error';
import { logError } from './log-error';

function body(code: string, message: string, issues?: ErrorResponse['error']['issues']): ErrorResponse {
  return { error: { code, message, ...(issues ? { issues } : {}) } };
}

/** body-parser's own errors (express.json), by their `type`: all are the caller's to fix, none is a 500. */
const BODY_ERRORS: Record<string, { status: number; code: string; message: string }> = {
  'entity.too.large': { status: 413, code: 'payload_too_large', message: 'The request is too large. Upload fewer rows at a time.' },
  'entity.parse.failed': { status: 400, code: 'bad_request', message: 'The request body is not valid JSON.' },
  'encoding.unsupported': { status: 415, code: 'unsupported_media_type', message: 'The request is compressed in a way the server does not read. Send it uncompressed, or compressed with gzip or deflate.' },
  'charset.unsupported': { status: 415, code: 'unsupported_media_type', message: 'The request uses a character set the server does not read. Send JSON in UTF-8.' },
  'request.aborted': { status: 400, code: 'bad_request', message: 'The request was cut off before it ended. Try again.' },
  'request.size.invalid': { status: 400, code: 'bad_request', message: 'The request was cut off before it ended. Try again.' },
};

/** The route as declared ("/api/workbooks/:kind/uploads"), never the path itself: a path can hold a batch name. */
export function routeOf(req: Request): string {
  const route = (req.route as { path?: string } | undefined)?.path;
  return `${req.method} ${route ? `${req.baseUrl}${route}` : '(no route)'}`;
}

/** Registered last: validation → 400 with fields, AppError → its status, body errors → 4xx, the rest → 500 without a stack. */
export const errorMiddleware: ErrorRequestHandler = (error, req, res: Response, _next) => {
  if (error instanceof ZodError) {
    const issues = error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    const first = issues[0];
    res.status(400).json(body('bad_request', first ? `${first.path || 'Request'}: ${first.message}` : 'Invalid request', issues));
    return;
  }
  if (error instanceof AppError) {
    res.status(error.status).json(body(error.code, error.message));
    return;
  }
  const known = BODY_ERRORS[(error as { type?: string }).type ?? ''];
  if (known) {
    res.status(known.status).json(body(known.code, known.message));
    return;
  }
  const status = (error as { status?: unknown }).status;
  if (typeof status === 'number' && status >= 400 && status < 500 && (error as { expose?: unknown }).expose === true) {
    // Any other client error of body-parser (a gzip body that is not gzip, …): the caller's to fix.
    res.status(400).json(body('bad_request', 'The request body could not be read. Send JSON in UTF-8, uncompressed or gzip.'));
    return;
  }
  const requestId = String(res.locals.requestId ?? '');
  logError(error, { route: routeOf(req), requestId });
  res.status(500).json(body('internal', `Something went wrong on the server. Try again; if it keeps failing, contact support and quote reference ${requestId}.`));
};
