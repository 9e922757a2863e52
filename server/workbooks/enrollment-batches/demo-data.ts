/** Demo reference data for enrollments: programs, plans, options with default rates, life events, contacts, organizations. */
import { END_OF_TIME } from '../../engine/effective-dating';
import type { Db } from '../../engine/workbook-kind';
import type { DemoPerson } from '../../demo/people';
import { insertRows } from '../../demo/batches';

const ALWAYS = { start_date: '2000-01-01', end_date: END_OF_TIME };

export const DEMO_PROGRAMS = [
  { name: 'Health and Welfare', ...ALWAYS },
  // No longer valid: lines dated after 2015 that name it fail.
  { name: 'Legacy Program', start_date: '2000-01-01', end_date: '2015-12-31' },
];

/** Plans (with their options and default rate and coverage amounts) of the Health and Welfare program. */
export const DEMO_PLANS = [
  { name: 'Medical', rate: 150, coverage: null, options: [{ name: 'Employee Only', rate: 200, coverage: null }, { name: 'Employee Plus Family', rate: 550, coverage: null }] },
  { name: 'Dental', rate: 20, coverage: null, options: [{ name: 'Basic', rate: 25, coverage: null }, { name: 'Premium', rate: 40, coverage: null }] },
  { name: 'Basic Life', rate: 12, coverage: 50000, options: [{ name: '1x Salary', rate: 12, coverage: 50000 }, { name: '2x Salary', rate: 24, coverage: 100000 }] },
] as const;
/** Not yet valid: starts in 2030. */
export const FUTURE_PLAN = { name: 'Vision', start_date: '2030-01-01', end_date: END_OF_TIME };

export const DEMO_LIFE_EVENTS = [
  { name: 'New Hire', ...ALWAYS },
  { name: 'Marriage', ...ALWAYS },
  { name: 'Birth of a Child', ...ALWAYS },
  { name: 'Open Enrollment', ...ALWAYS },
  { name: 'Legacy Conversion', start_date: '2000-01-01', end_date: '2010-12-31' },
];

export const DEMO_ORGANIZATIONS = [
  { name: 'Red Cross Foundation', ...ALWAYS },
  { name: 'Smith Family Trust', ...ALWAYS },
  { name: 'Closed Charity', start_date: '2000-01-01', end_date: '2019-12-31' },
];

/** Each participant's contacts, by the participant's index among all demo people (P10001 is index 0). */
export function demoContacts(index: number): Array<{ name: string; relationship: string; date_of_birth: string }> {
  return [
    { name: `Spouse of P${10001 + index}`, relationship: 'Spouse', date_of_birth: `${1970 + (index % 30)}-04-15` },
    { name: `Child of P${10001 + index}`, relationship: 'Child', date_of_birth: `${2005 + (index % 15)}-09-01` },
  ];
}

export async function seedEnrollmentReferenceData(db: Db, people: DemoPerson[]): Promise<void> {
  const programs = await db.insertInto('benefit_programs').values(DEMO_PROGRAMS).returning(['id', 'name']).execute();
  const programId = programs.find((p) => p.name === 'Health and Welfare')!.id;
  for (const plan of DEMO_PLANS) {
    const { id } = await db
      .insertInto('benefit_plans')
      .values({ name: plan.name, program_id: programId, ...ALWAYS, default_rate_amount: plan.rate, default_coverage_amount: plan.coverage })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('benefit_options')
      .values(plan.options.map((o) => ({ plan_id: id, name: o.name, ...ALWAYS, default_rate_amount: o.rate, default_coverage_amount: o.coverage })))
      .execute();
  }
  await db.insertInto('benefit_plans').values({ ...FUTURE_PLAN, program_id: programId, default_rate_amount: 10, default_coverage_amount: null }).execute();
  await db.insertInto('life_event_types').values(DEMO_LIFE_EVENTS).execute();
  await db.insertInto('beneficiary_organizations').values(DEMO_ORGANIZATIONS).execute();
  const contacts = people.filter((p) => p.personType === 'Participant').flatMap((p) => demoContacts(p.index).map((c) => ({ ...c, person_id: p.id })));
  await insertRows(db, 'person_contacts', contacts);
}
