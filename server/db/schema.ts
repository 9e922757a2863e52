/** Table types for Kysely. Effective-dated tables share the `EffectiveDated` columns. */
import type { ColumnType, Generated } from 'kysely';
import type { BenefitCategoriesTable, BenefitCoverageTypesTable, BenefitRateLinesTable, BenefitsTable, EmployeeBenefitDependentsTable, EmployeeBenefitsTable } from './benefit-setup.schema';
import type { GroupLifePlansTable, PersonSalariesTable, RateGridLimitsTable, RateGridRatesTable, RateGridStepDownsTable } from './group-life-schema';

export type DateColumn = ColumnType<string, string, string>;

export interface EffectiveDated {
  key: string;
  effective_start_date: DateColumn;
  effective_end_date: DateColumn;
  version: number;
}

export interface PersonsTable {
  id: Generated<number>;
  person_number: string;
  first_name: string;
  last_name: string;
  date_of_birth: DateColumn;
  person_type: string;
  /** The gender a carrier's rate grid rates on (migration 017); null: not recorded. */
  gender?: ColumnType<'Male' | 'Female' | null, 'Male' | 'Female' | null | undefined, 'Male' | 'Female' | null>;
}

export interface BenefitGroupsTable {
  id: Generated<number>;
  name: string;
  start_date: DateColumn;
  end_date: DateColumn;
}

export interface PersonBenefitGroupsTable extends EffectiveDated {
  person_id: number;
  benefit_group_id: number;
}

export interface PersonAssignmentsTable {
  id: Generated<number>;
  person_id: number;
  assignment_number: string;
  start_date: DateColumn;
  end_date: DateColumn;
}

export interface BenefitsRelationshipsTable {
  id: Generated<number>;
  person_id: number;
  name: string;
  start_date: DateColumn;
  end_date: DateColumn;
}

export interface BalanceTypesTable {
  id: Generated<number>;
  name: string;
  start_date: DateColumn;
  end_date: DateColumn;
}

export interface PersonBenefitBalancesTable extends EffectiveDated {
  person_id: number;
  balance_type_id: number;
  value: ColumnType<string, string | number, string | number>;
  assignment_id: number | null;
  relationship_id: number | null;
}

export interface PersonHabitsTable extends EffectiveDated {
  person_id: number;
  student_status: string | null;
  disability_status: string | null;
  disability_type: string | null;
  tobacco_use: string | null;
  covered_in_another_plan: string | null;
  other_plan: string | null;
}

export interface UploadRequestsTable {
  idempotency_key: string;
  kind: string;
  response: ColumnType<unknown, string | null, string | null>;
  created_at: Generated<Date>;
}

export type UserRole = 'viewer' | 'editor' | 'batch-processor' | 'administrator';

export interface UsersTable {
  username: string;
  display_name: string;
  password_hash: string | null;
  role: ColumnType<UserRole, UserRole | undefined, UserRole>;
  disabled: Generated<boolean>;
  /** NULL: every person; else the population the user may see (data access by population decides the format). */
  data_access: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: Generated<Date>;
  /** Stepped by each change through the Users workbook (migration 011), for its version check. */
  version: Generated<number>;
}

/** rate-limiter-flexible's table (RateLimiterPostgres): attempts per key until `expire` (ms since 1970). */
export interface RateLimitsTable {
  key: string;
  points: number;
  expire: string | null;
}

