import type { WorkbookDefinition } from '../contract/api';
import { rowsToDelete, rowsToUpload } from './row-diff';
import { createLayout, readSheetRow, sheetFormat, toSheetRow, titleRows, FIRST_DATA_ROW } from './sheet-layout';

const definition: WorkbookDefinition = {
  kind: 'k',
  title: 'Kind',
  description: '',
  columns: [
    { key: 'person', header: 'Person', type: 'text', editable: false, enterable: true, required: true },
    { key: 'name', header: 'Name', type: 'text', editable: false, enterable: false, required: false },
    { key: 'group', header: 'Group', type: 'text', editable: true, enterable: true, required: true, list: 'groups' },
    { key: 'start', header: 'Start', type: 'date', editable: false, enterable: false, required: false },
  ],
};
const layout = createLayout(definition, 'en-US');
const downloaded = (key: string, group: string) => toSheetRow(layout, { key, version: 2, values: { person: 'P1', name: 'Ana', group, start: '2026-01-01' } });
const read = (row: number, cells: (string | number | boolean)[]) => readSheetRow(layout, row, cells);

describe('row diff', () => {
  it('when a downloaded row is untouched, then it is not uploaded; when its editable cell changed, then it is, with only editable values', () => {
    const cells = downloaded('a', 'Gold');
    expect(rowsToUpload(layout, [read(2, cells)])).toEqual([]);
    cells[layout.dataColumns[2].index] = 'Silver';
    expect(rowsToUpload(layout, [read(2, cells)]).map((r) => r.upload)).toEqual([{ rowId: 2, op: 'update', key: 'a', version: 2, values: { group: 'Silver' } }]);
  });

  it('when only a non-editable cell changed, then the row is not uploaded', () => {
    const cells = downloaded('a', 'Gold');
    cells[layout.dataColumns[1].index] = 'Someone else';
    cells[layout.dataColumns[3].index] = 46100;
    expect(rowsToUpload(layout, [read(2, cells)])).toEqual([]);
  });

  it('when a row has no key and values were entered, then it is an insert with the enterable values; a blank row is ignored', () => {
    const cells = Array(layout.width).fill('');
    cells[layout.dataColumns[0].index] = 'P9';
    cells[layout.dataColumns[2].index] = 'Gold';
    const blank = Array(layout.width).fill('');
    expect(rowsToUpload(layout, [read(5, cells), read(6, blank)]).map((r) => r.upload)).toEqual([{ rowId: 5, op: 'insert', values: { person: 'P9', group: 'Gold' } }]);
  });

  it('when a row is marked for deletion, then Upload skips it and Delete sends it; a marked new row is only cleared', () => {
    const cells = downloaded('a', 'Silver');
    cells[1] = 'x';
    const fresh = Array(layout.width).fill('');
    fresh[1] = 'X';
    fresh[layout.dataColumns[0].index] = 'P9';
    expect(rowsToUpload(layout, [read(2, cells)])).toEqual([]);
    const { send, clear } = rowsToDelete(layout, [read(2, cells), read(3, fresh)]);
    expect(send.map((s) => s.upload)).toEqual([{ rowId: 2, op: 'delete', key: 'a', version: 2, values: {} }]);
    expect(clear.map((c) => c.row)).toEqual([3]);
  });
});

describe('sheet layout', () => {
  it('when headers are written, then required columns carry a * and engine columns come first and last', () => {
    expect(titleRows(layout, '2026-01-31')[1]).toEqual(['Changed', 'Mark for Deletion', 'Status', '*Person', 'Name', '*Group', 'Start', 'Key', 'Version', 'Original', 'Errors']);
  });

  it('when a sheet is formatted, then editable columns and deletion marks are unlocked, enterable ones only below the data, and lists come from the lists sheet', () => {
    const format = sheetFormat(layout, 10, { groups: ['Gold', 'Silver'] });
    const unlockedColumns = format.unlocked.map((a) => [a.column, a.row, a.rowCount]);
    expect(unlockedColumns).toContainEqual([1, FIRST_DATA_ROW, 510]);
    expect(unlockedColumns).toContainEqual([layout.dataColumns[2].index, FIRST_DATA_ROW, 510]);
    expect(unlockedColumns).toContainEqual([layout.dataColumns[0].index, FIRST_DATA_ROW + 10, 500]);
    expect(unlockedColumns.some(([c]) => c === layout.dataColumns[1].index)).toBe(false);
    expect(format.validations).toEqual([expect.objectContaining({ column: layout.dataColumns[2].index, source: "='Kind Lists'!$A$1:$A$2" })]);
    expect(format.columns.find((c) => c.index === layout.dataColumns[3].index)?.numberFormat).toBe('m/d/yyyy');
    expect(format.columns.filter((c) => c.hidden).map((c) => c.index)).toEqual([layout.key, layout.version, layout.original, layout.errors]);
  });
});
