import { sql, type Kysely } from 'kysely';

/** Reference data for balances (assignments, benefits relationships, balance types) and the two effective-dated tables. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('person_assignments')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('person_id', 'integer', (c) => c.notNull().references('persons.id'))
    .addColumn('assignment_number', 'text', (c) => c.notNull().unique())
    .addColumn('start_date', 'date', (c) => c.notNull())
    .addColumn('end_date', 'date', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('benefits_relationships')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('person_id', 'integer', (c) => c.notNull().references('persons.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('start_date', 'date', (c) => c.notNull())
    .addColumn('end_date', 'date', (c) => c.notNull())
    .addUniqueConstraint('benefits_relationships_person_name', ['person_id', 'name'])
    .execute();
  await db.schema
    .createTable('balance_types')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('start_date', 'date', (c) => c.notNull())
    .addColumn('end_date', 'date', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('person_benefit_balances')
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('effective_start_date', 'date', (c) => c.notNull())
    .addColumn('effective_end_date', 'date', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('person_id', 'integer', (c) => c.notNull().references('persons.id'))
    .addColumn('balance_type_id', 'integer', (c) => c.notNull().references('balance_types.id'))
    .addColumn('value', 'numeric', (c) => c.notNull())
    .addColumn('assignment_id', 'integer', (c) => c.references('person_assignments.id'))
    .addColumn('relationship_id', 'integer', (c) => c.references('benefits_relationships.id'))
    .addPrimaryKeyConstraint('person_benefit_balances_pk', ['key', 'effective_start_date'])
    .addCheckConstraint('person_benefit_balances_dates', sql`effective_start_date <= effective_end_date`)
    // seed: a balance belongs to either a primary assignment or a benefits relationship, not both
    .addCheckConstraint('person_benefit_balances_one_owner', sql`(assignment_id is null) <> (relationship_id is null)`)
    .execute();
  await db.schema.createIndex('person_benefit_balances_person').on('person_benefit_balances').column('person_id').execute();
  await db.schema
    .createTable('person_habits')
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('effective_start_date', 'date', (c) => c.notNull())
    .addColumn('effective_end_date', 'date', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('person_id', 'integer', (c) => c.notNull().references('persons.id'))
    .addColumn('student_status', 'text')
    .addColumn('disability_status', 'text')
    .addColumn('disability_type', 'text')
    .addColumn('tobacco_use', 'text')
    .addColumn('covered_in_another_plan', 'text')
    .addColumn('other_plan', 'text')
    .addPrimaryKeyConstraint('person_habits_pk', ['key', 'effective_start_date'])
    .addCheckConstraint('person_habits_dates', sql`effective_start_date <= effective_end_date`)
    .execute();
  await db.schema.createIndex('person_habits_person').on('person_habits').column('person_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['person_habits', 'person_benefit_balances', 'balance_types', 'benefits_relationships', 'person_assignments']) {
    await db.schema.dropTable(table).execute();
  }
}
