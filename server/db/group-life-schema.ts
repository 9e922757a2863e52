/** Table types of the group life rate grids (migration 017), apart from schema.ts to keep it small. */
import type { ColumnType, Generated } from 'kysely';
import type { Amount, EffectiveDated } from './schema';

/** Group life plan settings (seed: Selerix group life; migration 017). */
export interface GroupLifePlansTable {
  plan_id: number;
  basis: ColumnType<'multiple' | 'percent', 'multiple' | 'percent' | undefined, 'multiple' | 'percent'>;
  round_salary_first: Generated<boolean>;
  round_after_step_down: Generated<boolean>;
  rounding: ColumnType<'none' | 'nearest' | 'up' | 'down', 'none' | 'nearest' | 'up' | 'down' | undefined, 'none' | 'nearest' | 'up' | 'down'>;
  rounding_unit: Amount;
  rates_based_on_salary: Generated<boolean>;
  /** The age-determination date; null: the enrollment's effective date. */
  age_determination_date: string | null;
  employee_monthly_fee: ColumnType<string, string | number | undefined, string | number>;
  employer_monthly_fee: ColumnType<string, string | number | undefined, string | number>;
  /** seed: "Benefit Amount Mode": the salary the benefit amount is figured on (migration 020). */
  benefit_amount_mode: ColumnType<BenefitAmountMode, BenefitAmountMode | undefined, BenefitAmountMode>;
  /** seed: "Default Benefit Level"; null: None (the enrollee must pick a level). */
  default_level_id: ColumnType<number | null, number | null | undefined, number | null>;
  version: ColumnType<number, number | undefined, number>;
}

export type BenefitAmountMode = 'annual' | 'monthly' | 'weekly';

export interface RateGridLevel extends EffectiveDated {
  plan_id: number;
  /** The benefit level is one of the plan's options. */
  level_id: number;
}

type Number_ = ColumnType<string, string | number, string | number>;

export interface RateGridRatesTable extends RateGridLevel {
  lower_age: number;
  /** '' when the row is for every gender. */
  gender: string;
  employee_cost: Number_;
  employer_cost: Number_;
  per: number;
}

export interface RateGridLimitsTable extends RateGridLevel {
  factor: Number_;
  gi_limit: Amount;
  gi_multiplier: Amount;
  min_benefit: Amount;
  max_benefit: Amount;
}

export interface RateGridStepDownsTable extends RateGridLevel {
  lower_age: number;
  step_down: Number_;
}

/** Effective-dated since migration 020 (the Employee Salaries workbook). */
export interface PersonSalariesTable extends EffectiveDated {
  person_id: number;
  annual_salary: Number_;
  pay_periods: ColumnType<number, number | undefined, number>;
}

