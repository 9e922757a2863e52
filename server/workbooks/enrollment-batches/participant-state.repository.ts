/**
 * What the process needs to know of a group of participants before it runs their lines, read set-based (one query
 * per table for the whole group): their potential life events, enrollments, dependent designations and contacts.
 */
import { sql } from 'kysely';
import type { Db } from '../../engine/workbook-kind';

export interface LifeEventRow {
  id: number;
  person_id: number;
  life_event_type_id: number;
  occurred_date: string;
  relationship_id: number;
  status: 'STARTED' | 'CLOSED' | 'VOIDED';
  closed_date: string | null;
}

export interface EnrollmentRow {
  id: number;
  person_id: number;
  plan_id: number;
  option_id: number | null;
  effective_start_date: string;
  effective_end_date: string;
}

export interface ContactRow {
  id: number;
  person_id: number;
  name: string;
  date_of_birth: string;
}

/** One participant's records as the run goes: lines add to and change these, in memory, before they are written. */
export interface ParticipantState {
  lifeEvents: LifeEventRow[];
  enrollments: EnrollmentRow[];
  dependents: Array<{ enrollment_id: number; contact_id: number }>;
  contacts: ContactRow[];
}

const anyOf = (personIds: number[]) => sql`any(${personIds}::integer[])`;

/**
 * The state of each participant, by person id. Their life events are locked (as a back-out locks the one it undoes),
 * so a back-out of another batch's life event for one of them waits for this unit, or this unit for it.
 */
export async function loadParticipantStates(db: Db, personIds: number[]): Promise<Map<number, ParticipantState>> {
  const states = new Map<number, ParticipantState>(personIds.map((id) => [id, { lifeEvents: [], enrollments: [], dependents: [], contacts: [] }]));
  if (personIds.length === 0) return states;
  const lifeEvents = await sql<LifeEventRow>`
    select id, person_id, life_event_type_id, occurred_date, relationship_id, status, closed_date from potential_life_events
    where person_id = ${anyOf(personIds)} order by id for no key update`.execute(db);
  const enrollments = await sql<EnrollmentRow>`
    select id, person_id, plan_id, option_id, effective_start_date, effective_end_date from benefit_enrollments
    where person_id = ${anyOf(personIds)} order by id`.execute(db);
  const dependents = await sql<{ person_id: number; enrollment_id: number; contact_id: number }>`
    select e.person_id, d.enrollment_id, d.contact_id from dependent_designations d join benefit_enrollments e on e.id = d.enrollment_id
    where e.person_id = ${anyOf(personIds)} order by d.id`.execute(db);
  const contacts = await sql<ContactRow>`
    select id, person_id, name, date_of_birth from person_contacts where person_id = ${anyOf(personIds)} order by id`.execute(db);
  const of = (personId: number) => states.get(personId) as ParticipantState;
  for (const row of lifeEvents.rows) of(row.person_id).lifeEvents.push(row);
  for (const row of enrollments.rows) of(row.person_id).enrollments.push(row);
  for (const { person_id, ...row } of dependents.rows) of(person_id).dependents.push(row);
  for (const row of contacts.rows) of(row.person_id).contacts.push(row);
  return states;
}
