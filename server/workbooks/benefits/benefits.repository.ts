import { sql } from 'kysely';
import { afterPlace, orderBy, placeColumn, type SortColumn } from '../../engine/keyset';
import { searchWhere } from '../../engine/row-search';
import type { Db, PageRequest } from '../../engine/workbook-kind';

export interface BenefitSheetRow { key: string; version: number; place: unknown[]; category: string; provider: string; policy_number: string | null; w2_box12_reportable: boolean }

const ORDER: SortColumn[] = [{ expr: 'b.id', type: 'integer' }];
/** Search before download: provider contains, benefit category (definition.search). */
const SEARCH = { name: 'b.provider', group: 'c.name' };

export async function findBenefitRows(db: Db, page: Omit<PageRequest, 'population'>): Promise<{ rows: BenefitSheetRow[]; total?: number }> {
  const keys = page.keys ? sql`and b.id::text in (select jsonb_array_elements_text(${JSON.stringify(page.keys)}::jsonb))` : sql``;
  const searched = () => searchWhere(page.search, SEARCH);
  const result = await sql<BenefitSheetRow>`
    select b.id::text as key, b.version, c.name as category, b.provider, b.policy_number, b.w2_box12_reportable, ${placeColumn(ORDER)}
    from benefits b join benefit_categories c on c.id = b.category_id where true ${keys} ${searched()} ${afterPlace(ORDER, page.after)}
    order by ${orderBy(ORDER)} limit ${page.limit}`.execute(db);
  const first = !page.after && !page.keys;
  const total = first ? Number((await sql<{ n: string }>`select count(*) as n from benefits b join benefit_categories c on c.id = b.category_id where true ${searched()}`.execute(db)).rows[0].n) : undefined;
  return { rows: result.rows, total };
}

export async function findCategories(db: Db) {
  return db.selectFrom('benefit_categories').select(['id', 'name']).orderBy('name').execute();
}

/** The category names, as the lists of the kinds searched by Benefit Category. */
export async function categoryNames(db: Db): Promise<string[]> {
  return (await findCategories(db)).map((c) => c.name);
}

/** Every benefit's category and provider (to refuse a second benefit of the same provider in a category). */
export async function findBenefitNames(db: Db) {
  return db.selectFrom('benefits').select(['id', 'category_id', 'provider']).execute();
}

export async function nextBenefitIds(db: Db, count: number): Promise<string[]> {
  if (count === 0) return [];
  const result = await sql<{ id: string }>`select nextval('benefits_id_seq')::text as id from generate_series(1, ${count}) order by 1`.execute(db);
  return result.rows.map((r) => r.id);
}

/** A deleted benefit takes its rate lines with it (it is refused first when an employee has it). */
export async function deleteBenefits(db: Db, keys: string[]): Promise<void> {
  if (keys.length === 0) return;
  const ids = sql`(select jsonb_array_elements_text(${JSON.stringify(keys)}::jsonb)::integer)`;
  await sql`delete from benefit_rate_lines where benefit_id in ${ids}`.execute(db);
  await sql`delete from benefits where id in ${ids}`.execute(db);
}
