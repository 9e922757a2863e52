/** The pure rules of the process: line order per participant and beneficiary totals. */
import { beneficiaryTotalErrors, lifeEventClosings, processingOrder, type BeneficiaryLine, type LifeEventLine } from './processing-order';

const line = (line_id: number, enrollment_type: string, effective_date: string) => ({ key: `k${line_id}`, line_id, enrollment_type, effective_date });

describe('processing order', () => {
  it('when lines are mixed, then enrollments come first, then dependents, then beneficiaries, each by effective date then line', () => {
    const ordered = processingOrder([
      line(1, 'Beneficiary Designation', '2020-01-01'),
      line(2, 'Dependent Designation', '2019-01-01'),
      line(3, 'Participant Enrollment', '2021-01-01'),
      line(4, 'Participant Enrollment', '2020-01-01'),
      line(5, 'Dependent Designation', '2019-01-01'),
    ]);
    expect(ordered.map((l) => l.line_id)).toEqual([4, 3, 2, 5, 1]);
  });
});

describe('beneficiary totals', () => {
  const b = (line_id: number, primary: number | null, contingent: number | null, plan = 'Basic Life', person = 'P1'): BeneficiaryLine => ({
    ...line(line_id, 'Beneficiary Designation', '2020-01-01'),
    person_number: person,
    plan_name: plan,
    life_event: 'New Hire',
    life_event_occurred_date: '2020-01-01',
    primary_percentage: primary,
    contingent_percentage: contingent === null ? null : String(contingent),
  });

  it('when primary shares total 100 in each group (33.33 + 33.33 + 33.34 too), then nothing is reported', () => {
    expect(beneficiaryTotalErrors([b(1, 33.33, null), b(2, 33.33, null), b(3, 33.34, null), b(4, 100, null, 'Medical'), b(5, null, 100)])).toEqual(new Map());
  });

  it('when contingent shares total 90, then each of those lines is reported with the total and every line of its group', () => {
    const errors = beneficiaryTotalErrors([b(1, 100, null), b(2, null, 50), b(3, null, 40), b(4, null, 10, 'Basic Life', 'P2')]);
    // Line 4 is another participant's group: its 10 is checked on its own.
    expect([...errors.keys()]).toEqual(['k2', 'k3', 'k4']);
    expect(errors.get('k4')).toMatch(/^Contingent beneficiary percentages of P2 .* total 10, not 100 \(lines 4\)/);
    expect(errors.get('k2')).toBe('Contingent beneficiary percentages of P1 for plan Basic Life and life event New Hire of 2020-01-01 total 90, not 100 (lines 2, 3). Correct them so they total 100.');
  });
});

describe('life event closings', () => {
  const l = (line_id: number, close: boolean, date: string | null, more: Partial<LifeEventLine> = {}): LifeEventLine => ({
    ...line(line_id, 'Participant Enrollment', '2020-01-01'),
    person_number: 'P1',
    life_event: 'New Hire',
    life_event_occurred_date: '2020-01-01',
    benefit_relationship: 'Default',
    close_life_event: close,
    close_life_event_date: date,
    ...more,
  });

  it('when every line of an event says Yes, then only its last enrollment line (in processing order) closes it, on the date they give', () => {
    const { closeAfter, errors } = lifeEventClosings([l(3, true, '2020-02-01', { effective_date: '2020-01-15' }), l(1, true, null), l(2, true, '2020-02-01'), l(4, true, null, { enrollment_type: 'Dependent Designation', effective_date: '2020-03-01' })]);
    expect(closeAfter).toEqual(new Map([['k3', '2020-02-01']]));
    expect(errors).toEqual(new Map());
  });

  it('when no line gives a date, then the event closes on the closing line’s effective date; an event all No stays open', () => {
    const { closeAfter } = lifeEventClosings([l(1, false, null), l(2, true, null, { effective_date: '2020-01-10' }), l(3, false, null, { life_event: 'Marriage' })]);
    expect(closeAfter).toEqual(new Map([['k2', '2020-01-10']]));
  });

  it('when only designations of an event are in the run, then its last designation closes it', () => {
    const dependent = { enrollment_type: 'Dependent Designation' };
    expect(lifeEventClosings([l(1, true, null, dependent), l(2, true, null, dependent)]).closeAfter).toEqual(new Map([['k2', '2020-01-01']]));
  });

  it('when two lines give different dates, then every line of that event (only) gets one message naming each line and date', () => {
    const { closeAfter, errors } = lifeEventClosings([l(1, true, '2020-01-31'), l(2, true, '2020-02-15'), l(3, false, null), l(4, true, '2020-05-01', { benefit_relationship: 'Retiree' })]);
    expect([...errors.keys()]).toEqual(['k1', 'k2', 'k3']);
    expect(errors.get('k3')).toMatch(/^The lines of the life event New Hire of 2020-01-01 give different Close Life Event Dates \(line 1: 2020-01-31, line 2: 2020-02-15\)\./);
    expect(closeAfter).toEqual(new Map([['k4', '2020-05-01']]));
  });
});
