/** Table types for Kysely. Effective-dated tables share the `EffectiveDated` columns. */
import type { ColumnType, Generated } from 'kysely';

type DateColumn = ColumnType<string, string, string>;

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

export interface UsersTable {
  username: string;
  display_name: string;
  password_hash: string;
}

export interface AppSettingsTable {
  name: string;
  value: string;
}

export interface Database {
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
  app_settings: AppSettingsTable;
}
