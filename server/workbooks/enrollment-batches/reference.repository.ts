/** The reference data enrollment lines name: read whole (it is small), or per chunk for persons and relationships. */
import type { Db } from '../../engine/workbook-kind';

export interface Dated {
  id: number;
  name: string;
  start_date: string;
  end_date: string;
}
export interface Plan extends Dated {
  program_id: number | null;
  default_rate_amount: string | null;
  default_coverage_amount: string | null;
}
export interface PlanOption extends Dated {
  plan_id: number;
  default_rate_amount: string | null;
  default_coverage_amount: string | null;
}

export interface Reference {
  programs: Map<string, Dated>;
  plans: Map<string, Plan>;
  /** Options by plan id, then by name. */
  options: Map<number, Map<string, PlanOption>>;
  lifeEvents: Map<string, Dated>;
  organizations: Map<string, Dated>;
}

const byName = <T extends { name: string }>(rows: T[]) => new Map(rows.map((r) => [r.name, r]));

export async function loadReference(db: Db): Promise<Reference> {
  const [programs, plans, options, lifeEvents, organizations] = await Promise.all([
    db.selectFrom('benefit_programs').selectAll().execute(),
    db.selectFrom('benefit_plans').selectAll().execute(),
    db.selectFrom('benefit_options').selectAll().execute(),
    db.selectFrom('life_event_types').selectAll().execute(),
    db.selectFrom('beneficiary_organizations').selectAll().execute(),
  ]);
  const optionsByPlan = new Map<number, Map<string, PlanOption>>();
  for (const o of options) optionsByPlan.set(o.plan_id, (optionsByPlan.get(o.plan_id) ?? new Map<string, PlanOption>()).set(o.name, o));
  return { programs: byName(programs), plans: byName(plans), options: optionsByPlan, lifeEvents: byName(lifeEvents), organizations: byName(organizations) };
}

export interface Person {
  id: number;
  person_number: string;
  person_type: string;
}

export async function findPersons(db: Db, numbers: string[]): Promise<Map<string, Person>> {
  if (numbers.length === 0) return new Map();
  const rows = await db.selectFrom('persons').select(['id', 'person_number', 'person_type']).where('person_number', 'in', numbers).execute();
  return new Map(rows.map((r) => [r.person_number, r]));
}

export interface Relationship extends Dated {
  person_id: number;
}

export async function findRelationships(db: Db, personIds: number[]): Promise<Map<number, Relationship[]>> {
  const byPerson = new Map<number, Relationship[]>();
  if (personIds.length === 0) return byPerson;
  const rows = await db.selectFrom('benefits_relationships').selectAll().where('person_id', 'in', personIds).execute();
  for (const r of rows) byPerson.set(r.person_id, [...(byPerson.get(r.person_id) ?? []), r]);
  return byPerson;
}

/** Names for the dropdowns: every name the application knows (each line's own date decides validity). */
export async function referenceLists(db: Db): Promise<Record<string, string[]>> {
  const names = async (table: 'benefit_programs' | 'benefit_plans' | 'life_event_types' | 'beneficiary_organizations') =>
    (await db.selectFrom(table).select('name').orderBy('name').execute()).map((r) => r.name);
  const distinct = async (table: 'benefit_options' | 'benefits_relationships') =>
    (await db.selectFrom(table).select('name').distinct().orderBy('name').execute()).map((r) => r.name);
  const [programs, plans, lifeEvents, beneficiaryOrganizations, options, benefitRelationships] = await Promise.all([
    names('benefit_programs'),
    names('benefit_plans'),
    names('life_event_types'),
    names('beneficiary_organizations'),
    distinct('benefit_options'),
    distinct('benefits_relationships'),
  ]);
  return { programs, plans, lifeEvents, beneficiaryOrganizations, options, benefitRelationships };
}

export function validOn(row: { start_date: string; end_date: string }, date: string): boolean {
  return row.start_date <= date && date <= row.end_date;
}

/** "is not valid on 2026-01-01 (it starts on 2030-01-01)" */
export function whyNotValid(row: { start_date: string; end_date: string }, date: string): string {
  return row.start_date > date ? `is not valid yet on ${date} (it starts on ${row.start_date})` : `is no longer valid on ${date} (it ended on ${row.end_date})`;
}
