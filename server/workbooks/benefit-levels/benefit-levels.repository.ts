/** Benefit levels (the options of group life plans): the sheet's rows, new ids, and where a level is used. */
import { sql } from 'kysely';
import type { RowError } from '../../../src/contract/api';
import { afterPlace, orderBy, placeColumn, type SortColumn } from '../../engine/keyset';
import { searchWhere } from '../../engine/row-search';
import type { Db, PageRequest } from '../../engine/workbook-kind';
import { usedBy } from '../benefit-categories/setup-usage.repository';

export interface LevelRow { key: string; version: number; place: unknown[]; plan: string; code: string | null; name: string }

const ORDER: SortColumn[] = [{ expr: 'p.name', type: 'text' }, { expr: 'o.id', type: 'integer' }];
const GROUP_LIFE = sql`o.plan_id in (select plan_id from group_life_plans)`;
/** Search before download (definition.search): code or name contains, the plan whole. */
const SEARCH = { name: "coalesce(o.code, '') || ' ' || o.name", group: 'p.name' };

export async function findLevelRows(db: Db, page: Omit<PageRequest, 'population'>): Promise<{ rows: LevelRow[]; total?: number }> {
  const keys = page.keys ? sql`and o.id::text in (select jsonb_array_elements_text(${JSON.stringify(page.keys)}::jsonb))` : sql``;
  const searched = () => searchWhere(page.search, SEARCH);
  const result = await sql<LevelRow>`
    select o.id::text as key, o.version, p.name as plan, o.code, o.name, ${placeColumn(ORDER)}
    from benefit_options o join benefit_plans p on p.id = o.plan_id where ${GROUP_LIFE} ${keys} ${searched()} ${afterPlace(ORDER, page.after)}
    order by ${orderBy(ORDER)} limit ${page.limit}`.execute(db);
  const first = !page.after && !page.keys;
  const total = first ? Number((await sql<{ n: string }>`select count(*) as n from benefit_options o join benefit_plans p on p.id = o.plan_id where ${GROUP_LIFE} ${searched()}`.execute(db)).rows[0].n) : undefined;
  return { rows: result.rows, total };
}

/** Every level of every group life plan (to refuse a second code or name in a plan). */
export const findAllLevels = (db: Db) =>
  db.selectFrom('benefit_options as o').innerJoin('group_life_plans as g', 'g.plan_id', 'o.plan_id').select(['o.id', 'o.plan_id', 'o.code', 'o.name']).execute();

export async function nextLevelIds(db: Db, count: number): Promise<string[]> {
  if (count === 0) return [];
  const result = await sql<{ id: string }>`select nextval('benefit_options_id_seq')::text as id from generate_series(1, ${count}) order by 1`.execute(db);
  return result.rows.map((r) => r.id);
}

const WHAT = { rate: ['rate row', 'rate rows'], limit: ['limits row', 'limits rows'], step: ['step-down', 'step-downs'], enrollment: ['enrollment', 'enrollments'], default: ['plan default', 'plan defaults'] } as const;

/** seed: a level the grid, an enrollment or a plan's Default Benefit Level uses cannot be deleted (one query for the chunk). */
export async function levelUsage(db: Db, keys: string[]): Promise<Map<string, RowError[]>> {
  if (keys.length === 0) return new Map();
  const ids = sql`(select jsonb_array_elements_text(${JSON.stringify(keys)}::jsonb)::integer)`;
  const result = await sql<{ level_id: number; what: keyof typeof WHAT; count: number; names: string[] }>`
    select level_id, 'rate' as what, count(*)::int as count, array_agg(distinct 'age ' || lower_age) as names from rate_grid_rates where level_id in ${ids} group by level_id
    union all select level_id, 'limit', count(*)::int, array_agg(distinct 'from ' || effective_start_date) from rate_grid_limits where level_id in ${ids} group by level_id
    union all select level_id, 'step', count(*)::int, array_agg(distinct 'age ' || lower_age) from rate_grid_step_downs where level_id in ${ids} group by level_id
    union all select e.option_id, 'enrollment', count(*)::int, array_agg(distinct p.person_number) from benefit_enrollments e join persons p on p.id = e.person_id where e.option_id in ${ids} group by e.option_id
    union all select g.default_level_id, 'default', count(*)::int, array_agg(p.name) from group_life_plans g join benefit_plans p on p.id = g.plan_id where g.default_level_id in ${ids} group by g.default_level_id`.execute(db);
  const parts = new Map<string, string[]>();
  for (const r of result.rows) parts.set(String(r.level_id), [...(parts.get(String(r.level_id)) ?? []), usedBy(r.count, WHAT[r.what][0], WHAT[r.what][1], r.names)]);
  return new Map([...parts].map(([key, used]) => [key, [{ column: 'name', message: `This benefit level cannot be deleted. ${used.join('; ')}. Delete or change those first (a plan default in Group Life Plans).` }]]));
}
