/**
 * What processing one batch line does (seed: "Managing Benefit Enrollments in the Integrated Workbook"): find or
 * create the potential life event, enroll with rates and coverage, close the life event; designate dependents and
 * beneficiaries in the enrolled plan. Pure: a line reads and changes its participant's state in memory and records
 * the writes that make the change in the database (process-writes.repository.ts writes them, for many lines at once).
 * A LineError is the line's plain-language failure; the caller then puts the state back as it was before the line.
 */
import type { StoredLine } from './line-fields';
import type { EnrollmentRow, LifeEventRow, ParticipantState } from './participant-state.repository';
import type { Write } from './process-writes.repository';
import type { RatingFacts } from '../rate-grid/group-life.repository';
import { groupLifeAmounts } from './group-life-amounts';
import { chooseBenefitLevel } from '../../../src/core/default-benefit-level';
import { namedProblem, type Dated, type Person, type Plan, type PlanOption, type Reference, type Relationship } from './reference.repository';

/** The participant a unit processes, with their benefits relationships (read once for all their lines). */
export type Participant = Person & { relationships: Relationship[]; rating?: RatingFacts };

export class LineError extends Error {}

export interface LineOutcome {
  /** The line's result, for its Message cell. */
  summary: string;
  /** Information messages for the audit log (the potential life event found or created, an enrollment ended…). */
  information: string[];
}

