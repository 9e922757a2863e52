/**
 * The bench's own statements (seeding participants, reading what a run left) sent to the bench server's process over
 * its IPC channel and run there on the server's pool, so the bench never opens a second connection to the embedded
 * database (its socket server serves one session safely; see server/db/pglite-process.cjs). Timed figures never go
 * through here: the set-based limit runs inside the server process (server-process.ts).
 */
import type { ChildProcess } from 'node:child_process';
import {
  CompiledQuery, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler,
  type DatabaseConnection, type Dialect, type Driver, type QueryResult,
} from 'kysely';
import type pg from 'pg';
import type { Database } from '../../db/schema';

export type DbRequest =
  | { id: number; op: 'acquire' }
  | { id: number; op: 'query'; connection: number; sql: string; parameters: readonly unknown[] }
  | { id: number; op: 'release'; connection: number };

export type DbAnswer = { id: number; db: true; value?: unknown; error?: string };

/** The server process's side: answers the bench's requests on its own pool. */
export function serveDbRequests(pool: pg.Pool, send: (answer: DbAnswer) => void): (request: DbRequest) => void {
  const clients = new Map<number, pg.PoolClient>();
  let next = 1;
  return (request) => {
    void (async () => {
      try {
        if (request.op === 'acquire') {
          const id = next++;
          clients.set(id, await pool.connect());
          return send({ id: request.id, db: true, value: id });
        }
        const client = clients.get(request.connection);
        if (!client) throw new Error(`No connection ${request.connection}`);
        if (request.op === 'release') {
          clients.delete(request.connection);
          client.release();
          return send({ id: request.id, db: true });
        }
        const result = await client.query(request.sql, request.parameters as unknown[]);
        send({ id: request.id, db: true, value: { rows: result.rows, rowCount: result.rowCount, command: result.command } });
      } catch (error) {
        send({ id: request.id, db: true, error: (error as Error).message });
      }
    })();
  };
}

/** The bench's side: a Kysely whose every statement runs in the child process. */
export function remoteDb(child: ChildProcess): Kysely<Database> {
  const waiting = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  let next = 1;
  child.on('message', (message: DbAnswer) => {
    if (!message || (message as { db?: boolean }).db !== true) return;
    const w = waiting.get(message.id);
    waiting.delete(message.id);
    if (message.error !== undefined) w?.reject(new Error(message.error));
    else w?.resolve(message.value);
  });
  const ask = <T>(request: DbRequest extends infer R ? (R extends DbRequest ? Omit<R, 'id'> : never) : never): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const id = next++;
      waiting.set(id, { resolve: resolve as (value: unknown) => void, reject });
      child.send({ ...request, id, dbRequest: true });
    });

  class RemoteConnection implements DatabaseConnection {
    constructor(readonly id: number) {}
    async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
      const result = await ask<{ rows: R[]; rowCount: number | null; command: string }>({ op: 'query', connection: this.id, sql: query.sql, parameters: query.parameters });
      const affected = ['INSERT', 'UPDATE', 'DELETE', 'MERGE'].includes(result.command) && result.rowCount !== null ? BigInt(result.rowCount) : undefined;
      return { rows: result.rows, ...(affected !== undefined ? { numAffectedRows: affected } : {}) };
    }
    // eslint-disable-next-line require-yield
    async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
      throw new Error('The bench database does not stream.');
    }
  }
  const run = (c: DatabaseConnection, sql: string) => c.executeQuery(CompiledQuery.raw(sql)).then(() => undefined);
  const driver: Driver = {
    init: async () => undefined,
    acquireConnection: async () => new RemoteConnection(await ask<number>({ op: 'acquire' })),
    beginTransaction: (c) => run(c, 'begin'),
    commitTransaction: (c) => run(c, 'commit'),
    rollbackTransaction: (c) => run(c, 'rollback'),
    releaseConnection: async (c) => {
      await ask({ op: 'release', connection: (c as RemoteConnection).id });
    },
    destroy: async () => undefined,
  };
  const dialect: Dialect = {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => driver,
    createIntrospector: (db) => new PostgresIntrospector(db),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  };
  return new Kysely<Database>({ dialect });
}
