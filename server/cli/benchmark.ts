/**
 * `npm run bench -- [1k] [10k] [100k]` (default 1k): the figures of the README's Performance section, on PGlite and,
 * when DATABASE_URL is set, on a scratch database of that PostgreSQL server. Prints one table and writes it as JSON
 * to .data/bench/latest.json. Each size seeds that many people (one group record each) on a fresh database.
 */
// The bench's server logs warnings only: pino-http's line per request would bury the table (set LOG_LEVEL to see them).
process.env.LOG_LEVEL ??= 'warn';

import { benchOne } from './bench/run';
import { formatTable, writeJson, type BenchRow } from './bench/table';
import type { DatabaseKind } from '../db/database';

const SIZES: Record<string, number> = { '1k': 1000, '10k': 10000, '100k': 100000 };

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const unknown = args.filter((a) => !(a in SIZES));
  if (unknown.length > 0) throw new Error(`Unknown size ${unknown.join(', ')}: use ${Object.keys(SIZES).join(', ')}.`);
  const sizes = (args.length > 0 ? args : ['1k']).map((a) => SIZES[a]);
  const kinds: DatabaseKind[] = process.env.DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
  const only = process.env.BENCH_DATABASES?.split(',') as DatabaseKind[] | undefined;
  const started = performance.now();
  const rows: BenchRow[] = [];
  for (const kind of only ?? kinds) {
    for (const size of sizes) rows.push(await benchOne(kind, size, (m) => console.error(`[${((performance.now() - started) / 1000).toFixed(0)} s] ${m}`)));
  }
  console.log(formatTable(rows));
  console.log(`Written to ${writeJson(rows)}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
