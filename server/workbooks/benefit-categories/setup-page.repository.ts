/** A page of a keyed setup table (benefit categories, coverage types) in key order, for keyset paging, narrowed by a search. */
import { sql } from 'kysely';
import { afterPlace, orderBy, placeColumn, type SortColumn } from '../../engine/keyset';
import { searchWhere, type SearchColumns } from '../../engine/row-search';
import type { Db, PageRequest } from '../../engine/workbook-kind';

export type SetupRow<R> = R & { key: string; version: number; place: unknown[] };

export async function findSetupPage<R>(db: Db, table: 'benefit_categories' | 'benefit_coverage_types', keyColumn: 'name' | 'code', columns: string[], page: Omit<PageRequest, 'population'>, search?: SearchColumns): Promise<{ rows: Array<SetupRow<R>>; total?: number }> {
  const order: SortColumn[] = [{ expr: `s.${keyColumn}`, type: 'text' }];
  const key = sql.raw(`s.${keyColumn}`);
  const keys = page.keys ? sql`and ${key} in (select jsonb_array_elements_text(${JSON.stringify(page.keys)}::jsonb))` : sql``;
  const searched = () => searchWhere(page.search, search);
  const result = await sql<SetupRow<R>>`
    select ${key} as key, s.version, ${sql.raw(columns.map((c) => `s.${c}`).join(', '))}, ${placeColumn(order)}
    from ${sql.table(table)} s where true ${keys} ${searched()} ${afterPlace(order, page.after)}
    order by ${orderBy(order)} limit ${page.limit}`.execute(db);
  const first = !page.after && !page.keys;
  const total = first ? Number((await sql<{ n: string }>`select count(*) as n from ${sql.table(table)} s where true ${searched()}`.execute(db)).rows[0].n) : undefined;
  return { rows: result.rows, total };
}
