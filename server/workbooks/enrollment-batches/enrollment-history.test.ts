/** The pure rule for an enrollment history after a back-out. */
import { historyAfterBackOut, type HistoryEnrollment } from './enrollment-history';

const e = (id: number, start: string, end: string): HistoryEnrollment => ({ id, start, end });

describe('enrollment history after a back-out', () => {
  it.each([
    ['the latest enrollment is removed, then the one it end-dated is open again', [e(1, '2020-01-01', '2021-05-31'), e(2, '2021-06-01', '4712-12-31')], [2], [{ id: 1, end: '4712-12-31' }]],
    ['a middle enrollment is removed, then the one before it ends where it ended', [e(1, '2020-01-01', '2020-12-31'), e(2, '2021-01-01', '2021-12-31'), e(3, '2022-01-01', '4712-12-31')], [2], [{ id: 1, end: '2021-12-31' }]],
    ['two enrollments one after another are removed, then the kept one takes the end of the last', [e(3, '2022-01-01', '4712-12-31'), e(1, '2020-01-01', '2020-12-31'), e(2, '2021-01-01', '2021-12-31')], [2, 3], [{ id: 1, end: '4712-12-31' }]],
    ['the only enrollment is removed, then nothing is left to change', [e(1, '2020-01-01', '4712-12-31')], [1], []],
    ['a removed enrollment began after a gap, then the earlier one keeps its own end', [e(1, '2018-01-01', '2018-12-31'), e(2, '2020-01-01', '4712-12-31')], [2], []],
  ])('when %s', (_name, history, removed, expected) => {
    expect(historyAfterBackOut(history, new Set(removed))).toEqual(expected);
  });
});
