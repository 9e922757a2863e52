/**
 * What processing one batch line does in the database (seed: "Managing Benefit Enrollments in the Integrated
 * Workbook"): find or create the potential life event, enroll with rates and coverage, close the life event;
 * designate dependents and beneficiaries in the enrolled plan. A LineError is the line's plain-language failure.
 */
import { sql } from 'kysely';
import type { Db } from '../../engine/workbook-kind';
import type { StoredLine } from './line-fields';
import { namedProblem, type Dated, type Person, type Plan, type PlanOption, type Reference, type Relationship } from './reference.repository';

/** The participant a unit processes, with their benefits relationships (read once for all their lines). */
export type Participant = Person & { relationships: Relationship[] };

export class LineError extends Error {}

export interface LineOutcome {
  /** The line's result, for its Message cell. */
  summary: string;
  /** Information messages for the audit log (the potential life event found or created, an enrollment ended…). */
  information: string[];
}

const dayBefore = (iso: string) => new Date(Date.parse(`${iso}T00:00:00Z`) - 86400000).toISOString().slice(0, 10);
const money = (v: string | number | null) => (v === null ? 'none' : Number(v).toLocaleString('en-US'));

function named<T extends Dated>(found: T | undefined, what: string, name: string | null, date: string): T {
  if (!name) throw new LineError(`${what} is required.`);
  const problem = namedProblem(found, what.toLowerCase(), name, date);
  if (problem) throw new LineError(problem);
  return found as T;
}

interface Resolved {
  plan: Plan;
  option?: PlanOption;
  programId: number | null;
  lifeEventTypeId: number;
  relationshipId: number;
}

function resolve(line: StoredLine, person: Participant, reference: Reference): Resolved {
  const date = line.effective_date;
  const program = line.program_name ? named(reference.programs.get(line.program_name), 'Program', line.program_name, date) : undefined;
  const plan = named(reference.plans.get(line.plan_name ?? ''), 'Plan', line.plan_name, date);
  const option = line.option_name ? named(reference.options.get(plan.id)?.get(line.option_name), 'Option', line.option_name, date) : undefined;
  const lifeEvent = named(reference.lifeEvents.get(line.life_event), 'Life event', line.life_event, date);
  const relationship = person.relationships.find((r) => r.name === line.benefit_relationship);
  if (!relationship) throw new LineError(`${person.person_number} has no benefit relationship named "${line.benefit_relationship}".`);
  named(relationship, 'Benefit relationship', line.benefit_relationship, date);
  return { plan, option, programId: program?.id ?? plan.program_id, lifeEventTypeId: lifeEvent.id, relationshipId: relationship.id };
}

function findLifeEvent(db: Db, person: Person, line: StoredLine, r: Resolved) {
  return db
    .selectFrom('potential_life_events')
    .selectAll()
    .where('person_id', '=', person.id)
    .where('life_event_type_id', '=', r.lifeEventTypeId)
    .where('occurred_date', '=', line.life_event_occurred_date)
    .where('relationship_id', '=', r.relationshipId)
    .executeTakeFirst();
}

const lifeEventText = (line: StoredLine) => `${line.life_event} of ${line.life_event_occurred_date}`;

/** seed FAQ: a voided potential life event is not processed again; deleting it lets a corrected line create it anew. */
const voidedMessage = (line: StoredLine, person: Person) =>
  `The life event ${lifeEventText(line)} of ${person.person_number} was backed out and is voided. ` +
  'Delete the voided life event (Back out life event… on this line), then process this line again.';

