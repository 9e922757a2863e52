/**
 * Planner statistics that follow big writes, on the embedded database. PostgreSQL's autovacuum re-analyzes a table
 * once enough of it has changed; PGlite runs no autovacuum (one session, no background workers), so a table filled
 * or rewritten by uploads kept the statistics of when it was small (or none): on 100,000 people a download page
 * planned without them took 3.29 s instead of 42 ms.
 *
 * The rule, autovacuum's own with a floor of 1,000 rows: a table whose rows written since its last ANALYZE exceed
 * max(1,000, 10 % of its rows) is analyzed. PGlite keeps PostgreSQL's counters (pg_stat_user_tables.
 * n_mod_since_analyze), flushed at most once a second, so a check first forces the flush. A check is nudged each
 * time the pool gets its connection back (after a request's transaction commits, a batch unit ends) and runs
 * `delayMs` later, on the pool like any other client: never inside a request, which has already answered.
 */
import type pg from 'pg';

export interface AutoAnalyzeOptions {
  /** How long after a nudge the check runs (later nudges within that time join it). */
  delayMs?: number;
  minRows?: number;
  fraction?: number;
  onError?: (error: unknown) => void;
}

export interface AutoAnalyze {
  /** Some statement ended: check soon. */
  nudge(): void;
  /** Checks now; the tables it analyzed. */
  check(): Promise<string[]>;
  /** No more checks; waits for one under way. */
  stop(): Promise<void>;
}

export function createAutoAnalyze(pool: pg.Pool, options: AutoAnalyzeOptions = {}): AutoAnalyze {
  const { delayMs = 2000, minRows = 1000, fraction = 0.1 } = options;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<string[]> | undefined;
  let stopped = false;
  // The check's own connections come back to the pool too: those are not writes to look at.
  let own = 0;

  const withClient = async <T>(run: (client: pg.PoolClient) => Promise<T>): Promise<T> => {
    const client = await pool.connect();
    own += 1;
    try {
      return await run(client);
    } finally {
      client.release();
      own -= 1;
    }
  };

  const due = () =>
    withClient(async (client) => {
      // Pending counters reach pg_stat_user_tables when the statement after this one ends.
      await client.query('select pg_stat_force_next_flush()');
      const result = await client.query<{ name: string }>(
        `select quote_ident(s.schemaname) || '.' || quote_ident(s.relname) as name
         from pg_stat_user_tables s join pg_class c on c.oid = s.relid
         where s.n_mod_since_analyze > greatest($1::float8, $2::float8 * greatest(c.reltuples, 0)) order by name`,
        [minRows, fraction],
      );
      return result.rows.map((r) => r.name);
    });

  const check = (): Promise<string[]> =>
    (running ??= (async () => {
      try {
        const tables = await due();
        // One table at a time, the connection given back in between: requests waiting for it go first.
        for (const table of tables) if (!stopped) await withClient((client) => client.query(`analyze ${table}`));
        return tables;
      } finally {
        running = undefined;
      }
    })());

  return {
    nudge() {
      if (stopped || own > 0 || timer) return;
      timer = setTimeout(() => {
        timer = undefined;
        check().catch((error: unknown) => options.onError?.(error));
      }, delayMs);
      timer.unref();
    },
    check,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      timer = undefined;
      await running?.catch(() => undefined);
    },
  };
}
