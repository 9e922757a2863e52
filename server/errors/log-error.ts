/**
 * The server log never prints users' data. An error is logged as its class, SQLSTATE code, the schema names the
 * database reports (table, column, constraint), its message and its stack frames — never the SQL, its parameters,
 * the error's detail ("Failing row contains …") or the request body. Quoted text in a message is cut out, because
 * PostgreSQL quotes the values it could not read ('invalid input syntax for type integer: "…"'); only messages of
 * SQLSTATE classes 23 (integrity) and 42 (syntax, undefined names) keep it, as they quote schema names, never values.
 */

export interface LogContext {
  /** What the server was doing, e.g. "POST /api/workbooks/:kind/uploads" or "row refused by the database". */
  route?: string;
  requestId?: string;
}

const SCHEMA_NAME_CLASSES = ['23', '42'];

function field(error: object, name: string): string | undefined {
  const value = (error as Record<string, unknown>)[name];
  return typeof value === 'string' && value ? value : undefined;
}

/** The redacted form of an error, as the log shows it. */
export function redactedError(error: unknown): Record<string, string> {
  // Duck-typed, not `instanceof Error`: a database driver's error may come from another realm (PGlite's, under jest).
  if (typeof error !== 'object' || error === null || typeof (error as Error).message !== 'string') return { error: typeof error };
  const e = error as Error;
  const code = field(error, 'code');
  const keepQuotes = code !== undefined && SCHEMA_NAME_CLASSES.includes(code.slice(0, 2));
  const message = keepQuotes ? e.message : e.message.replace(/"[^"]*"|'[^']*'/g, '"…"');
  const frames = (e.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line)).slice(0, 8).map((line) => line.trim());
  const out: Record<string, string> = { error: e.constructor?.name ?? 'Error', message };
  for (const name of ['table', 'column', 'constraint']) {
    const value = field(error, name);
    if (value) out[name] = value;
  }
  if (code) out.code = code;
  if (frames.length > 0) out.stack = frames.join(' | ');
  return out;
}

/** Logs an error the caller cannot act on, redacted, as one JSON line. */
export function logError(error: unknown, context: LogContext = {}): void {
  console.error(JSON.stringify({ level: 'error', ...context, ...redactedError(error) }));
}
