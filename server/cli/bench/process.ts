/**
 * The Upload Benefit Enrollments process at scale: `measureProcess` seeds a batch of valid lines (participant
 * enrollments with a second life event that replays history, dependent and beneficiary designations) for fresh
 * participants of its own, uploads it over HTTP as the pane does, then times the run as the pane sees it (start the
 * run, poll until it ends) while GET /api/health is sampled every ~50 ms by a prober process of its own (health.ts).
 *
 * Alone: `tsx server/cli/bench/process.ts 5000` (PGlite in memory, or PostgreSQL at DATABASE_URL).
 */
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Kysely } from 'kysely';
import { MAX_ROWS_PER_CHUNK, type CellValue } from '../../../src/contract/api';
import { createApiClient } from '../../../src/api/api-client';
import { followBatchRun } from '../../../src/engine/batch-run';
import type { Database } from '../../db/schema';
import { END_OF_TIME } from '../../engine/effective-dating';
import { percentile, startHealthProbe } from './health';
import { beneficiary, dependent, enrollment, KIND } from '../../workbooks/enrollment-batches/test-batches';

type Line = Record<string, CellValue>;

export interface ProcessContext {
  baseUrl: string;
  token: string;
  db: Kysely<Database>;
  lines: number;
}

const spouseBorn = (i: number) => `${1970 + (i % 30)}-04-15`;
const childBorn = (i: number) => `${2005 + (i % 15)}-09-01`;
const MARRIAGE = { effectiveDate: '2021-06-01', lifeEvent: 'Marriage', lifeEventOccurredDate: '2021-06-01' };

/** One participant's six lines: three enrollments (the third ends the first), two dependents, one beneficiary. */
function participantLines(personNumber: string, i: number): Line[] {
  return [
    enrollment(personNumber),
    enrollment(personNumber, { planName: 'Basic Life', optionName: '1x Salary', coverageAmount: 60000 }),
    enrollment(personNumber, { ...MARRIAGE, optionName: 'Employee Plus Family', closeLifeEventDate: '2021-06-30' }),
    dependent(personNumber, spouseBorn(i)),
    dependent(personNumber, childBorn(i), MARRIAGE),
    beneficiary(personNumber, { dateOfBirth: spouseBorn(i), primaryBeneficiaryPercentage: 100 }),
  ];
}
const LINES_PER_PARTICIPANT = participantLines('x', 0).length;

/** Fresh participants (Default relationship, a spouse and a child), so every run starts with nobody enrolled. */
async function seedParticipants(db: Kysely<Database>, count: number): Promise<string[]> {
  const tag = Date.now().toString(36).toUpperCase();
  const numbers = Array.from({ length: count }, (_, i) => `B${tag}-${String(i + 1).padStart(6, '0')}`);
  for (let start = 0; start < count; start += 1000) {
    const slice = numbers.slice(start, start + 1000);
    const persons = await db
      .insertInto('persons')
      .values(slice.map((n) => ({ person_number: n, first_name: 'Bench', last_name: n, date_of_birth: '1980-01-01', person_type: 'Participant' })))
      .returning('id')
      .execute();
    await db.insertInto('benefits_relationships').values(persons.map((p) => ({ person_id: p.id, name: 'Default', start_date: '2015-01-01', end_date: END_OF_TIME }))).execute();
    const contacts = persons.flatMap((p, j) => [
      { person_id: p.id, name: `Spouse of ${slice[j]}`, relationship: 'Spouse', date_of_birth: spouseBorn(start + j) },
      { person_id: p.id, name: `Child of ${slice[j]}`, relationship: 'Child', date_of_birth: childBorn(start + j) },
    ]);
    await db.insertInto('person_contacts').values(contacts).execute();
  }
  return numbers;
}

