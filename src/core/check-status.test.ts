import { isPredictedFailure, isPredictedWarning, predictedStatus } from './check-status';

const warning = { column: 'basis', message: 'Check Benefit Level Limits.' };

describe('the Status Check writes', () => {
  it.each([
    ['a row an upload would save', { rowId: 1, status: 'Updated' as const, errors: [] }, { status: 'Will update', errors: [] }],
    ['a row it would refuse', { rowId: 1, status: 'Upload Failed' as const, errors: [{ message: 'No such group.' }, { message: 'Bad date.' }] }, { status: 'Will fail: No such group. (and 1 more)', errors: [{ message: 'No such group.' }, { message: 'Bad date.' }] }],
    ['a row processing would refuse', { rowId: 1, status: 'Inserted' as const, errors: [], processingErrors: [{ message: 'No life event.' }] }, { status: 'Will insert, then fail in processing: No life event.', errors: [{ message: 'No life event.' }] }],
    ['a row it would save with a warning', { rowId: 1, status: 'Updated' as const, errors: [], warnings: [warning] }, { status: 'Will update, with a warning: Check Benefit Level Limits.', errors: [warning] }],
  ])('when Check predicts %s, then the Status and the errors kept with the row say so', (_what, result, expected) => {
    expect(predictedStatus(result)).toEqual(expected);
  });

  it('when the Status says a row would be saved with a warning, then it is a predicted warning and no predicted failure', () => {
    const { status } = predictedStatus({ rowId: 1, status: 'Inserted', errors: [], warnings: [warning] });
    expect([isPredictedWarning(status), isPredictedFailure(status)]).toEqual([true, false]);
    expect(isPredictedWarning('Will update')).toBe(false);
    expect(isPredictedWarning('Will fail: Check Benefit Level Limits.')).toBe(false);
    expect(isPredictedWarning('Updated')).toBe(false);
  });
});
