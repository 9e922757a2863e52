/**
 * One page of a group life table's records in effect on a date, optionally of one plan, in plan, level and age order
 * (keyset paging, as every kind). These records are the plan's, not a person's: no population applies to them.
 */
import { sql, type RawBuilder } from 'kysely';
import { afterPlace, orderBy, placeColumn, type Place, type SortColumn } from '../../engine/keyset';
import { searchWhere } from '../../engine/row-search';
import { displayedRecords, splitBefore } from '../../engine/effective-dated.repository';
import type { Db, PageRequest } from '../../engine/workbook-kind';

export type GridTable = 'rate_grid_rates' | 'rate_grid_limits' | 'rate_grid_step_downs';

export type GridRow<R> = R & { key: string; version: number; effective_start_date: string; effective_end_date: string; plan_name: string; level_name: string; place: Place };

export async function findGridPage<R>(db: Db, table: GridTable, columns: RawBuilder<unknown>, order: SortColumn[], date: string, page: PageRequest, planId: number | undefined): Promise<{ rows: Array<GridRow<R>>; total?: number; before?: Array<GridRow<R>> }> {
  const keyFilter = page.keys && !page.before ? sql`and r.key in (select jsonb_array_elements_text(${JSON.stringify(page.keys)}::jsonb))` : sql``;
  // The plan (the Prepare filter) and a search before download by benefit level; the count is of the rows they match.
  const planFilter = sql`${planId === undefined ? sql`` : sql`and r.plan_id = ${planId}`} ${searchWhere(page.search, { group: 'o.name' })}`;
  const sorted: SortColumn[] = [{ expr: 'p.name', type: 'text' }, { expr: 'o.name', type: 'text' }, ...order, { expr: 'r.key', type: 'text' }];
  const result = await sql<GridRow<R>>`
    select r.key, r.effective_start_date, r.effective_end_date, p.name as plan_name, o.name as level_name, ${columns}, ${placeColumn(sorted)},
      (select max(v.version) from ${sql.table(table)} v where v.key = r.key) as version${page.before ? sql`, r.as_before` : sql``}
    from ${displayedRecords(table, page)} join benefit_plans p on p.id = r.plan_id join benefit_options o on o.id = r.level_id
    where ${date}::date between r.effective_start_date and r.effective_end_date ${planFilter} ${keyFilter} ${afterPlace(sorted, page.after)}
    order by ${orderBy(sorted)}
    limit ${page.limit}`.execute(db);
  if (page.after || page.keys) return splitBefore(result.rows, page);
  const count = await sql<{ n: string }>`select count(*) as n from ${sql.table(table)} r join benefit_options o on o.id = r.level_id where ${date}::date between r.effective_start_date and r.effective_end_date ${planFilter}`.execute(db);
  return { rows: result.rows, total: Number(count.rows[0].n) };
}
