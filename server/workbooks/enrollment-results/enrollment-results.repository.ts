/**
 * What the Upload Benefit Enrollments process left in the database, one row per record, in one set-based query:
 * the page is cut in SQL (keyset: after the place of the page before; the total counted on the first page only),
 * never assembled per participant.
 */
import { sql } from 'kysely';
import type { Db, PageRequest } from '../../engine/workbook-kind';
import { afterPlace, orderBy, placeColumn, type Place, type SortColumn } from '../../engine/keyset';
import { personVisible } from '../../engine/population';
import { searchWhere } from '../../engine/row-search';

export interface ResultRow {
  key: string;
  record_type: string;
  person_number: string;
  person_name: string;
  program_name: string | null;
  plan_name: string | null;
  option_name: string | null;
  life_event: string;
  life_event_occurred_date: string;
  life_event_status: string;
  life_event_closed_date: string | null;
  benefit_relationship: string;
  rate_amount: string | null;
  coverage_amount: string | null;
  contact_name: string | null;
  date_of_birth: string | null;
  beneficiary_organization: string | null;
  primary_percentage: string | null;
  contingent_percentage: string | null;
  beneficiary_amount: string | null;
  start_date: string | null;
  end_date: string | null;
  batch_name: string | null;
  batch_line_id: number | null;
  total: string | null;
  place: Place;
}

// plan_name nulls first and start_date nulls first, written so that a row-value comparison orders them the same way.
const RESULT_ORDER: SortColumn[] = [
  { expr: 'r.person_number', type: 'text' },
  { expr: 'r.record_order', type: 'integer' },
  { expr: "coalesce(r.plan_name, '')", type: 'text' },
  { expr: 'r.occurred_date', type: 'date' },
  { expr: "coalesce(r.start_date, '-infinity'::date)", type: 'date' },
  { expr: 'r.key', type: 'text' },
];

/**
 * Enrollments (and their designations) in effect on the date or starting later; potential life events that occurred
 * on or after it, are still open, or are the life event of an enrollment shown. Ordered by person number, then
 * life events, enrollments, dependents, beneficiaries, by plan and date.
 */
