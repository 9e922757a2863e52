/** Table types of benefit setup (migration 013); schema.ts lists them in `Database`. */
import type { ColumnType, Generated } from 'kysely';
import type { EffectiveDated } from './schema';

type Money = ColumnType<string, string | number, string | number>;
type MaybeMoney = ColumnType<string | null, string | number | null | undefined, string | number | null>;
type Version = ColumnType<number, number | undefined, number>;

/** 'Dollar': portions are amounts (employee + employer = total); 'Percent': portions are percentages of the total (sum 100). */
export type Allocation = 'Dollar' | 'Percent';

/**
 * nVision's "Benefit Groups" (Health, Dental, Life…), called benefit categories here: `benefit_groups` holds the
 * person benefits groups (Executives, Retirees…) that data access and the Person Benefit Groups workbook use.
 */
export interface BenefitCategoriesTable {
  id: Generated<number>;
  /** Not modifiable once saved (seed). */
  name: string;
  description: ColumnType<string, string | undefined, string>;
  version: Version;
}

export interface BenefitCoverageTypesTable {
  id: Generated<number>;
  /** Not modifiable once saved (seed). */
  code: string;
  name: string;
  /** One of GASB45_TYPES (migration 013). */
  gasb45_type: string;
  version: Version;
}

export interface BenefitsTable {
  /** The Benefit ID, assigned by the server. */
  id: Generated<number>;
  category_id: number;
  provider: string;
  policy_number: string | null;
  w2_box12_reportable: ColumnType<boolean, boolean | undefined, boolean>;
  version: Version;
}

/** One line per benefit and coverage type in effect at once; `rate_id` (Benefit Rate ID) is the same across the key's history. */
export interface BenefitRateLinesTable extends EffectiveDated {
  rate_id: number;
  benefit_id: number;
  coverage_type_id: number;
  allocation: Allocation;
  total_cost: Money;
  employee_portion: Money;
  employer_portion: Money;
  face_value: ColumnType<string, string | number | undefined, string | number>;
  deduction_code: string | null;
}

/**
 * An employee's benefit on a position (assignment): Start Date = effective_start_date, End Date = effective_end_date
 * (END_OF_TIME = open). Amounts are always stored; the percentages only for Percent lines.
 */
export interface EmployeeBenefitsTable extends EffectiveDated {
  person_id: number;
  assignment_id: number;
  rate_id: number;
  /** The rate line's benefit, kept on the record (one record per person, assignment and benefit in effect at once). */
  benefit_id: number;
  allocation: Allocation;
  total_cost: Money;
  employee_portion: Money;
  employer_portion: Money;
  employee_percent: MaybeMoney;
  employer_percent: MaybeMoney;
  face_value: ColumnType<string, string | number | undefined, string | number>;
  funding_source: string | null;
}

/** A dependent (a contact of the employee) on an employee benefit, by the benefit's key (kept across rate changes). */
export interface EmployeeBenefitDependentsTable extends EffectiveDated {
  person_id: number;
  employee_benefit_key: string;
  contact_id: number;
}
