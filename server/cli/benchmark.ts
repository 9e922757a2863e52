/**
 * `npm run bench -- [rows]`: the upload path at scale, against the database's raw insert speed and Excel's request limit.
 * Seeds `rows` persons (default 100,000) with group assignments, then times, over real HTTP:
 *   download of every row (paged), an upload that changes every row (2,000-row chunks), and a raw multi-row INSERT of
 *   the same number of records for comparison; and writes the rows into the simulated Excel in blocks, reporting the
 *   largest request against the 5 MB limit. Uses PGlite in memory, or PostgreSQL at DATABASE_URL.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { MAX_ROWS_PER_CHUNK, type DownloadedRow } from '../../src/contract/api';
import { createApiClient } from '../../src/api/api-client';
import { chunk, rowsPerBlock } from '../../src/core/chunk';
import { createLayout, toSheetRow } from '../../src/core/sheet-layout';
import { createOfficeHost } from '../../src/excel/office-host';
import { createSimulatedExcel, REQUEST_LIMIT_BYTES } from '../../src/excel/simulated/excel-api';
import { createApp } from '../app';
import { createDatabase, migrate } from '../db/database';
import { seedDemoData } from '../demo/seed';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

const KIND = 'person-benefit-groups';
const DATE = '2026-03-01';

async function timed<T>(label: string, rows: number, run: () => Promise<T>): Promise<T> {
  const start = performance.now();
  const result = await run();
  const ms = performance.now() - start;
  console.log(`${label.padEnd(44)} ${String(Math.round(ms)).padStart(7)} ms  ${String(Math.round((rows / ms) * 1000)).padStart(8)} rows/s`);
  return result;
}

async function main(): Promise<void> {
  const persons = Number(process.argv[2] ?? 100000);
  const database = await createDatabase({ url: process.env.DATABASE_URL });
  await migrate(database.db);
  console.log(`Seeding ${persons} persons on ${database.kind}…`);
  await seedDemoData(database.db, { persons });
  const server = http.createServer(await createApp({ database }));
  await new Promise<void>((resolve) => server.listen(0, 'localhost', resolve));
  const session: { token?: string } = {};
  const api = createApiClient({ baseURL: `http://localhost:${(server.address() as AddressInfo).port}`, getToken: () => session.token });
  session.token = (await api.signIn('demo', 'demo123')).token;

  const rows = await timed('download every row (2,000 a page)', persons, async () => {
    const all: DownloadedRow[] = [];
    for (let offset: number | null = 0; offset !== null; ) {
      const page = await api.rows(KIND, { effectiveDate: DATE }, offset, 2000);
      all.push(...page.rows);
      offset = page.nextOffset;
    }
    return all;
  });
  const groups = (await api.rows(KIND, { effectiveDate: DATE }, 0, 1)).lists.benefitGroups;
  await timed(`upload ${rows.length} updates (${MAX_ROWS_PER_CHUNK}-row chunks)`, rows.length, async () => {
    for (const piece of chunk(rows, MAX_ROWS_PER_CHUNK)) {
      const uploadRows = piece.map((r, i) => ({ rowId: i, op: 'update' as const, key: r.key, version: r.version, values: { benefitsGroup: groups[(i + 1) % groups.length] } }));
      await api.upload(KIND, { idempotencyKey: randomUUID(), effectiveDate: DATE, rows: uploadRows });
    }
  });
  await timed(`raw INSERT of ${rows.length} records (baseline)`, rows.length, async () => {
    await sql`create temporary table bench_raw as select * from person_benefit_groups with no data`.execute(database.db);
    for (const piece of chunk(rows, MAX_ROWS_PER_CHUNK)) {
      await sql`insert into bench_raw (key, effective_start_date, effective_end_date, version, person_id, benefit_group_id)
        select v.key || '-raw', '2026-03-01', '4712-12-31', 1, 1, 1 from jsonb_to_recordset(${JSON.stringify(piece.map((r) => ({ key: r.key })))}::jsonb) as v(key text)`.execute(database.db);
    }
  });

  const excel = createSimulatedExcel();
  const host = createOfficeHost(excel);
  const layout = createLayout((await api.workbooks()).find((d) => d.kind === KIND)!, 'en-US');
  const sheetRows = rows.map((r) => toSheetRow(layout, r));
  const block = rowsPerBlock(layout.width);
  await host.createSheet('Bench');
  await timed(`write ${rows.length} rows into simulated Excel (${block}-row blocks)`, rows.length, async () => {
    for (let start = 0; start < sheetRows.length; start += block) await host.writeValues('Bench', 2 + start, 0, sheetRows.slice(start, start + block));
  });
  const mb = (n: number) => (n / 1024 / 1024).toFixed(2);
  console.log(`largest Excel request: ${mb(excel.workbook.counters.maxRequestBytes)} MB of ${mb(REQUEST_LIMIT_BYTES)} MB; ${excel.workbook.counters.syncCount} requests`);

  server.close();
  await database.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