/** One participant's lines at work: their state, the reference data, and the writes of the line in progress. */
export interface Ledger {
  person: Participant;
  state: ParticipantState;
  reference: Reference;
  writes: Write[];
  /** A stand-in id for a record not written yet (negative; the writer gives it its real id). */
  newId(): number;
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

function resolve(line: StoredLine, { person, reference }: Ledger): Resolved {
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

/** The potential life event of the line: participant, life event, occurred date and relationship (unique in the database). */
const findLifeEvent = (ledger: Ledger, line: StoredLine, r: Resolved) =>
  ledger.state.lifeEvents.find((e) => e.life_event_type_id === r.lifeEventTypeId && e.occurred_date === line.life_event_occurred_date && e.relationship_id === r.relationshipId);

/** Changes records by replacing them (never in place), so a snapshot of the arrays puts a failed line's changes back. */
function replace<T extends { id: number }>(rows: T[], id: number, change: Partial<T>): void {
  const at = rows.findIndex((r) => r.id === id);
  rows[at] = { ...rows[at], ...change };
}

const lifeEventText = (line: StoredLine) => `${line.life_event} of ${line.life_event_occurred_date}`;

/** seed FAQ: a voided potential life event is not processed again; deleting it lets a corrected line create it anew. */
const voidedMessage = (line: StoredLine, person: Person) =>
  `The life event ${lifeEventText(line)} of ${person.person_number} was backed out and is voided. ` +
  'Delete the voided life event (Back out life event… on this line), then process this line again.';

export function processParticipantEnrollment(ledger: Ledger, line: StoredLine): LineOutcome {
  const { person, state } = ledger;
  const r = withDefaultLevel(ledger, resolve(line, ledger));
  const information: string[] = [];
  let event = findLifeEvent(ledger, line, r);
  if (!event) {
    // seed: Create Potential Life Event = No: "You must manually add the life event".
    if (!line.create_potential_life_event) {
      throw new LineError(
        `${person.person_number} has no potential life event ${lifeEventText(line)} for the ${line.benefit_relationship} relationship. ` +
          'Add it in the application, or set Create Potential Life Event to Yes.',
      );
    }
    const created: LifeEventRow = { id: ledger.newId(), person_id: person.id, life_event_type_id: r.lifeEventTypeId, occurred_date: line.life_event_occurred_date, relationship_id: r.relationshipId, status: 'STARTED', closed_date: null };
    state.lifeEvents.push(created);
    ledger.writes.push({ kind: 'lifeEvent', row: created });
    event = created;
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
  const eventId = event.id;
  const earlier = state.lifeEvents
    .filter((e) => e.relationship_id === r.relationshipId && e.status === 'STARTED' && e.id !== eventId && e.occurred_date <= line.life_event_occurred_date)
    .sort((a, b) => a.occurred_date.localeCompare(b.occurred_date))[0];
  if (earlier) {
    const name = [...ledger.reference.lifeEvents.values()].find((t) => t.id === earlier.life_event_type_id)?.name;
    throw new LineError(
      `The earlier life event ${name} of ${earlier.occurred_date} is still open for the ${line.benefit_relationship} relationship. ` +
        'Close it first (Close Life Event = Yes on its last line), then process this line again.',
    );
  }

  const history = state.enrollments
    .filter((e) => e.plan_id === r.plan.id && e.effective_end_date >= line.effective_date)
    .sort((a, b) => a.effective_start_date.localeCompare(b.effective_start_date));
  const later = history.find((e) => e.effective_start_date >= line.effective_date);
  if (later) {
    throw new LineError(
      later.effective_start_date === line.effective_date
        ? `${person.person_number} is already enrolled in ${r.plan.name} from ${line.effective_date}.`
        : `${person.person_number} has a later enrollment in ${r.plan.name}, from ${later.effective_start_date}. Enter history oldest first.`,
    );
  }
  for (const current of history) {
    replace(state.enrollments, current.id, { effective_end_date: dayBefore(line.effective_date) });
    ledger.writes.push({ kind: 'endEnrollment', id: current.id, effective_end_date: dayBefore(line.effective_date) });
    information.push(`Ended the enrollment in ${r.plan.name} that began on ${current.effective_start_date} on ${dayBefore(line.effective_date)}.`);
  }
  // seed: "populates rates and coverage amounts": the line's amount when given, a group life plan's rate grid, or the option's or plan's default.
  const computed = line.rate_amount === null && line.coverage_amount === null ? gridAmounts(ledger, line, r) : undefined;
  const rate = computed?.rate ?? line.rate_amount ?? r.option?.default_rate_amount ?? r.plan.default_rate_amount;
  const coverage = computed?.coverage ?? line.coverage_amount ?? r.option?.default_coverage_amount ?? r.plan.default_coverage_amount;
  const enrollment: EnrollmentRow = { id: ledger.newId(), person_id: person.id, plan_id: r.plan.id, option_id: r.option?.id ?? null, effective_start_date: line.effective_date, effective_end_date: '4712-12-31' };
  state.enrollments.push(enrollment);
  ledger.writes.push({
    kind: 'enrollment',
    row: { ...enrollment, program_id: r.programId, life_event_id: event.id, rate_amount: rate, coverage_amount: coverage, original_enrollment_date: line.original_enrollment_date, batch_line_key: line.key },
  });
  const how = `${r.defaultedLevel ? ` Option was blank: ${r.option?.name} is the plan's Default Benefit Level.` : ''}${computed ? ` From the rate grid: ${computed.explanation}` : ''}`;
  const summary = `Enrolled ${person.person_number} in ${r.plan.name}${r.option ? `, ${r.option.name}` : ''} from ${line.effective_date} (rate ${money(rate)}, coverage ${money(coverage)}).${how}`;
  return { summary, information };
}

/** A group life plan's line with a blank Option takes the plan's Default Benefit Level, when it has one (seed). */
function withDefaultLevel(ledger: Ledger, r: Resolved): Resolved & { defaultedLevel?: boolean } {
  const defaultId = ledger.reference.groupLife.get(r.plan.id)?.defaultLevelId;
  if (r.option || !defaultId) return r;
  const option = [...(ledger.reference.options.get(r.plan.id)?.values() ?? [])].find((o) => o.id === defaultId);
  const choice = chooseBenefitLevel(undefined, option, r.plan.name, []);
  return choice.level ? { ...r, option: choice.level, defaultedLevel: choice.defaulted } : r;
}

/** A group life plan's amounts for the line's benefit level (its option); undefined for a plan without a rate grid. */
function gridAmounts(ledger: Ledger, line: StoredLine, r: Resolved) {
  const plan = ledger.reference.groupLife.get(r.plan.id);
  if (!plan) return undefined;
  const choice = chooseBenefitLevel(r.option, undefined, r.plan.name, [...(ledger.reference.options.get(r.plan.id)?.keys() ?? [])]);
  if (!choice.level) throw new LineError(choice.message);
  const found = groupLifeAmounts(plan, choice.level, r.plan.name, ledger.person.rating, line.effective_date);
  if (typeof found === 'string') throw new LineError(found);
  return found;
}

/**
 * Closes the line's life event on the date (the caller picks the last line of the event in the run, and the date).
 * An event already closed stays as it is (a designation line's Yes after its enrollment closed the event).
 */
export function closeLifeEvent(ledger: Ledger, line: StoredLine, closedOn: string): string {
  const event = findLifeEvent(ledger, line, resolve(line, ledger));
  if (!event || event.status !== 'STARTED') return '';
  replace(ledger.state.lifeEvents, event.id, { status: 'CLOSED', closed_date: closedOn });
  ledger.writes.push({ kind: 'closeLifeEvent', id: event.id, closed_date: closedOn });
  return ` Closed the life event ${line.life_event} on ${closedOn}.`;
}

/** The participant's enrollment in the line's plan (and option, when given) in effect on the line's date. */
function enrollmentFor(ledger: Ledger, line: StoredLine, r: Resolved): { enrollmentId: number; lifeEventId: number } {
  const { person } = ledger;
  const date = line.effective_date;
  const found = ledger.state.enrollments.find((e) => e.plan_id === r.plan.id && (!r.option || e.option_id === r.option.id) && e.effective_start_date <= date && e.effective_end_date >= date);
  if (!found) {
    throw new LineError(`${person.person_number} is not enrolled in ${r.plan.name}${r.option ? `, ${r.option.name}` : ''} on ${line.effective_date}. Enroll the participant first (a Participant Enrollment line).`);
  }
  const event = findLifeEvent(ledger, line, r);
  if (!event) {
    throw new LineError(`${person.person_number} has no life event ${lifeEventText(line)} for the ${line.benefit_relationship} relationship. Process the participant's enrollment for it first.`);
  }
  if (event.status === 'VOIDED') throw new LineError(voidedMessage(line, person));
  return { enrollmentId: found.id, lifeEventId: event.id };
}

function contactBornOn({ person, state }: Ledger, dateOfBirth: string, role: string): number {
  const contacts = state.contacts.filter((c) => c.date_of_birth === dateOfBirth);
  if (contacts.length === 0) throw new LineError(`${person.person_number} has no contact born on ${dateOfBirth} to designate as ${role}. Check the Date of Birth.`);
  if (contacts.length > 1) throw new LineError(`${person.person_number} has more than one contact born on ${dateOfBirth} (${contacts.map((c) => c.name).join(', ')}); designate this ${role} in the application.`);
  return contacts[0].id;
}

export function processDependentDesignation(ledger: Ledger, line: StoredLine): LineOutcome {
  const r = resolve(line, ledger);
  const { enrollmentId, lifeEventId } = enrollmentFor(ledger, line, r);
  const contactId = contactBornOn(ledger, line.date_of_birth ?? '', 'a dependent');
  if (ledger.state.dependents.some((d) => d.enrollment_id === enrollmentId && d.contact_id === contactId)) {
    throw new LineError(`The dependent born on ${line.date_of_birth} is already designated in ${r.plan.name}.`);
  }
  ledger.state.dependents.push({ enrollment_id: enrollmentId, contact_id: contactId });
  ledger.writes.push({ kind: 'dependent', row: { enrollment_id: enrollmentId, contact_id: contactId, life_event_id: lifeEventId, effective_date: line.effective_date, batch_line_key: line.key } });
  return { summary: `Designated the dependent born on ${line.date_of_birth} in ${r.plan.name} from ${line.effective_date}.`, information: [] };
}

export function processBeneficiaryDesignation(ledger: Ledger, line: StoredLine): LineOutcome {
  const r = resolve(line, ledger);
  const { enrollmentId, lifeEventId } = enrollmentFor(ledger, line, r);
  let who: { contact_id: number | null; organization_id: number | null };
  let name: string;
  if (line.beneficiary_organization) {
    // seed: "If the beneficiary organization or trust does not exist as of the effective date, the beneficiary designation process fails."
    const org = named(ledger.reference.organizations.get(line.beneficiary_organization), 'Beneficiary organization or trust', line.beneficiary_organization, line.effective_date);
    who = { contact_id: null, organization_id: org.id };
    name = org.name;
  } else {
    who = { contact_id: contactBornOn(ledger, line.date_of_birth ?? '', 'a beneficiary'), organization_id: null };
    name = `the contact born on ${line.date_of_birth}`;
  }
  ledger.writes.push({
    kind: 'beneficiary',
    row: {
      enrollment_id: enrollmentId,
      life_event_id: lifeEventId,
      ...who,
      primary_percentage: line.primary_percentage,
      contingent_percentage: line.contingent_percentage,
      amount: line.beneficiary_amount,
      effective_date: line.effective_date,
      batch_line_key: line.key,
    },
  });
  const share = line.beneficiary_amount !== null ? `amount ${money(line.beneficiary_amount)}` : [line.primary_percentage !== null ? `primary ${Number(line.primary_percentage)}%` : '', line.contingent_percentage !== null ? `contingent ${Number(line.contingent_percentage)}%` : ''].filter(Boolean).join(', ');
  return { summary: `Designated ${name} as beneficiary in ${r.plan.name} (${share}) from ${line.effective_date}.`, information: [] };
}
