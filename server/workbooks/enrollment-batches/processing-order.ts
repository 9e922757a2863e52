/**
 * Pure rules of the Upload Benefit Enrollments process (seed: "Running the Upload Benefit Enrollments Batch Process"):
 * the order a participant's lines run in, and the cross-row beneficiary totals checked before they run.
 */
import type { EnrollmentType } from './definition';

export interface OrderedLine {
  key: string;
  line_id: number;
  enrollment_type: string;
  effective_date: string;
}

const TYPE_ORDER: Record<EnrollmentType, number> = { 'Participant Enrollment': 0, 'Dependent Designation': 1, 'Beneficiary Designation': 2 };

/**
 * All of a participant's enrollments first, then dependent designations, then beneficiary designations,
 * whatever their order in the sheet; within each, effective-date order (then line order), so rows replay history.
 */
export function processingOrder<L extends OrderedLine>(lines: L[]): L[] {
  const rank = (l: L) => TYPE_ORDER[l.enrollment_type as EnrollmentType] ?? 3;
  return [...lines].sort((a, b) => rank(a) - rank(b) || a.effective_date.localeCompare(b.effective_date) || a.line_id - b.line_id);
}

export interface LifeEventLine extends OrderedLine {
  person_number: string;
  life_event: string;
  life_event_occurred_date: string;
  benefit_relationship: string;
  close_life_event: boolean;
  close_life_event_date: string | null;
}

/** The lines of one life event: same participant, life event, occurred date and benefit relationship. */
export const lifeEventKey = (l: Omit<LifeEventLine, keyof OrderedLine>) => JSON.stringify([l.person_number, l.life_event, l.life_event_occurred_date, l.benefit_relationship]);

export interface LifeEventClosings {
  /** The line after which its life event closes, and on which date. */
  closeAfter: Map<string, string>;
  /** Lines of a life event whose lines give different close dates: the message, for every line of that event in the run. */
  errors: Map<string, string>;
}

/**
 * When each life event of a run closes. seed: Close Life Event is required on every line, and legacy loads put several
 * plans under one event, so Yes on any line of the event closes it once, after the last of its participant
 * enrollment lines in processing order (after its last designation when the run has no enrollment of it).
 * The date is the Close Life Event Date the lines give (blank on some of them is fine); lines that give different
 * dates fail together, naming each line and date, since we cannot know which is right. No date: the closing line's
 * Effective Date.
 */
export function lifeEventClosings<L extends LifeEventLine>(lines: L[]): LifeEventClosings {
  const groups = new Map<string, L[]>();
  for (const line of processingOrder(lines)) groups.set(lifeEventKey(line), [...(groups.get(lifeEventKey(line)) ?? []), line]);
  const closings: LifeEventClosings = { closeAfter: new Map(), errors: new Map() };
  for (const group of groups.values()) {
    const closing = group.filter((l) => l.close_life_event);
    if (closing.length === 0) continue;
    const dated = closing.filter((l) => l.close_life_event_date !== null);
    const dates = [...new Set(dated.map((l) => l.close_life_event_date as string))].sort();
    if (dates.length > 1) {
      const first = group[0];
      const which = dated.map((l) => `line ${l.line_id}: ${l.close_life_event_date}`).join(', ');
      const message =
        `The lines of the life event ${first.life_event} of ${first.life_event_occurred_date} give different Close Life Event Dates (${which}). ` +
        'A life event closes once: give all its lines the same Close Life Event Date (or leave it blank on all but one), then process the batch again.';
      for (const l of group) closings.errors.set(l.key, message);
      continue;
    }
    const enrollments = group.filter((l) => l.enrollment_type === 'Participant Enrollment');
    const closers = enrollments.length > 0 ? enrollments : group;
    const last = closers[closers.length - 1];
    closings.closeAfter.set(last.key, dates[0] ?? last.effective_date);
  }
  return closings;
}

export interface BeneficiaryLine extends OrderedLine {
  person_number: string;
  plan_name: string | null;
  life_event: string;
  life_event_occurred_date: string;
  primary_percentage: string | number | null;
  contingent_percentage: string | number | null;
}

/**
 * For each participant, plan and life event, primary beneficiary percentages total 100, and contingent ones too.
 * Returns, per line key of a group that does not add up, the message naming the group's lines.
 */
export function beneficiaryTotalErrors(lines: BeneficiaryLine[]): Map<string, string> {
  const groups = new Map<string, BeneficiaryLine[]>();
  for (const line of lines.filter((l) => l.enrollment_type === 'Beneficiary Designation')) {
    const key = JSON.stringify([line.person_number, line.plan_name, line.life_event, line.life_event_occurred_date]);
    groups.set(key, [...(groups.get(key) ?? []), line]);
  }
  const errors = new Map<string, string>();
  for (const group of groups.values()) {
    const first = group[0];
    for (const [field, label] of [
      ['primary_percentage', 'Primary'],
      ['contingent_percentage', 'Contingent'],
    ] as const) {
      const members = group.filter((l) => l[field] !== null && l[field] !== '');
      if (members.length === 0) continue;
      // Sum in hundredths, so 33.33 + 33.33 + 33.34 is exactly 100.
      const total = members.reduce((sum, l) => sum + Math.round(Number(l[field]) * 100), 0) / 100;
      if (total === 100) continue;
      const ids = members.map((l) => l.line_id).sort((a, b) => a - b);
      const message =
        `${label} beneficiary percentages of ${first.person_number} for plan ${first.plan_name ?? '(none)'} and life event ${first.life_event} ` +
        `of ${first.life_event_occurred_date} total ${total}, not 100 (lines ${ids.join(', ')}). Correct them so they total 100.`;
      for (const l of members) errors.set(l.key, errors.has(l.key) ? `${errors.get(l.key)} ${message}` : message);
    }
  }
  return errors;
}
