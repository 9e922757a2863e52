export type AppErrorCode =
  | 'bad_request'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'read_only'
  | 'payload_too_large'
  | 'unsupported_media_type';

const STATUS: Record<AppErrorCode, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  // The workbook is for viewing: nothing can be uploaded to it (405 Method Not Allowed).
  read_only: 405,
  payload_too_large: 413,
  unsupported_media_type: 415,
};

/** The one error type routes and services throw for anything the caller can act on. */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: AppErrorCode,
    message: string,
  ) {
    super(message);
    this.status = STATUS[code];
  }
}
