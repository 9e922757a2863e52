import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('persons')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('person_number', 'text', (c) => c.notNull().unique())
    .addColumn('first_name', 'text', (c) => c.notNull())
    .addColumn('last_name', 'text', (c) => c.notNull())
    .addColumn('date_of_birth', 'date', (c) => c.notNull())
    .addColumn('person_type', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('benefit_groups')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('start_date', 'date', (c) => c.notNull())
    .addColumn('end_date', 'date', (c) => c.notNull().defaultTo('4712-12-31'))
    .execute();
  await db.schema
    .createTable('person_benefit_groups')
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('effective_start_date', 'date', (c) => c.notNull())
    .addColumn('effective_end_date', 'date', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('person_id', 'integer', (c) => c.notNull().references('persons.id'))
    .addColumn('benefit_group_id', 'integer', (c) => c.notNull().references('benefit_groups.id'))
    .addPrimaryKeyConstraint('person_benefit_groups_pk', ['key', 'effective_start_date'])
    .addCheckConstraint('person_benefit_groups_dates', sql`effective_start_date <= effective_end_date`)
    .execute();
  await db.schema.createIndex('person_benefit_groups_person').on('person_benefit_groups').column('person_id').execute();
  await db.schema
    .createTable('upload_requests')
    .addColumn('idempotency_key', 'uuid', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('response', 'jsonb')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createTable('users')
    .addColumn('username', 'text', (c) => c.primaryKey())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('app_settings')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['app_settings', 'users', 'upload_requests', 'person_benefit_groups', 'benefit_groups', 'persons']) {
    await db.schema.dropTable(table).execute();
  }
}
