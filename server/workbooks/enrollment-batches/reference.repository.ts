/** The reference data enrollment lines name: read whole (it is small), or per chunk for persons and relationships. */
import { inEffect, whenNotInEffect } from '../../engine/effective-dating';
import { findPersonsByNumber, findRelationshipsOf, type PersonByNumber } from '../../engine/persons.repository';
import type { Db } from '../../engine/workbook-kind';
import { loadGroupLifePlans, type GroupLifePlan } from '../rate-grid/group-life.repository';

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
  /** Group life plans (a rate grid computes their amounts), by plan id. */
  groupLife: Map<number, GroupLifePlan>;
}

const byName = <T extends { name: string }>(rows: T[]) => new Map(rows.map((r) => [r.name, r]));

export async function loadReference(db: Db): Promise<Reference> {
  const [programs, plans, options, lifeEvents, organizations, groupLife] = await Promise.all([
    db.selectFrom('benefit_programs').selectAll().execute(),
    db.selectFrom('benefit_plans').selectAll().execute(),
    db.selectFrom('benefit_options').selectAll().execute(),
    db.selectFrom('life_event_types').selectAll().execute(),
    db.selectFrom('beneficiary_organizations').selectAll().execute(),
    loadGroupLifePlans(db),
  ]);
  const optionsByPlan = new Map<number, Map<string, PlanOption>>();
  for (const o of options) optionsByPlan.set(o.plan_id, (optionsByPlan.get(o.plan_id) ?? new Map<string, PlanOption>()).set(o.name, o));
  return { programs: byName(programs), plans: byName(plans), options: optionsByPlan, lifeEvents: byName(lifeEvents), organizations: byName(organizations), groupLife };
}

let cached: { version: string; reference: Reference } | undefined;

/**
 * The reference data, read again only when it changed: every change to it replaces its version (a trigger, migration
 * 007), and the version is read first, so a change made while the data is read only makes the next call read it again.
 */
export async function currentReference(db: Db): Promise<Reference> {
  const { version } = await db.selectFrom('enrollment_reference_version').select('version').executeTakeFirstOrThrow();
  if (cached?.version !== version) cached = { version, reference: await loadReference(db) };
  return cached.reference;
}

export type { PersonByNumber as Person } from '../../engine/persons.repository';

export interface Relationship extends Dated {
  person_id: number;
}

/** The persons with these numbers, by number. */
export async function findPersons(db: Db, numbers: string[]): Promise<Map<string, PersonByNumber>> {
  return new Map((await findPersonsByNumber(db, numbers)).map((p) => [p.person_number, p]));
}

/** Each person's benefits relationships, by person id. */
export async function findRelationships(db: Db, personIds: number[]): Promise<Map<number, Relationship[]>> {
  const byPerson = new Map<number, Relationship[]>();
  for (const r of await findRelationshipsOf(db, personIds)) byPerson.set(r.person_id, [...(byPerson.get(r.person_id) ?? []), r]);
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

/**
 * Why a name on a line cannot be used on its date, or undefined when it can: the one rule for upload checks and
 * for processing (which checks again, since reference data may change in between).
 */
export function namedProblem(found: { start_date: string; end_date: string } | undefined, what: string, name: string, date: string): string | undefined {
  if (!found) return `There is no ${what} named "${name}".`;
  if (inEffect(found, date)) return undefined;
  const state = found.start_date > date ? 'is not valid yet' : 'is no longer valid';
  return `The ${what} "${name}" ${state} on ${date} (it ${whenNotInEffect(found, date)}).`;
}
