import { datesOf, dayBefore, decideDelete, decideInsert, decideUpdate, END_OF_TIME, inPlaceWhenUnchanged, overlapsWithinChunk, withTypedEnd, type DatedRecord } from './effective-dating';

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
    expect(decideDelete(history, undefined)).toMatchObject({ type: 'fail', status: 'Conflict' }); // a delete carries its version
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

  it('when rows of one upload give a subject two records whose dates overlap, then each later one names the earlier it overlaps', () => {
    const range = (subject: string, start: string, end = END_OF_TIME) => ({ subject, start, end });
    expect(
      overlapsWithinChunk([
        range('P1', '2026-01-01', '2026-05-31'),
        range('P1', '2026-06-01'), // after the first: fine
        range('P2', '2026-01-01'), // another subject: fine
        range('P1', '2026-03-01'), // overlaps both P1 rows: names the first
        range('P2', '2025-01-01', '2025-12-31'), // before P2's record: fine
        range('P2', '2025-06-01', '2026-02-01'), // overlaps both P2 rows
      ]),
    ).toEqual([undefined, undefined, undefined, 0, undefined, 2]);
  });

  it('when a refused row of an upload overlaps a later one, then the later one is not refused because of it', () => {
    expect(overlapsWithinChunk([{ subject: 'P1', start: '2026-01-01', end: '2026-12-31' }, { subject: 'P1', start: '2026-06-01', end: END_OF_TIME }, { subject: 'P1', start: '2027-06-01', end: END_OF_TIME }])).toEqual([undefined, 0, undefined]);
  });

  it('when a record is open-ended, then its dates read "from"; an ended one reads "from … to"', () => {
    expect(datesOf('2026-06-01', END_OF_TIME)).toBe('from 2026-06-01');
    expect(datesOf('2022-01-01', '2024-12-31')).toBe('from 2022-01-01 to 2024-12-31');
  });

  it('when a date is the first of a month, then the day before is the last of the previous month, leap years included', () => {
    expect(dayBefore('2024-03-01')).toBe('2024-02-29');
    expect(dayBefore('2026-01-01')).toBe('2025-12-31');
  });
});

describe('an update that changes no dated attribute, only a value kept elsewhere (Employee Salaries: the gender)', () => {
  const split = decideUpdate(history, 2, '2026-03-01');
  it.each`
    name                                                          | decision                                   | unchanged | expected
    ${'nothing dated changed: the record in effect stays in place'} | ${split}                                 | ${true}   | ${{ type: 'correct', start: '2025-01-01', end: END_OF_TIME, version: 3 }}
    ${'something dated changed: a new record from the session date'} | ${split}                                | ${false}  | ${split}
    ${'a record that starts on the session date is corrected anyway'} | ${decideUpdate(history, 2, '2025-01-01')} | ${true}   | ${decideUpdate(history, 2, '2025-01-01')}
  `('when $name', ({ decision, unchanged, expected }) => {
    expect(inPlaceWhenUnchanged(decision, unchanged)).toEqual(expected);
  });
});

describe('a typed end date (seed: employee benefits\' Start Date and End Date)', () => {
  const split = decideUpdate(history, 2, '2026-03-01');
  const insert = decideInsert('2026-03-01');
  const end = (decision: ReturnType<typeof decideInsert>, date: string, onlyEnd: boolean) => withTypedEnd(decision, date, onlyEnd, '2026-03-01', 'endDate', 'End Date');
  it.each`
    name                                                        | decision  | date            | onlyEnd  | expected
    ${'a new record ending later keeps its start'}              | ${insert} | ${'2026-12-31'} | ${false} | ${{ type: 'insert', start: '2026-03-01', end: '2026-12-31', version: 1 }}
    ${'a new record left open'}                                 | ${insert} | ${END_OF_TIME}  | ${false} | ${{ type: 'insert', start: '2026-03-01', end: END_OF_TIME, version: 1 }}
    ${'only the end changed: the record in effect ends in place'} | ${split} | ${'2026-06-30'} | ${true}  | ${{ type: 'correct', start: '2025-01-01', end: '2026-06-30', version: 3 }}
    ${'costs and end changed: a new record from the session date'} | ${split} | ${'2026-06-30'} | ${false} | ${{ type: 'split', oldStart: '2025-01-01', oldEnd: '2026-02-28', start: '2026-03-01', end: '2026-06-30', version: 3 }}
  `('when $name', ({ decision, date, onlyEnd, expected }) => {
    expect(end(decision, date, onlyEnd)).toEqual(expected);
  });

  it('when the end is before the start, or before the session date, then the row fails on End Date saying what to do', () => {
    expect(end(insert, '2026-02-28', false)).toEqual({ type: 'fail', status: 'Upload Failed', errors: [{ column: 'endDate', message: 'End Date 2026-02-28 is before the start date 2026-03-01. Enter an end date on or after 2026-03-01, or leave End Date blank for a record that goes on.' }] });
    expect(end(split, '2024-06-30', true)).toMatchObject({ errors: [{ column: 'endDate', message: expect.stringContaining('End Date 2024-06-30 is before the start date 2025-01-01') }] });
    expect(end(split, '2026-01-31', true)).toMatchObject({ errors: [{ column: 'endDate', message: expect.stringContaining('before the session effective date 2026-03-01') }] });
  });
});
