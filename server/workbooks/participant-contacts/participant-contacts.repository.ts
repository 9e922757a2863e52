/** Participants' contacts, with what identifies each on a batch line and where each is designated, in one paged query. */
import { sql } from 'kysely';
import type { Db, PageRequest } from '../../engine/workbook-kind';
import { afterPlace, orderBy, placeColumn, type Place, type SortColumn } from '../../engine/keyset';
import { personVisible } from '../../engine/population';
import { searchWhere } from '../../engine/row-search';


export interface ContactRow {
  key: string;
  person_number: string;
  person_name: string;
  contact_name: string;
  relationship: string;
  date_of_birth: string;
  /** The names of the participant's other contacts born on the same day (a line cannot tell them apart). */
  same_birth_date: string | null;
  designations: string | null;
  place: Place;
}

const CONTACT_ORDER: SortColumn[] = [
  { expr: 'p.person_number', type: 'text' },
  { expr: 'pc.date_of_birth', type: 'date' },
  { expr: 'pc.name', type: 'text' },
  { expr: 'pc.id', type: 'integer' },
];

/**
 * The page is cut first (keyset: after the place of the page before; the total counted on the first page only); the
 * look-ups that describe a contact run for that page's rows only.
 */
export async function findContactPage(db: Db, date: string, page: PageRequest & { batchId?: number }): Promise<{ rows: ContactRow[]; total?: number }> {
  const inBatch = sql`(${page.batchId ?? null}::integer is null
         or p.person_number in (select l.person_number from enrollment_batch_lines l where l.batch_id = ${page.batchId ?? null}::integer))
         and ${personVisible(page.population, sql`p.id`, sql`${date}::date`)}
         ${searchWhere(page.search, { personNumber: 'p.person_number', name: "p.first_name || ' ' || p.last_name", group: 'pc.relationship' })}`;
  const result = await sql<ContactRow>`
    select 'contact-' || c.id as key, c.person_number, c.person_name, c.name as contact_name, c.relationship, c.date_of_birth,
      (select string_agg(o.name, ', ' order by o.name) from person_contacts o
        where o.person_id = c.person_id and o.date_of_birth = c.date_of_birth and o.id <> c.id) as same_birth_date,
      (select string_agg(d.what, '; ' order by d.what) from (
         select 'Dependent in ' || pl.name as what from dependent_designations dd
         join benefit_enrollments e on e.id = dd.enrollment_id join benefit_plans pl on pl.id = e.plan_id
         where dd.contact_id = c.id and ${date}::date between greatest(dd.effective_date, e.effective_start_date) and e.effective_end_date
         union all
         select 'Beneficiary in ' || pl.name from beneficiary_designations bd
         join benefit_enrollments e on e.id = bd.enrollment_id join benefit_plans pl on pl.id = e.plan_id
         where bd.contact_id = c.id and ${date}::date between greatest(bd.effective_date, e.effective_start_date) and e.effective_end_date
       ) d) as designations,
      c.place
    from (
      select pc.*, p.person_number, p.first_name || ' ' || p.last_name as person_name, ${placeColumn(CONTACT_ORDER)}
      from person_contacts pc join persons p on p.id = pc.person_id
      where ${inBatch} ${afterPlace(CONTACT_ORDER, page.after)}
      order by ${orderBy(CONTACT_ORDER)}
      limit ${page.limit}
    ) c
    order by c.person_number, c.date_of_birth, c.name, c.id`.execute(db);
  if (page.after) return { rows: result.rows };
  const count = await sql<{ n: string }>`select count(*) as n from person_contacts pc join persons p on p.id = pc.person_id where ${inBatch}`.execute(db);
  return { rows: result.rows, total: Number(count.rows[0].n) };
}
