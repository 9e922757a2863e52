/**
 * Where setup records are used (seed: "You cannot delete any benefit group records that are currently being used";
 * the same for coverage types and benefits). One query per chunk; the message names the users in the user's words:
 * "Used by 3 benefits: Health BLUE SHIELD-20%, …".
 */
import { sql } from 'kysely';
import type { RowError } from '../../../src/contract/api';
import type { Db } from '../../engine/workbook-kind';

const SHOWN = 3;

/** "Used by 3 benefits: A, B, C" / "Used by 12 employee benefits: P10002, P10003, P10004 and 9 more". */
export function usedBy(count: number, singular: string, plural: string, names: string[]): string {
  const shown = names.slice(0, SHOWN).join(', ');
  const more = count > SHOWN ? ` and ${count - SHOWN} more` : '';
  return `Used by ${count} ${count === 1 ? singular : plural}: ${shown}${more}`;
}

interface Usage { owner: string; what: 'benefit' | 'benefit rate' | 'employee benefit'; count: number; names: string[] }

const PLURAL = { benefit: 'benefits', 'benefit rate': 'benefit rates', 'employee benefit': 'employee benefits' } as const;

function toErrors(rows: Usage[], column: string, recordName: string): Map<string, RowError[]> {
  const byOwner = new Map<string, string[]>();
  for (const r of rows) byOwner.set(r.owner, [...(byOwner.get(r.owner) ?? []), usedBy(Number(r.count), r.what, PLURAL[r.what], r.names)]);
  return new Map([...byOwner].map(([owner, parts]) => [owner, [{ column, message: `This ${recordName} cannot be deleted. ${parts.join('; ')}. Delete or change those first.` }]]));
}

/** Benefit categories (by name) used by benefits or employee benefits. */
export async function categoryUsage(db: Db, names: string[]): Promise<Map<string, RowError[]>> {
  if (names.length === 0) return new Map();
  const list = sql`(select jsonb_array_elements_text(${JSON.stringify(names)}::jsonb))`;
  const result = await sql<Usage>`
    select c.name as owner, 'benefit' as what, count(*)::int as count, array_agg(b.provider order by b.id) as names
    from benefit_categories c join benefits b on b.category_id = c.id where c.name in ${list} group by c.name
    union all
    select c.name, 'employee benefit', count(distinct e.key)::int, array_agg(distinct p.person_number)
    from benefit_categories c join benefits b on b.category_id = c.id join employee_benefits e on e.benefit_id = b.id join persons p on p.id = e.person_id
    where c.name in ${list} group by c.name`.execute(db);
  return toErrors(result.rows, 'name', 'benefit category');
}

/** Coverage types (by code) used by benefit rates (the Benefit Rates workbook's lines) or, through them, by employee benefits. */
export async function coverageTypeUsage(db: Db, codes: string[]): Promise<Map<string, RowError[]>> {
  if (codes.length === 0) return new Map();
  const list = sql`(select jsonb_array_elements_text(${JSON.stringify(codes)}::jsonb))`;
  const result = await sql<Usage>`
    select t.code as owner, 'benefit rate' as what, count(distinct l.rate_id)::int as count,
      array_agg(distinct c.name || ' ' || b.provider) as names
    from benefit_coverage_types t join benefit_rate_lines l on l.coverage_type_id = t.id join benefits b on b.id = l.benefit_id
      join benefit_categories c on c.id = b.category_id
    where t.code in ${list} group by t.code
    union all
    select t.code, 'employee benefit', count(distinct e.key)::int, array_agg(distinct p.person_number)
    from benefit_coverage_types t join benefit_rate_lines l on l.coverage_type_id = t.id join employee_benefits e on e.rate_id = l.rate_id
      join persons p on p.id = e.person_id
    where t.code in ${list} group by t.code`.execute(db);
  return toErrors(result.rows, 'code', 'coverage type');
}

/** Benefits (by id) used by employee benefits; their own rate lines go with them. */
export async function benefitUsage(db: Db, ids: number[]): Promise<Map<string, RowError[]>> {
  if (ids.length === 0) return new Map();
  const result = await sql<Usage>`
    select e.benefit_id::text as owner, 'employee benefit' as what, count(distinct e.key)::int as count, array_agg(distinct p.person_number) as names
    from employee_benefits e join persons p on p.id = e.person_id
    where e.benefit_id in (select jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb)::integer) group by e.benefit_id`.execute(db);
  return toErrors(result.rows, 'benefitId', 'benefit');
}