export interface SessionsTable {
  /** SHA-256 of the bearer token: a leaked table does not hold usable tokens. */
  token_hash: string;
  username: string;
  created_at: Generated<Date>;
  expires_at: ColumnType<Date, Date | string, Date | string>;
  revoked_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface AppSettingsTable {
  name: string;
  value: string;
}

export type Amount = ColumnType<string | null, string | number | null, string | number | null>;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

/** Reference data with a validity range: programs, life event types, beneficiary organizations. */
export interface DatedNameTable {
  id: Generated<number>;
  name: string;
  start_date: DateColumn;
  end_date: DateColumn;
}

export interface BenefitPlansTable extends DatedNameTable {
  program_id: number | null;
  default_rate_amount: Amount;
  default_coverage_amount: Amount;
}

export interface BenefitOptionsTable extends DatedNameTable {
  plan_id: number;
  /** A group life benefit level's code (seed: "Level 1, with a code of 1"; migration 020). */
  code: ColumnType<string | null, string | null | undefined, string | null>;
  version: ColumnType<number, number | undefined, number>;
  default_rate_amount: Amount;
  default_coverage_amount: Amount;
}

export interface PersonContactsTable {
  id: Generated<number>;
  person_id: number;
  name: string;
  relationship: string;
  date_of_birth: DateColumn;
}

export interface EnrollmentBatchesTable {
  id: Generated<number>;
  name: string;
  audit_log: Generated<boolean>;
  created_at: Generated<Date>;
}

export type LineStatus = 'NEW' | 'COMPLETE' | 'ERROR' | 'BACKED OUT';

export interface EnrollmentBatchLinesTable {
  key: string;
  batch_id: number;
  line_id: number;
  version: number;
  enrollment_type: string;
  effective_date: DateColumn;
  person_number: string;
  program_name: string | null;
  plan_name: string | null;
  option_name: string | null;
  life_event: string;
  life_event_occurred_date: DateColumn;
  original_enrollment_date: string | null;
  create_potential_life_event: boolean;
  benefit_relationship: string;
  rate_amount: Amount;
  coverage_amount: Amount;
  date_of_birth: string | null;
  beneficiary_organization: string | null;
  primary_percentage: Amount;
  contingent_percentage: Amount;
  beneficiary_amount: Amount;
  close_life_event_date: string | null;
  close_life_event: boolean;
  status: ColumnType<LineStatus, LineStatus | undefined, LineStatus>;
  message: string | null;
  processed_by_job: number | null;
}

export interface PotentialLifeEventsTable {
  id: Generated<number>;
  person_id: number;
  life_event_type_id: number;
  occurred_date: DateColumn;
  relationship_id: number;
  status: 'STARTED' | 'CLOSED' | 'VOIDED';
  closed_date: string | null;
  /** When the life event was backed out (status VOIDED). */
  voided_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface BenefitEnrollmentsTable {
  id: Generated<number>;
  person_id: number;
  program_id: number | null;
  plan_id: number;
  option_id: number | null;
  life_event_id: number;
  effective_start_date: DateColumn;
  effective_end_date: DateColumn;
  rate_amount: Amount;
  coverage_amount: Amount;
  original_enrollment_date: string | null;
  batch_line_key: string;
}

export interface DependentDesignationsTable {
  id: Generated<number>;
  enrollment_id: number;
  contact_id: number;
  life_event_id: number;
  effective_date: DateColumn;
  batch_line_key: string;
}

export interface BeneficiaryDesignationsTable {
  id: Generated<number>;
  enrollment_id: number;
  contact_id: number | null;
  organization_id: number | null;
  life_event_id: number;
  primary_percentage: Amount;
  contingent_percentage: Amount;
  amount: Amount;
  effective_date: DateColumn;
  batch_line_key: string;
}

export type JobStatus = 'queued' | 'running' | 'completed' | 'failed' | 'cancelled';

export interface BatchJobsTable {
  id: Generated<number>;
  batch_id: number;
  idempotency_key: string;
  status: JobStatus;
  total: number;
  done: Generated<number>;
  completed: Generated<number>;
  errors: Generated<number>;
  message: string | null;
  claimed_by: string | null;
  lease_expires_at: Timestamp | null;
  created_at: Generated<Date>;
  finished_at: Date | null;
  /** The unit the run finished last (its keyset: the next unit comes after it). */
  last_unit: string | null;
  /** Cancel was asked (migration 014): the run ends as cancelled after the unit in flight. */
  cancel_requested_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  cancel_requested_by: ColumnType<string | null, string | null | undefined, string | null>;
}

/** One row: replaced by a trigger whenever enrollment reference data changes (migration 007). */
export interface EnrollmentReferenceVersionTable {
  singleton: Generated<boolean>;
  version: Generated<string>;
  started_by: ColumnType<string | null, string | null | undefined, string | null>;
  data_access: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface ChangeHistoryTable {
  id: Generated<string>;
  changed_at: Generated<Date>;
  username: string;
  kind: string;
  action: 'insert' | 'update' | 'delete' | 'process' | 'back-out';
  record_key: string;
  person_number: string | null;
  column_name: string;
  old_value: string | null;
  new_value: string | null;
  effective_date: string | null;
  request_id: string;
}

export interface EnrollmentAuditLogTable {
  id: Generated<string>;
  batch_id: number;
  /** The run that logged the entry; none for a back-out. */
  job_id: number | null;
  line_key: string;
  line_id: number;
  level: 'ERROR' | 'INFORMATION';
  message: string;
  logged_at: Generated<Date>;
}

export interface Database {
  group_life_plans: GroupLifePlansTable;
  rate_grid_rates: RateGridRatesTable;
  rate_grid_limits: RateGridLimitsTable;
  rate_grid_step_downs: RateGridStepDownsTable;
  person_salaries: PersonSalariesTable;
  benefit_programs: DatedNameTable;
  benefit_plans: BenefitPlansTable;
  benefit_options: BenefitOptionsTable;
  life_event_types: DatedNameTable;
  person_contacts: PersonContactsTable;
  beneficiary_organizations: DatedNameTable;
  enrollment_batches: EnrollmentBatchesTable;
  enrollment_batch_lines: EnrollmentBatchLinesTable;
  potential_life_events: PotentialLifeEventsTable;
  benefit_enrollments: BenefitEnrollmentsTable;
  dependent_designations: DependentDesignationsTable;
  beneficiary_designations: BeneficiaryDesignationsTable;
  batch_jobs: BatchJobsTable;
  enrollment_audit_log: EnrollmentAuditLogTable;
  enrollment_reference_version: EnrollmentReferenceVersionTable;
  change_history: ChangeHistoryTable;
  persons: PersonsTable;
  benefit_groups: BenefitGroupsTable;
  person_benefit_groups: PersonBenefitGroupsTable;
  person_assignments: PersonAssignmentsTable;
  benefits_relationships: BenefitsRelationshipsTable;
  balance_types: BalanceTypesTable;
  person_benefit_balances: PersonBenefitBalancesTable;
  person_habits: PersonHabitsTable;
  upload_requests: UploadRequestsTable;
  users: UsersTable;
  sessions: SessionsTable;
  rate_limits: RateLimitsTable;
  app_settings: AppSettingsTable;
  benefit_categories: BenefitCategoriesTable;
  benefit_coverage_types: BenefitCoverageTypesTable;
  benefits: BenefitsTable;
  benefit_rate_lines: BenefitRateLinesTable;
  employee_benefits: EmployeeBenefitsTable;
  employee_benefit_dependents: EmployeeBenefitDependentsTable;
}