export async function processParticipantEnrollment(db: Db, line: StoredLine, person: Participant, reference: Reference): Promise<LineOutcome> {
  const r = resolve(line, person, reference);
  const information: string[] = [];
  let event = await findLifeEvent(db, person, line, r);
  if (!event) {
    // seed: Create Potential Life Event = No: "You must manually add the life event".
    if (!line.create_potential_life_event) {
      throw new LineError(
        `${person.person_number} has no potential life event ${lifeEventText(line)} for the ${line.benefit_relationship} relationship. ` +
          'Add it in the application, or set Create Potential Life Event to Yes.',
      );
    }
    event = await db
      .insertInto('potential_life_events')
      .values({ person_id: person.id, life_event_type_id: r.lifeEventTypeId, occurred_date: line.life_event_occurred_date, relationship_id: r.relationshipId, status: 'STARTED' })
      .returningAll()
      .executeTakeFirstOrThrow();
    information.push(`Created the potential life event ${lifeEventText(line)} and started it.`);
  } else if (event.status === 'CLOSED') {
    throw new LineError(
      `The life event ${lifeEventText(line)} of ${person.person_number} is already closed (on ${event.closed_date}). ` +
        'Enter this change under a new life event, or back out the life event and process all its lines again.',
    );
  } else if (event.status === 'VOIDED') {
    throw new LineError(voidedMessage(line, person));
  } else information.push(`Found the potential life event ${lifeEventText(line)} and processed it.`);

  // seed: an open earlier life event must be closed "before attempting to process the next event".
  const open = await sql<{ name: string; occurred_date: string }>`
    select t.name, e.occurred_date from potential_life_events e join life_event_types t on t.id = e.life_event_type_id
    where e.person_id = ${person.id} and e.relationship_id = ${r.relationshipId} and e.status = 'STARTED' and e.id <> ${event.id}
      and e.occurred_date <= ${line.life_event_occurred_date}
    order by e.occurred_date limit 1`.execute(db);
  if (open.rows[0]) {
    const earlier = open.rows[0];
    throw new LineError(
      `The earlier life event ${earlier.name} of ${earlier.occurred_date} is still open for the ${line.benefit_relationship} relationship. ` +
        'Close it first (Close Life Event = Yes on its last line), then process this line again.',
    );
  }

  const history = await db
    .selectFrom('benefit_enrollments')
    .select(['id', 'effective_start_date', 'effective_end_date'])
    .where('person_id', '=', person.id)
    .where('plan_id', '=', r.plan.id)
    .where('effective_end_date', '>=', line.effective_date)
    .orderBy('effective_start_date')
    .execute();
  const later = history.find((e) => e.effective_start_date >= line.effective_date);
  if (later) {
    throw new LineError(
      later.effective_start_date === line.effective_date
        ? `${person.person_number} is already enrolled in ${r.plan.name} from ${line.effective_date}.`
        : `${person.person_number} has a later enrollment in ${r.plan.name}, from ${later.effective_start_date}. Enter history oldest first.`,
    );
  }
  for (const current of history) {
    await db.updateTable('benefit_enrollments').set({ effective_end_date: dayBefore(line.effective_date) }).where('id', '=', current.id).execute();
    information.push(`Ended the enrollment in ${r.plan.name} that began on ${current.effective_start_date} on ${dayBefore(line.effective_date)}.`);
  }
  // seed: "populates rates and coverage amounts": the line's amount when given, the option's or plan's default otherwise.
  const rate = line.rate_amount ?? r.option?.default_rate_amount ?? r.plan.default_rate_amount;
  const coverage = line.coverage_amount ?? r.option?.default_coverage_amount ?? r.plan.default_coverage_amount;
  await db
    .insertInto('benefit_enrollments')
    .values({
      person_id: person.id,
      program_id: r.programId,
      plan_id: r.plan.id,
      option_id: r.option?.id ?? null,
      life_event_id: event.id,
      effective_start_date: line.effective_date,
      effective_end_date: '4712-12-31',
      rate_amount: rate,
      coverage_amount: coverage,
      original_enrollment_date: line.original_enrollment_date,
      batch_line_key: line.key,
    })
    .execute();
  const summary = `Enrolled ${person.person_number} in ${r.plan.name}${r.option ? `, ${r.option.name}` : ''} from ${line.effective_date} (rate ${money(rate)}, coverage ${money(coverage)}).`;
  return { summary, information };
}

/**
 * Closes the line's life event on the date (the caller picks the last line of the event in the run, and the date).
 * An event already closed stays as it is (a designation line's Yes after its enrollment closed the event).
 */
export async function closeLifeEvent(db: Db, line: StoredLine, person: Participant, reference: Reference, closedOn: string): Promise<string> {
  const event = await findLifeEvent(db, person, line, resolve(line, person, reference));
  if (!event || event.status !== 'STARTED') return '';
  await db.updateTable('potential_life_events').set({ status: 'CLOSED', closed_date: closedOn }).where('id', '=', event.id).execute();
  return ` Closed the life event ${line.life_event} on ${closedOn}.`;
}

