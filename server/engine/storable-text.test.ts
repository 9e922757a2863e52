import type { UploadRow, WorkbookDefinition } from '../../src/contract/api';
import { screenRows, visibleText } from './storable-text';

const definition: WorkbookDefinition = {
  kind: 'test-kind',
  title: 'Test',
  description: 'Test',
  scope: 'effective-date',
  columns: [
    { key: 'personNumber', header: 'Person Number', type: 'text', editable: false, enterable: true, required: true },
    { key: 'plan', header: 'Plan', type: 'text', editable: true, enterable: true, required: false },
  ],
};
const insert = (rowId: number, values: UploadRow['values']): UploadRow => ({ rowId, op: 'insert', values });

describe('text a cell may hold (one rule for every kind)', () => {
  it('when a text cell holds a NUL, a line break, a DEL or a lone surrogate, then only that row fails, naming the column and showing what was typed', () => {
    const { refused, accepted } = screenRows(definition, [
      insert(1, { personNumber: 'P1\u0000', plan: 'ok' }),
      insert(2, { personNumber: 'P2', plan: 'Gold\nPlus' }),
      insert(3, { personNumber: 'P3', plan: '\ud800x' }),
      insert(4, { personNumber: 'P4', plan: 'fine \u{1F600}' }),
      insert(5, { personNumber: 'P5', plan: 'a\u007fb\udc00' }),
    ]);
    expect(accepted.map((r) => r.rowId)).toEqual([4]);
    expect(refused.map((r) => [r.rowId, r.status])).toEqual([[1, 'Upload Failed'], [2, 'Upload Failed'], [3, 'Upload Failed'], [5, 'Upload Failed']]);
    expect(refused[0].errors).toEqual([{ column: 'personNumber', message: expect.stringContaining('Person Number: "P1[U+0000]" contains a control character (U+0000)') }]);
    expect(refused[1].errors[0]).toEqual({ column: 'plan', message: expect.stringContaining('"Gold[U+000A]Plus"') });
    expect(refused[2].errors[0]).toEqual({ column: 'plan', message: expect.stringContaining('"[U+D800]x" contains a broken character (U+D800, half of a character pair)') });
    expect(refused[3].errors[0].message).toContain('"a[U+007F]b[U+DC00]"');
  });

  it('when the spaces, tabs and line breaks are only around the text, then the row passes (they are trimmed as always)', () => {
    const { refused, accepted } = screenRows(definition, [insert(1, { personNumber: ' P1\t', plan: '\r\nGold\n' })]);
    expect(refused).toEqual([]);
    expect(accepted).toHaveLength(1);
  });

  it('when a bad value is in a column the row may not set, then it is ignored like every such value', () => {
    const update: UploadRow = { rowId: 1, op: 'update', key: 'k', version: 1, values: { personNumber: 'P\u0000', plan: 'Gold', unknown: '\u0000' } };
    expect(screenRows(definition, [update]).accepted).toEqual([update]);
  });

  it('when a row key holds a control character, then the row fails and asks for a new download', () => {
    const { refused } = screenRows(definition, [{ rowId: 7, op: 'delete', key: 'abc\u0000', version: 1, values: {} }]);
    expect(refused[0]).toMatchObject({ rowId: 7, status: 'Upload Failed', errors: [{ message: expect.stringContaining('Download again') }] });
  });

  it('when text is longer than the server keeps, then the row fails saying how long it is; text at the limit passes', () => {
    const { refused, accepted } = screenRows(definition, [insert(1, { personNumber: 'P1', plan: 'y'.repeat(4001) }), insert(2, { personNumber: 'P2', plan: 'y'.repeat(4000) })]);
    expect(refused[0].errors).toEqual([{ column: 'plan', message: expect.stringContaining('Plan: the text is 4,001 characters long') }]);
    expect(accepted.map((r) => r.rowId)).toEqual([2]);
  });

  it('when typed text is shown in a message, then it is cut to a readable length', () => {
    expect(visibleText('x'.repeat(500))).toBe(`${'x'.repeat(60)}…`);
  });
});
