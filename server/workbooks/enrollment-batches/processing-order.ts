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
