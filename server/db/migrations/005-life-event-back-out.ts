import { sql, type Kysely } from 'kysely';

/**
 * Backing out a life event (seed FAQ: "Back Out Event … Specify Voided as the life event status"; a voided potential
 * life event can then be deleted): potential life events may be VOIDED, batch lines BACKED OUT, designations name the
 * life event that created them (so a back-out finds them even when the enrollment is another event's), and the audit
 * log records back-outs, which are not part of a run.
 */
const STATEMENTS = [
  `alter table potential_life_events drop constraint potential_life_events_status_check`,
  `alter table potential_life_events add constraint potential_life_events_status_check check (status in ('STARTED', 'CLOSED', 'VOIDED'))`,
  `alter table potential_life_events add column voided_at timestamptz`,
  `alter table enrollment_batch_lines drop constraint enrollment_batch_lines_status_check`,
  `alter table enrollment_batch_lines add constraint enrollment_batch_lines_status_check check (status in ('NEW', 'COMPLETE', 'ERROR', 'BACKED OUT'))`,
  `alter table enrollment_audit_log alter column job_id drop not null`,
  ...['dependent_designations', 'beneficiary_designations'].flatMap((table) => [
    `alter table ${table} add column life_event_id integer references potential_life_events(id)`,
    // Designations made before: the life event their line names, or else their enrollment's.
    `update ${table} d set life_event_id = coalesce(
       (select e.id from enrollment_batch_lines l
          join persons p on p.person_number = l.person_number
          join life_event_types t on t.name = l.life_event
          join benefits_relationships r on r.person_id = p.id and r.name = l.benefit_relationship
          join potential_life_events e on e.person_id = p.id and e.life_event_type_id = t.id
            and e.occurred_date = l.life_event_occurred_date and e.relationship_id = r.id
        where l.key = d.batch_line_key limit 1),
       (select n.life_event_id from benefit_enrollments n where n.id = d.enrollment_id))`,
    `alter table ${table} alter column life_event_id set not null`,
    `create index ${table}_life_event on ${table} (life_event_id)`,
  ]),
  `create index benefit_enrollments_life_event on benefit_enrollments (life_event_id)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const statement of [
    `drop index benefit_enrollments_life_event`,
    `alter table dependent_designations drop column life_event_id`,
    `alter table beneficiary_designations drop column life_event_id`,
    `delete from enrollment_audit_log where job_id is null`,
    `alter table enrollment_audit_log alter column job_id set not null`,
    `update enrollment_batch_lines set status = 'NEW' where status = 'BACKED OUT'`,
    `alter table enrollment_batch_lines drop constraint enrollment_batch_lines_status_check`,
    `alter table enrollment_batch_lines add constraint enrollment_batch_lines_status_check check (status in ('NEW', 'COMPLETE', 'ERROR'))`,
    `delete from potential_life_events where status = 'VOIDED'`,
    `alter table potential_life_events drop column voided_at`,
    `alter table potential_life_events drop constraint potential_life_events_status_check`,
    `alter table potential_life_events add constraint potential_life_events_status_check check (status in ('STARTED', 'CLOSED'))`,
  ]) {
    await sql.raw(statement).execute(db);
  }
}
