/**
 * Demo benefit setup, after the seed's own listings: benefit categories (nVision's Benefit Groups), coverage types,
 * the thirteen benefits and their rate lines. One rate change is already entered: BLUE SHIELD-20% Individual
 * (Benefit Rate ID 7) goes from 3,000 / 600 / 2,400 to 3,500 / 800 / 2,700 on RATE_CHANGE_DATE.
 */
import { sql } from 'kysely';
import { END_OF_TIME, dayBefore } from '../../engine/effective-dating';
import type { Db } from '../../engine/workbook-kind';
import type { Allocation } from '../../db/benefit-setup.schema';

export const RATE_CHANGE_DATE = '2027-01-01';
const SETUP_START = '2020-01-01';

export const DEMO_CATEGORIES = [
  ['Health', 'Health Insurance'], ['Dental', 'Dental Insurance'], ['Life', 'Life Insurance'], ['Disability', 'Disability Insurance'],
  ['Major Medical', 'Major Medical Insurance'], ['Other', 'Other'], ['Prescription', 'Prescription'], ['Vision', 'Vision'],
].map(([name, description]) => ({ name, description }));

export const DEMO_COVERAGE_TYPES = [
  { code: 'Family', name: 'Family Coverage', gasb45_type: 'EF - Employee & Family' },
  { code: 'Individual', name: 'Individual Coverage', gasb45_type: 'EE - Employee' },
  { code: 'Spousal', name: 'Spousal Coverage', gasb45_type: 'ES - Employee & Spouse' },
  { code: 'Waived', name: 'Waived Coverage', gasb45_type: 'BY - Waived' },
];

/** Benefit ID = position + 1 (the seed's listing). */
export const DEMO_BENEFITS: Array<{ category: string; provider: string; policy: string | null; w2: boolean }> = [
  { category: 'Dental', provider: 'AFLAC', policy: '672367', w2: false },
  { category: 'Dental', provider: 'DENTAL', policy: '555555', w2: false },
  { category: 'Dental', provider: 'WAIVED', policy: null, w2: false },
  { category: 'Health', provider: 'BLUE SHIELD-0 CONTR', policy: '112121211', w2: true },
  { category: 'Health', provider: 'BLUE SHIELD-20%', policy: null, w2: true },
  { category: 'Health', provider: 'BLUE SHIELD-COBRA', policy: '923787', w2: false },
  { category: 'Health', provider: 'CDPHP-NO CONTRIB', policy: '5555555555', w2: true },
  { category: 'Health', provider: 'WAIVED', policy: null, w2: false },
  { category: 'Disability', provider: 'WAIVED', policy: null, w2: false },
  { category: 'Life', provider: 'MET LIFE', policy: null, w2: false },
  { category: 'Life', provider: 'WAIVED', policy: null, w2: false },
  { category: 'Major Medical', provider: 'WAIVED', policy: null, w2: false },
  { category: 'Other', provider: 'WAIVED', policy: null, w2: false },
];

interface DemoRate { benefit: number; coverage: string; allocation: Allocation; total: number; employee: number; employer: number; face?: number; next?: [number, number, number] }

/** Benefit Rate ID = position + 1. Percent lines hold percentages in the portions. */
export const DEMO_RATES: DemoRate[] = [
  { benefit: 1, coverage: 'Individual', allocation: 'Dollar', total: 300, employee: 30, employer: 270 },
  { benefit: 2, coverage: 'Individual', allocation: 'Dollar', total: 350, employee: 35, employer: 315 },
  { benefit: 2, coverage: 'Family', allocation: 'Dollar', total: 650, employee: 65, employer: 585 },
  { benefit: 4, coverage: 'Individual', allocation: 'Dollar', total: 3000, employee: 0, employer: 3000 },
  { benefit: 4, coverage: 'Family', allocation: 'Dollar', total: 10000, employee: 0, employer: 10000 },
  { benefit: 6, coverage: 'Individual', allocation: 'Dollar', total: 3000, employee: 3000, employer: 0 },
  { benefit: 5, coverage: 'Individual', allocation: 'Dollar', total: 3000, employee: 600, employer: 2400, next: [3500, 800, 2700] },
  { benefit: 5, coverage: 'Family', allocation: 'Dollar', total: 10000, employee: 2000, employer: 8000 },
  { benefit: 7, coverage: 'Individual', allocation: 'Percent', total: 4000, employee: 0, employer: 100 },
  { benefit: 7, coverage: 'Spousal', allocation: 'Percent', total: 7000, employee: 10, employer: 90 },
  { benefit: 10, coverage: 'Individual', allocation: 'Dollar', total: 120, employee: 0, employer: 120, face: 50000 },
  { benefit: 8, coverage: 'Waived', allocation: 'Dollar', total: 0, employee: 0, employer: 0 },
  { benefit: 3, coverage: 'Waived', allocation: 'Dollar', total: 0, employee: 0, employer: 0 },
];

export const rateKey = (rateId: number) => `rate-${String(rateId).padStart(6, '0')}`;

export async function seedBenefitSetup(db: Db): Promise<void> {
  const categories = await db.insertInto('benefit_categories').values(DEMO_CATEGORIES).returning(['id', 'name']).execute();
  const coverage = await db.insertInto('benefit_coverage_types').values(DEMO_COVERAGE_TYPES).returning(['id', 'code']).execute();
  const categoryId = new Map(categories.map((c) => [c.name, c.id]));
  const coverageId = new Map(coverage.map((c) => [c.code, c.id]));
  const benefits = await db
    .insertInto('benefits')
    .values(DEMO_BENEFITS.map((b) => ({ category_id: categoryId.get(b.category)!, provider: b.provider, policy_number: b.policy, w2_box12_reportable: b.w2 })))
    .returning('id')
    .execute();
  const rateIds = (await sql<{ id: number }>`select nextval('benefit_rate_id_seq')::integer as id from generate_series(1, ${DEMO_RATES.length}) order by 1`.execute(db)).rows.map((r) => r.id);
  const lines = DEMO_RATES.flatMap((r, i) => {
    const base = { key: rateKey(rateIds[i]), rate_id: rateIds[i], benefit_id: benefits[r.benefit - 1].id, coverage_type_id: coverageId.get(r.coverage)!, allocation: r.allocation, face_value: r.face ?? 0, deduction_code: null };
    const costs = (t: number, e: number, er: number) => ({ total_cost: t, employee_portion: e, employer_portion: er });
    if (!r.next) return [{ ...base, effective_start_date: SETUP_START, effective_end_date: END_OF_TIME, version: 1, ...costs(r.total, r.employee, r.employer) }];
    return [
      { ...base, effective_start_date: SETUP_START, effective_end_date: dayBefore(RATE_CHANGE_DATE), version: 1, ...costs(r.total, r.employee, r.employer) },
      { ...base, effective_start_date: RATE_CHANGE_DATE, effective_end_date: END_OF_TIME, version: 2, ...costs(...r.next) },
    ];
  });
  await db.insertInto('benefit_rate_lines').values(lines).execute();
}
