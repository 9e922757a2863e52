import { dayBefore, decideDelete, decideUpdate, END_OF_TIME, type DatedRecord } from './effective-dating';

const history: DatedRecord[] = [
  { effectiveStartDate: '2022-01-01', effectiveEndDate: '2024-12-31', version: 1 },
  { effectiveStartDate: '2025-01-01', effectiveEndDate: END_OF_TIME, version: 2 },
];

describe('effective dating decisions', () => {
  it('when an edit starts after the current record, then the current record is end-dated the day before and a new one starts on the session date', () => {
    expect(decideUpdate(history, 2, '2026-03-01')).toEqual({ type: 'split', oldStart: '2025-01-01', oldEnd: '2026-02-28', start: '2026-03-01', end: END_OF_TIME, version: 3 });
  });

  it('when the current record starts on the session date, then it is corrected in place', () => {
    expect(decideUpdate(history, 2, '2025-01-01')).toMatchObject({ type: 'correct', start: '2025-01-01', version: 3 });
  });

  it('when the record has a change dated after the session date, then the row fails and names that date', () => {
    expect(decideUpdate(history, 2, '2023-06-01', 'assignment')).toEqual({
      type: 'fail',
      status: 'Upload Failed',
      errors: [{ message: 'This assignment has a change dated 2025-01-01, after the session effective date 2023-06-01. Prepare a workbook on or after 2025-01-01 to edit it.' }],
    });
  });

  it('when the version is stale, then the decision is a conflict, for updates and deletes', () => {
    expect(decideUpdate(history, 1, '2026-03-01')).toMatchObject({ type: 'fail', status: 'Conflict' });
    expect(decideDelete(history, 1)).toMatchObject({ type: 'fail', status: 'Conflict' });
    expect(decideDelete(history, 2)).toEqual({ type: 'delete' });
  });

  it('when the record no longer exists, then the row is a conflict that says someone deleted it, for updates and deletes', () => {
    for (const decision of [decideUpdate([], 1, '2026-03-01', 'assignment'), decideDelete([], 1, 'assignment')]) {
      expect(decision).toEqual({
        type: 'fail',
        status: 'Conflict',
        errors: [{ message: 'Someone else changed this row after you downloaded it: they deleted this assignment, so it no longer exists on the server. Download again.' }],
      });
    }
  });

  it('when a date is the first of a month, then the day before is the last of the previous month, leap years included', () => {
    expect(dayBefore('2024-03-01')).toBe('2024-02-29');
    expect(dayBefore('2026-01-01')).toBe('2025-12-31');
  });
});