export async function measureProcess(ctx: ProcessContext): Promise<{ linesPerSecond: number; healthP99Ms: number }> {
  const numbers = await seedParticipants(ctx.db, Math.ceil(ctx.lines / LINES_PER_PARTICIPANT));
  const lines = numbers.flatMap((n, i) => participantLines(n, i)).slice(0, ctx.lines);
  const api = createApiClient({ baseURL: ctx.baseUrl, getToken: () => ctx.token, timeoutMs: 600000 });
  const batchName = `Bench process ${numbers[0].split('-')[0]}`;
  for (let start = 0; start < lines.length; start += MAX_ROWS_PER_CHUNK) {
    const rows = lines.slice(start, start + MAX_ROWS_PER_CHUNK).map((values, rowId) => ({ rowId, op: 'insert' as const, values }));
    const { results } = await api.upload(KIND, { idempotencyKey: randomUUID(), batchName, auditLog: true, rows });
    const failed = results.find((r) => r.status !== 'Inserted');
    if (failed) throw new Error(`Bench line ${start + failed.rowId + 1} did not upload: ${JSON.stringify(failed.errors)}`);
  }

  const health = await startHealthProbe(ctx.baseUrl, 50);
  const began = performance.now();
  const started = await api.startBatchJob(KIND, batchName, { idempotencyKey: randomUUID() });
  const job = await followBatchRun(api, KIND, batchName, started, 50);
  const seconds = (performance.now() - began) / 1000;
  const samples = await health.stop();
  // Every line is valid: a run that fails any of them measures something else.
  if (job.status !== 'completed' || job.completed !== ctx.lines) {
    throw new Error(`The bench run did not complete every line: ${JSON.stringify(job)}`);
  }
  return { linesPerSecond: ctx.lines / seconds, healthP99Ms: samples.latencies.length > 0 ? percentile(samples.latencies, 99) : 0 };
}

/**
 * `--profile`: counts and times every statement this process sends (pg's Client.query), by its first words, so the
 * table says how many statements a line costs and where the time goes. It includes the bench's own setup statements
 * (a few hundred), so read it for the statements the run repeats.
 */
function profileStatements(): () => void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const pg = require('pg') as typeof import('pg');
  const stats = new Map<string, { n: number; ms: number }>();
  const original = pg.Client.prototype.query;
  pg.Client.prototype.query = function (this: unknown, ...args: unknown[]) {
    const text = typeof args[0] === 'string' ? args[0] : ((args[0] as { text?: string })?.text ?? '');
    const label = text.replace(/\s+/g, ' ').trim().slice(0, 90);
    const start = performance.now();
    const result = (original as (...a: unknown[]) => unknown).apply(this, args);
    const done = () => {
      const s = stats.get(label) ?? { n: 0, ms: 0 };
      stats.set(label, { n: s.n + 1, ms: s.ms + performance.now() - start });
    };
    if (result && typeof (result as Promise<unknown>).then === 'function') (result as Promise<unknown>).then(done, done);
    return result;
  } as typeof original;
  return () => {
    pg.Client.prototype.query = original;
    const rows = [...stats].sort((a, b) => b[1].ms - a[1].ms);
    console.log(`${rows.reduce((n, [, s]) => n + s.n, 0)} statements`);
    for (const [label, s] of rows.slice(0, 30)) console.log(`${String(s.n).padStart(7)} ${s.ms.toFixed(0).padStart(8)} ms  ${(s.ms / s.n).toFixed(2).padStart(7)} ms each  ${label}`);
  };
}

/** Alone: a server of our own (with its job runner) on PGlite in memory, or on PostgreSQL at DATABASE_URL. */
async function main(): Promise<void> {
  process.env.LOG_LEVEL ??= 'warn'; // no request log lines between the figures
  const report = process.argv.includes('--profile') ? profileStatements() : undefined;
  const { createApp } = await import('../../app');
  const { createDatabase, migrate } = await import('../../db/database');
  const { isEmpty, seedDemoData, DEMO_USER } = await import('../../demo/seed');
  const { createJobRunner } = await import('../../engine/batch-jobs');
  const { batchKinds } = await import('../../engine/registry');
  const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
  const database = await createDatabase({ url: process.env.DATABASE_URL });
  await migrate(database.db);
  if (await isEmpty(database.db)) await seedDemoData(database.db, { persons: 30 });
  const runner = createJobRunner(database.db, batchKinds, { pollMs: 100, onError: (error) => console.error(error) });
  runner.start();
  const server = http.createServer(await createApp({ database, runner }));
  await new Promise<void>((resolve) => server.listen(Number(process.env.PORT ?? 0), 'localhost', resolve));
  const baseUrl = `http://localhost:${(server.address() as AddressInfo).port}`;
  const api = createApiClient({ baseURL: baseUrl, getToken: () => undefined });
  const { token } = await api.signIn(DEMO_USER.username, DEMO_USER.password);
  try {
    for (const lines of sizes.length > 0 ? sizes : [5000]) {
      const result = await measureProcess({ baseUrl, token, db: database.db, lines });
      console.log(`${database.kind} ${lines} lines: ${Math.round(result.linesPerSecond)} lines/s, health p99 ${Math.round(result.healthP99Ms)} ms`);
    }
    report?.();
  } finally {
    await runner.stop();
    server.close();
    await database.close();
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
