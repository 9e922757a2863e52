import type { ErrorRequestHandler } from 'express';
import { ZodError } from 'zod';
import type { ErrorResponse } from '../../src/contract/api';
import { AppError } from './app-error';

function body(code: string, message: string, issues?: ErrorResponse['error']['issues']): ErrorResponse {
  return { error: { code, message, ...(issues ? { issues } : {}) } };
}

/** Registered last: validation → 400 with fields, AppError → its status, body errors → 400/413, the rest → 500 without a stack. */
export const errorMiddleware: ErrorRequestHandler = (error, _req, res, _next) => {
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
  const type = (error as { type?: string }).type;
  if (type === 'entity.too.large') {
    res.status(413).json(body('payload_too_large', 'The request is too large. Upload fewer rows at a time.'));
    return;
  }
  if (type === 'entity.parse.failed' || type === 'encoding.unsupported' || type === 'charset.unsupported') {
    res.status(400).json(body('bad_request', 'The request body is not valid JSON.'));
    return;
  }
  console.error(error);
  res.status(500).json(body('internal', 'Something went wrong on the server. Try again; if it keeps failing, contact support.'));
};