export async function findResultPage(db: Db, date: string, page: PageRequest & { batchId?: number }): Promise<{ rows: ResultRow[]; total?: number }> {
  // The people before the page's first person are left out up front, so a later page does not build the earlier ones' rows.
  const fromPerson = page.after ? sql`and p.person_number >= ${String(page.after[0])}` : sql``;
  const result = await sql<ResultRow>`
    with people as (
      select p.id, p.person_number, p.first_name || ' ' || p.last_name as person_name from persons p
      where (${page.batchId ?? null}::integer is null
         or p.person_number in (select l.person_number from enrollment_batch_lines l where l.batch_id = ${page.batchId ?? null}::integer)) ${fromPerson}
        and ${personVisible(page.population, sql`p.id`, sql`${date}::date`)}
        ${searchWhere(page.search && { personNumbers: page.search.personNumbers, name: page.search.name }, { personNumber: 'p.person_number', name: "p.first_name || ' ' || p.last_name" })}
    ),
    event as (
      select le.id, le.person_id, t.name as life_event, le.occurred_date, initcap(le.status) as status, le.closed_date, r.name as relationship
      from potential_life_events le
      join life_event_types t on t.id = le.life_event_type_id
      join benefits_relationships r on r.id = le.relationship_id
    ),
    enrollment as (
      select e.*, pe.person_number, pe.person_name, prog.name as program_name, pl.name as plan_name, o.name as option_name,
        ev.life_event, ev.occurred_date, ev.status, ev.closed_date, ev.relationship
      from benefit_enrollments e
      join people pe on pe.id = e.person_id
      join benefit_plans pl on pl.id = e.plan_id
      left join benefit_programs prog on prog.id = e.program_id
      left join benefit_options o on o.id = e.option_id
      join event ev on ev.id = e.life_event_id
      where e.effective_end_date >= ${date}::date
    ),
    result as (
      select 'life-event-' || ev.id as key, 1 as record_order, 'Potential Life Event' as record_type, pe.person_number, pe.person_name,
        null::text as program_name, null::text as plan_name, null::text as option_name,
        ev.life_event, ev.occurred_date, ev.status, ev.closed_date, ev.relationship,
        null::numeric as rate_amount, null::numeric as coverage_amount, null::text as contact_name, null::date as date_of_birth,
        null::text as beneficiary_organization, null::numeric as primary_percentage, null::numeric as contingent_percentage,
        null::numeric as beneficiary_amount, null::date as start_date, null::date as end_date, null::text as batch_line_key
      from event ev join people pe on pe.id = ev.person_id
      where ev.occurred_date >= ${date}::date or ev.status = 'Started' or ev.id in (select life_event_id from enrollment)
      union all
      select 'enrollment-' || e.id, 2, 'Participant Enrollment', e.person_number, e.person_name, e.program_name, e.plan_name, e.option_name,
        e.life_event, e.occurred_date, e.status, e.closed_date, e.relationship, e.rate_amount, e.coverage_amount, null, null,
        null, null, null, null, e.effective_start_date, e.effective_end_date, e.batch_line_key
      from enrollment e
      union all
      -- A designation lasts as long as the enrollment it is in (a later enrollment in the plan ends both).
      select 'dependent-' || d.id, 3, 'Dependent Designation', e.person_number, e.person_name, e.program_name, e.plan_name, e.option_name,
        e.life_event, e.occurred_date, e.status, e.closed_date, e.relationship, null, null, c.name, c.date_of_birth,
        null, null, null, null, greatest(d.effective_date, e.effective_start_date), e.effective_end_date, d.batch_line_key
      from dependent_designations d join enrollment e on e.id = d.enrollment_id join person_contacts c on c.id = d.contact_id
      union all
      select 'beneficiary-' || b.id, 4, 'Beneficiary Designation', e.person_number, e.person_name, e.program_name, e.plan_name, e.option_name,
        e.life_event, e.occurred_date, e.status, e.closed_date, e.relationship, null, null, c.name, c.date_of_birth,
        org.name, b.primary_percentage, b.contingent_percentage, b.amount, greatest(b.effective_date, e.effective_start_date), e.effective_end_date, b.batch_line_key
      from beneficiary_designations b join enrollment e on e.id = b.enrollment_id
      left join person_contacts c on c.id = b.contact_id left join beneficiary_organizations org on org.id = b.organization_id
    )
    select r.key, r.record_type, r.person_number, r.person_name, r.program_name, r.plan_name, r.option_name,
      r.life_event, r.occurred_date as life_event_occurred_date, r.status as life_event_status, r.closed_date as life_event_closed_date,
      r.relationship as benefit_relationship, r.rate_amount, r.coverage_amount, r.contact_name, r.date_of_birth,
      r.beneficiary_organization, r.primary_percentage, r.contingent_percentage, r.beneficiary_amount, r.start_date, r.end_date,
      bt.name as batch_name, l.line_id as batch_line_id, ${placeColumn(RESULT_ORDER)},
      ${page.after ? sql`null` : sql`count(*) over ()`} as total
    from result r
    left join enrollment_batch_lines l on l.key = r.batch_line_key
    left join enrollment_batches bt on bt.id = l.batch_id
    where true ${afterPlace(RESULT_ORDER, page.after)}
      ${searchWhere(page.search && { group: page.search.group, status: page.search.status }, { personNumber: 'r.person_number', name: 'r.person_name', group: 'r.record_type', status: 'r.status' })}
    order by ${orderBy(RESULT_ORDER)}
    limit ${page.limit}`.execute(db);
  if (page.after) return { rows: result.rows };
  return { rows: result.rows, total: result.rows.length > 0 ? Number(result.rows[0].total) : 0 };
}
