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
  upload_requests: UploadRequestsTable;
  users: UsersTable;
  app_settings: AppSettingsTable;
}
