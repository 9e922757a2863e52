import { sql } from 'kysely';
import type { Db } from '../../engine/workbook-kind';
import { findDisplayPage, type DisplayPageRequest, type DisplayRow } from '../../engine/effective-dated.repository';

export type RateLineRow = DisplayRow<{
  benefit_id: number; category: string; provider: string; rate_id: number; coverage_code: string; allocation: string;
  total_cost: string; employee_portion: string; employer_portion: string; face_value: string; deduction_code: string | null;
}>;

/** Rate lines are setup, not person data: every user sees all of them (the population limits persons only). */
export function findRateLines(db: Db, date: string, page: DisplayPageRequest): Promise<{ rows: RateLineRow[]; total?: number }> {
  return findDisplayPage(db, {
    table: 'benefit_rate_lines',
    columns: sql`r.benefit_id, c.name as category, b.provider, r.rate_id, t.code as coverage_code, r.allocation, r.total_cost, r.employee_portion, r.employer_portion, r.face_value, r.deduction_code`,
    joins: sql`join benefits b on b.id = r.benefit_id join benefit_categories c on c.id = b.category_id join benefit_coverage_types t on t.id = r.coverage_type_id`,
    orderBy: [{ expr: 'r.benefit_id', type: 'integer' }, { expr: 'r.rate_id', type: 'integer' }, { expr: 'r.key', type: 'text' }],
    search: { name: 'b.provider', group: 'c.name', status: 't.code' },
  }, date, { ...page, population: undefined });
}

export async function findBenefitsById(db: Db, ids: number[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('benefits').innerJoin('benefit_categories as c', 'c.id', 'benefits.category_id')
    .select(['benefits.id', 'benefits.provider', 'c.name as category']).where('benefits.id', 'in', [...new Set(ids)]).execute();
}

export async function findCoverageTypes(db: Db) {
  return db.selectFrom('benefit_coverage_types').select(['id', 'code', 'name']).orderBy('code').execute();
}

/** New Benefit Rate IDs, one per new line (one statement). */
export async function nextRateIds(db: Db, count: number): Promise<number[]> {
  if (count === 0) return [];
  const result = await sql<{ id: number }>`select nextval('benefit_rate_id_seq')::integer as id from generate_series(1, ${count}) order by 1`.execute(db);
  return result.rows.map((r) => r.id);
}
