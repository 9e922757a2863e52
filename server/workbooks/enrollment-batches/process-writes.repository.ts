/**
 * The writes processed lines make, applied set-based: one statement per table for any number of lines (a unit's
 * passing lines together, or one line alone when the database refused them together).
 */
import { sql } from 'kysely';
import type { Db } from '../../engine/workbook-kind';
import type { EnrollmentRow, LifeEventRow } from './participant-state.repository';

type Amount = string | number | null;
export type NewEnrollment = EnrollmentRow & {
  program_id: number | null;
  life_event_id: number;
  rate_amount: Amount;
  coverage_amount: Amount;
  original_enrollment_date: string | null;
  batch_line_key: string;
};
type Designation = { enrollment_id: number; life_event_id: number; effective_date: string; batch_line_key: string };

export type Write =
  | { kind: 'lifeEvent'; row: LifeEventRow }
  | { kind: 'closeLifeEvent'; id: number; closed_date: string }
  | { kind: 'endEnrollment'; id: number; effective_end_date: string }
  | { kind: 'enrollment'; row: NewEnrollment }
  | { kind: 'dependent'; row: Designation & { contact_id: number } }
  | { kind: 'beneficiary'; row: Designation & { contact_id: number | null; organization_id: number | null; primary_percentage: Amount; contingent_percentage: Amount; amount: Amount } };

const json = (rows: object[]) => JSON.stringify(rows);

/**
 * Writes in order: life events, their closings, the enrollments ended, new enrollments, designations. Records made
 * by these lines carry stand-in (negative) ids: they get real ids from their sequences here, kept in `ids` for the
 * writes of later lines that name them. A change to a record inserted in the same call is folded into its insert.
 */
export async function applyWrites(db: Db, writes: Write[], ids: Map<number, number>): Promise<void> {
  const lifeEvents = new Map<number, LifeEventRow>();
  const enrollments = new Map<number, NewEnrollment>();
  const closings = new Map<number, string>();
  const ends = new Map<number, string>();
  const dependents: Array<Extract<Write, { kind: 'dependent' }>['row']> = [];
  const beneficiaries: Array<Extract<Write, { kind: 'beneficiary' }>['row']> = [];
  for (const w of writes) {
    if (w.kind === 'lifeEvent') lifeEvents.set(w.row.id, { ...w.row });
    else if (w.kind === 'enrollment') enrollments.set(w.row.id, { ...w.row });
    else if (w.kind === 'closeLifeEvent') {
      const inserted = lifeEvents.get(w.id);
      if (inserted) Object.assign(inserted, { status: 'CLOSED', closed_date: w.closed_date });
      else closings.set(w.id, w.closed_date);
    } else if (w.kind === 'endEnrollment') {
      const inserted = enrollments.get(w.id);
      if (inserted) inserted.effective_end_date = w.effective_end_date;
      else ends.set(w.id, w.effective_end_date);
    } else if (w.kind === 'dependent') dependents.push(w.row);
    else beneficiaries.push(w.row);
  }
  await allocate(db, ids, [...lifeEvents.keys()], [...enrollments.keys()]);
  const real = (id: number) => (id < 0 ? (ids.get(id) as number) : id);

  if (lifeEvents.size > 0) {
    await sql`
      insert into potential_life_events (id, person_id, life_event_type_id, occurred_date, relationship_id, status, closed_date)
      select id, person_id, life_event_type_id, occurred_date, relationship_id, status, closed_date
      from jsonb_to_recordset(${json([...lifeEvents.values()].map((e) => ({ ...e, id: real(e.id) })))}::jsonb)
        as v(id integer, person_id integer, life_event_type_id integer, occurred_date date, relationship_id integer, status text, closed_date date)`.execute(db);
  }
  if (closings.size > 0) {
    await sql`
      update potential_life_events t set status = 'CLOSED', closed_date = v.closed_date
      from jsonb_to_recordset(${json([...closings].map(([id, closed_date]) => ({ id: real(id), closed_date })))}::jsonb) as v(id integer, closed_date date)
      where t.id = v.id`.execute(db);
  }
  if (ends.size > 0) {
    await sql`
      update benefit_enrollments t set effective_end_date = v.end_date
      from jsonb_to_recordset(${json([...ends].map(([id, end_date]) => ({ id: real(id), end_date })))}::jsonb) as v(id integer, end_date date)
      where t.id = v.id`.execute(db);
  }
  if (enrollments.size > 0) {
    await sql`
      insert into benefit_enrollments (id, person_id, program_id, plan_id, option_id, life_event_id, effective_start_date, effective_end_date,
        rate_amount, coverage_amount, original_enrollment_date, batch_line_key)
      select id, person_id, program_id, plan_id, option_id, life_event_id, effective_start_date, effective_end_date,
        rate_amount, coverage_amount, original_enrollment_date, batch_line_key
      from jsonb_to_recordset(${json([...enrollments.values()].map((e) => ({ ...e, id: real(e.id), life_event_id: real(e.life_event_id) })))}::jsonb)
        as v(id integer, person_id integer, program_id integer, plan_id integer, option_id integer, life_event_id integer, effective_start_date date,
          effective_end_date date, rate_amount numeric, coverage_amount numeric, original_enrollment_date date, batch_line_key text)`.execute(db);
  }
  if (dependents.length > 0) {
    await sql`
      insert into dependent_designations (enrollment_id, contact_id, life_event_id, effective_date, batch_line_key)
      select enrollment_id, contact_id, life_event_id, effective_date, batch_line_key
      from jsonb_to_recordset(${json(dependents.map((d) => ({ ...d, enrollment_id: real(d.enrollment_id), life_event_id: real(d.life_event_id) })))}::jsonb)
        as v(enrollment_id integer, contact_id integer, life_event_id integer, effective_date date, batch_line_key text)`.execute(db);
  }
  if (beneficiaries.length > 0) {
    await sql`
      insert into beneficiary_designations (enrollment_id, life_event_id, contact_id, organization_id, primary_percentage, contingent_percentage, amount, effective_date, batch_line_key)
      select enrollment_id, life_event_id, contact_id, organization_id, primary_percentage, contingent_percentage, amount, effective_date, batch_line_key
      from jsonb_to_recordset(${json(beneficiaries.map((d) => ({ ...d, enrollment_id: real(d.enrollment_id), life_event_id: real(d.life_event_id) })))}::jsonb)
        as v(enrollment_id integer, life_event_id integer, contact_id integer, organization_id integer, primary_percentage numeric,
          contingent_percentage numeric, amount numeric, effective_date date, batch_line_key text)`.execute(db);
  }
}

/** Real ids for the new life events and enrollments, in the order they were made (one statement for both). */
async function allocate(db: Db, ids: Map<number, number>, lifeEvents: number[], enrollments: number[]): Promise<void> {
  if (lifeEvents.length === 0 && enrollments.length === 0) return;
  const { rows } = await sql<{ life_events: string[]; enrollments: string[] }>`
    select array(select nextval(pg_get_serial_sequence('potential_life_events', 'id')) from generate_series(1, ${lifeEvents.length}) order by 1) as life_events,
           array(select nextval(pg_get_serial_sequence('benefit_enrollments', 'id')) from generate_series(1, ${enrollments.length}) order by 1) as enrollments`.execute(db);
  lifeEvents.forEach((id, i) => ids.set(id, Number(rows[0].life_events[i])));
  enrollments.forEach((id, i) => ids.set(id, Number(rows[0].enrollments[i])));
}
