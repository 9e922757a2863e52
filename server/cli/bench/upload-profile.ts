/**
 * Where one upload chunk's time goes: `tsx server/cli/bench/upload-profile.ts [persons] [chunks]` seeds a fresh
 * database (PostgreSQL at DATABASE_URL, else PGlite), then uploads 2,000-row chunks of group changes through the
 * engine (no HTTP) and prints each statement's time (kysely's query log), the last chunk's statements slowest first.
 * PROFILE_DATABASE_URL: an already seeded database instead (kept); PROFILE_DATE: the change's date (each run a later one).
 */
import { randomUUID } from 'node:crypto';
import { Kysely, PostgresDialect, sql, type LogEvent } from 'kysely';
import pg from 'pg';
import { MAX_ROWS_PER_CHUNK } from '../../../src/contract/api';
import { createDatabase, migrate } from '../../db/database';
import type { Database } from '../../db/schema';
import { seedDemoData } from '../../demo/seed';
import { uploadChunk } from '../../engine/upload.service';
import { benefitGroupsKind as kind } from '../../workbooks/benefit-groups/benefit-groups.kind';


async function main(): Promise<void> {
  const persons = Number(process.argv[2] ?? 20000);
  const chunks = Number(process.argv[3] ?? 3);
  const url = process.env.DATABASE_URL;
  const kept = process.env.PROFILE_DATABASE_URL;
  const DATE = process.env.PROFILE_DATE ?? '2026-03-01';
  let scratch: string | undefined;
  if (url && !kept) {
    scratch = `profile_${process.pid}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${scratch}`);
    await admin.end();
  }
  const database = await createDatabase({ url: kept ?? (scratch ? url!.replace(/^(postgres(?:ql)?:\/\/[^/?]*)(\/[^?]*)?/, `$1/${scratch}`) : undefined) });
  const timings: Array<{ sql: string; ms: number }> = [];
  const perChunk: Array<{ total: number; statements: Array<{ sql: string; ms: number }> }> = [];
  const logged = new Kysely<Database>({
    dialect: new PostgresDialect({ pool: database.pool }),
    log: (e: LogEvent) => void timings.push({ sql: e.query.sql.replace(/\s+/g, ' ').slice(0, 110), ms: e.queryDurationMillis }),
  });
  try {
    if (!kept) {
      await migrate(database.db);
      await seedDemoData(database.db, { persons });
      await sql`analyze`.execute(database.db);
    }
    const page = await kind.download(database.db, DATE, { limit: chunks * MAX_ROWS_PER_CHUNK, population: undefined });
    const groups = await kind.lists(database.db, DATE);
    const names = groups.benefitGroups;
    const markStart = process.hrtime.bigint() / 1000n;
    for (let c = 0; c < chunks; c++) {
      const rows = page.rows.slice(c * MAX_ROWS_PER_CHUNK, (c + 1) * MAX_ROWS_PER_CHUNK).map((r, i) => ({
        rowId: i, op: 'update' as const, key: r.key, version: r.version,
        values: { benefitsGroup: names[(names.indexOf(String(r.values.benefitsGroup)) + 1) % names.length] },
      }));
      timings.length = 0;
      const start = performance.now();
      const answer = await uploadChunk(logged, kind, { idempotencyKey: randomUUID(), effectiveDate: DATE, rows }, { username: 'demo', population: undefined, requestId: '' });
      const total = performance.now() - start;
      const inDb = timings.reduce((s, t) => s + t.ms, 0);
      const failed = answer.results.filter((r) => r.errors.length > 0).length;
      console.log(`chunk ${c + 1}: ${rows.length} rows, ${failed} failed, ${total.toFixed(0)} ms (statements ${inDb.toFixed(0)} ms, ${timings.length} of them)`);
      perChunk.push({ total, statements: [...timings] });
    }
    // For `tsx --cpu-prof`: the chunks' window on the profile's clock (µs), to leave the seeding out.
    console.log(`chunks from ${markStart} to ${process.hrtime.bigint() / 1000n} µs`);
    printMedians(perChunk.length > 1 ? perChunk.slice(1) : perChunk);
  } finally {
    await database.close();
    if (scratch) {
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`drop database if exists ${scratch} with (force)`);
      await admin.end();
    }
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

/** Every chunk but the first (warm-up): the median whole chunk, JavaScript outside statements, and each statement in its order. */
function printMedians(chunks: Array<{ total: number; statements: Array<{ sql: string; ms: number }> }>): void {
  const inDb = (c: (typeof chunks)[number]) => c.statements.reduce((s, t) => s + t.ms, 0);
  console.log(`median of ${chunks.length} chunks: whole ${median(chunks.map((c) => c.total)).toFixed(0)} ms, statements ${median(chunks.map(inDb)).toFixed(0)} ms, outside statements ${median(chunks.map((c) => c.total - inDb(c))).toFixed(0)} ms`);
  const last = chunks[chunks.length - 1].statements;
  last.forEach((t, i) => {
    const same = chunks.map((c) => c.statements[i]).filter((s) => s && s.sql === t.sql).map((s) => s.ms);
    console.log(`${median(same).toFixed(1).padStart(8)} ms  ${t.sql}`);
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