/** The participant's enrollment in the line's plan (and option, when given) in effect on the line's date. */
async function enrollmentFor(db: Db, line: StoredLine, person: Person, r: Resolved): Promise<{ enrollmentId: number; lifeEventId: number }> {
  let query = db
    .selectFrom('benefit_enrollments')
    .select('id')
    .where('person_id', '=', person.id)
    .where('plan_id', '=', r.plan.id)
    .where('effective_start_date', '<=', line.effective_date)
    .where('effective_end_date', '>=', line.effective_date);
  if (r.option) query = query.where('option_id', '=', r.option.id);
  const found = await query.executeTakeFirst();
  if (!found) {
    throw new LineError(`${person.person_number} is not enrolled in ${r.plan.name}${r.option ? `, ${r.option.name}` : ''} on ${line.effective_date}. Enroll the participant first (a Participant Enrollment line).`);
  }
  const event = await findLifeEvent(db, person, line, r);
  if (!event) {
    throw new LineError(`${person.person_number} has no life event ${lifeEventText(line)} for the ${line.benefit_relationship} relationship. Process the participant's enrollment for it first.`);
  }
  if (event.status === 'VOIDED') throw new LineError(voidedMessage(line, person));
  return { enrollmentId: found.id, lifeEventId: event.id };
}

async function contactBornOn(db: Db, person: Person, dateOfBirth: string, role: string): Promise<number> {
  const contacts = await db.selectFrom('person_contacts').select(['id', 'name']).where('person_id', '=', person.id).where('date_of_birth', '=', dateOfBirth).execute();
  if (contacts.length === 0) throw new LineError(`${person.person_number} has no contact born on ${dateOfBirth} to designate as ${role}. Check the Date of Birth.`);
  if (contacts.length > 1) throw new LineError(`${person.person_number} has more than one contact born on ${dateOfBirth} (${contacts.map((c) => c.name).join(', ')}); designate this ${role} in the application.`);
  return contacts[0].id;
}

export async function processDependentDesignation(db: Db, line: StoredLine, person: Participant, reference: Reference): Promise<LineOutcome> {
  const r = resolve(line, person, reference);
  const { enrollmentId, lifeEventId } = await enrollmentFor(db, line, person, r);
  const contactId = await contactBornOn(db, person, line.date_of_birth ?? '', 'a dependent');
  const already = await db.selectFrom('dependent_designations').select('id').where('enrollment_id', '=', enrollmentId).where('contact_id', '=', contactId).executeTakeFirst();
  if (already) throw new LineError(`The dependent born on ${line.date_of_birth} is already designated in ${r.plan.name}.`);
  await db.insertInto('dependent_designations').values({ enrollment_id: enrollmentId, contact_id: contactId, life_event_id: lifeEventId, effective_date: line.effective_date, batch_line_key: line.key }).execute();
  return { summary: `Designated the dependent born on ${line.date_of_birth} in ${r.plan.name} from ${line.effective_date}.`, information: [] };
}

export async function processBeneficiaryDesignation(db: Db, line: StoredLine, person: Participant, reference: Reference): Promise<LineOutcome> {
  const r = resolve(line, person, reference);
  const { enrollmentId, lifeEventId } = await enrollmentFor(db, line, person, r);
  let who: { contact_id: number | null; organization_id: number | null };
  let name: string;
  if (line.beneficiary_organization) {
    // seed: "If the beneficiary organization or trust does not exist as of the effective date, the beneficiary designation process fails."
    const org = named(reference.organizations.get(line.beneficiary_organization), 'Beneficiary organization or trust', line.beneficiary_organization, line.effective_date);
    who = { contact_id: null, organization_id: org.id };
    name = org.name;
  } else {
    who = { contact_id: await contactBornOn(db, person, line.date_of_birth ?? '', 'a beneficiary'), organization_id: null };
    name = `the contact born on ${line.date_of_birth}`;
  }
  await db
    .insertInto('beneficiary_designations')
    .values({
      enrollment_id: enrollmentId,
      life_event_id: lifeEventId,
      ...who,
      primary_percentage: line.primary_percentage,
      contingent_percentage: line.contingent_percentage,
      amount: line.beneficiary_amount,
      effective_date: line.effective_date,
      batch_line_key: line.key,
    })
    .execute();
  const share = line.beneficiary_amount !== null ? `amount ${money(line.beneficiary_amount)}` : [line.primary_percentage !== null ? `primary ${Number(line.primary_percentage)}%` : '', line.contingent_percentage !== null ? `contingent ${Number(line.contingent_percentage)}%` : ''].filter(Boolean).join(', ');
  return { summary: `Designated ${name} as beneficiary in ${r.plan.name} (${share}) from ${line.effective_date}.`, information: [] };
}
