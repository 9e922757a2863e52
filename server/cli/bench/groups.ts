/**
 * Person Benefit Groups at scale over HTTP: download every row (keyset pages), upload a change of every row's group
 * (2,000-row chunks, each a split of the record in effect), and the set-based limit for the same work: the end-dating
 * UPDATE and the INSERT written by hand in 2,000-row statements, on a copy of the table with only its primary key and
 * person index (no exclusion constraint, no foreign keys, no engine).
 */
import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { createApiClient } from '../../../src/api/api-client';
import { MAX_ROWS_PER_CHUNK, type DownloadedRow } from '../../../src/contract/api';
import { chunk } from '../../../src/core/chunk';
import type { Database } from '../../db/schema';

export const KIND = 'person-benefit-groups';
export const DATE = '2026-03-01';
const DAY_BEFORE = '2026-02-28';

const seconds = async <T>(run: () => Promise<T>): Promise<[T, number]> => {
  const start = performance.now();
  const result = await run();
  return [result, (performance.now() - start) / 1000];
};

export async function downloadAll(ctx: { baseUrl: string; token: string }): Promise<{ rows: DownloadedRow[]; groups: string[]; seconds: number }> {
  const api = createApiClient({ baseURL: ctx.baseUrl, getToken: () => ctx.token });
  const [result, s] = await seconds(async () => {
    const rows: DownloadedRow[] = [];
    let page = await api.rows(KIND, { effectiveDate: DATE }, undefined, 2000);
    const groups = page.lists.benefitGroups;
    rows.push(...page.rows);
    while (page.nextCursor !== null) {
      page = await api.rows(KIND, { effectiveDate: DATE }, page.nextCursor, 2000);
      rows.push(...page.rows);
    }
    return { rows, groups };
  });
  return { ...result, seconds: s };
}

const nextGroup = (groups: string[], current: unknown) => groups[(groups.indexOf(String(current)) + 1) % groups.length];

/** Uploads a change of group for every row; returns the rows as the server answered them (new versions) and the time. */
export async function uploadAll(ctx: { baseUrl: string; token: string }, rows: DownloadedRow[], groups: string[], date = DATE): Promise<{ rows: DownloadedRow[]; seconds: number; failed: number }> {
  const api = createApiClient({ baseURL: ctx.baseUrl, getToken: () => ctx.token });
  const saved: DownloadedRow[] = [];
  let failed = 0;
  const [, s] = await seconds(async () => {
    for (const piece of chunk(rows, MAX_ROWS_PER_CHUNK)) {
      const upload = piece.map((r, i) => ({ rowId: i, op: 'update' as const, key: r.key, version: r.version, values: { benefitsGroup: nextGroup(groups, r.values.benefitsGroup) } }));
      const { results } = await api.upload(KIND, { idempotencyKey: randomUUID(), effectiveDate: date, rows: upload });
      for (const r of results) {
        if (r.errors.length > 0 || !r.key || r.version === undefined) failed += 1;
        else saved.push({ key: r.key, version: r.version, values: r.values ?? {} });
      }
    }
  });
  return { rows: saved, seconds: s, failed };
}

/** A record the limit end-dates and follows with a new one: what the upload of its downloaded row changes. */
export interface LimitRow {
  key: string;
  startDate: string;
}

export const limitRows = (rows: DownloadedRow[]): LimitRow[] => rows.map((r) => ({ key: r.key, startDate: String(r.values.startDate) }));

/** The same end-date and insert as the upload, set-based by hand on a bare copy of the table: the database's limit. */
export async function setBasedLimit(db: Kysely<Database>, rows: LimitRow[]): Promise<number> {
  await sql`drop table if exists bench_limit`.execute(db);
  await sql`create table bench_limit (like person_benefit_groups)`.execute(db);
  await sql`insert into bench_limit select * from person_benefit_groups`.execute(db);
  await sql`alter table bench_limit add primary key (key, effective_start_date)`.execute(db);
  await sql`create index bench_limit_person on bench_limit (person_id)`.execute(db);
  await sql`analyze bench_limit`.execute(db);
  const [, s] = await seconds(async () => {
    for (const piece of chunk(rows, MAX_ROWS_PER_CHUNK)) {
      const payload = JSON.stringify(piece.map((r) => ({ key: r.key, start_date: r.startDate })));
      await db.transaction().execute(async (trx) => {
        await sql`update bench_limit t set effective_end_date = ${DAY_BEFORE}::date
          from json_to_recordset(${payload}::json) as v(key text, start_date date) where t.key = v.key and t.effective_start_date = v.start_date`.execute(trx);
        await sql`insert into bench_limit (key, effective_start_date, effective_end_date, version, person_id, benefit_group_id)
          select t.key, ${DATE}::date, '4712-12-31', t.version + 1, t.person_id, t.benefit_group_id
          from json_to_recordset(${payload}::json) as v(key text, start_date date) join bench_limit t on t.key = v.key and t.effective_start_date = v.start_date`.execute(trx);
      });
    }
  });
  await sql`drop table bench_limit`.execute(db);
  return s;
}
