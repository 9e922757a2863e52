import { lockedFormat, readOnlyMessage } from './read-only';
import { COL, createLayout, FIRST_DATA_ROW } from './sheet-layout';
import { sheetFormat } from './sheet-format';
import { testDefinition } from './test-definition';

const readOnlyDefinition = { ...testDefinition, readOnly: { reason: 'Change it in the application.' } };

describe('read-only sheets', () => {
  it('when a format is locked, then nothing is unlocked, there are no dropdowns, and Changed, Mark for Deletion and Status are hidden', () => {
    const layout = createLayout(readOnlyDefinition, 'en-US');
    const format = lockedFormat(sheetFormat(layout, { from: FIRST_DATA_ROW, dataRowCount: 3, entryRowCount: 0 }, { groups: ['A', 'B'] }));
    expect(format.unlocked).toEqual([]);
    expect(format.validations).toEqual([]);
    expect(format.columns.filter((c) => c.hidden).map((c) => c.index)).toEqual(expect.arrayContaining([COL.changed, COL.markForDeletion, COL.status, layout.key]));
    expect(format.columns.find((c) => c.index === COL.firstData)?.hidden).toBeFalsy();
    expect(format.conditionalFills?.some((f) => f.column === COL.status)).toBe(false);
  });

  it('when an action is asked on a read-only kind, then the message names the workbook, the action and the reason; a kind that can change has none', () => {
    expect(readOnlyMessage(readOnlyDefinition, 'upload changes')).toBe('"Kind" is read-only: you cannot upload changes in it. Change it in the application.');
    expect(readOnlyMessage(testDefinition, 'upload changes')).toBeUndefined();
  });
});
