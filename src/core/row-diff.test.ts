import { testDefinition } from './test-definition';
import { classifyRow, planUpload, rowsToDelete, rowsToUpload } from './row-diff';
import { createLayout, readSheetRow, toSheetRow } from './sheet-layout';

const definition = testDefinition;
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

  it('when a downloaded row has a failed edit and is also marked for deletion, then Upload leaves it pending deletion', () => {
    const cells = downloaded('a', 'Gold');
    cells[layout.dataColumns[2].index] = 'Silver';
    cells[1] = 'yes';
    expect(planUpload(layout, [read(2, cells)])).toMatchObject({ send: [], pendingDeletion: [expect.objectContaining({ row: 2 })] });
  });

  it('when a row says Deleted, then neither Upload nor Delete sends it again', () => {
    const cells = downloaded('a', 'Gold');
    cells[2] = 'Deleted';
    cells[1] = 'X';
    cells[layout.dataColumns[2].index] = 'Silver';
    expect(classifyRow(layout, read(2, cells))).toBe('deleted');
    expect(rowsToUpload(layout, [read(2, cells)])).toEqual([]);
    expect(rowsToDelete(layout, [read(2, cells)]).send).toEqual([]);
  });

  it('when the title or header rows are passed in, then they are never classified as data', () => {
    const header = Array(layout.width).fill('Header');
    expect(rowsToUpload(layout, [read(0, header), read(1, header)])).toEqual([]);
  });

  it('when a downloaded date is retyped as text in the user format, then the row is unchanged', () => {
    const d: typeof definition = { ...definition, columns: definition.columns.map((c) => (c.key === 'start' ? { ...c, editable: true } : c)) };
    const l = createLayout(d, 'en-GB');
    const cells = toSheetRow(l, { key: 'a', version: 1, values: { person: 'P1', name: 'Ana', group: 'Gold', start: '2026-03-04' } });
    cells[l.dataColumns[3].index] = '04/03/2026';
    expect(classifyRow(l, readSheetRow(l, 2, cells))).toBe('unchanged');
    cells[l.dataColumns[3].index] = '31/02/2026';
    expect(planUpload(l, [readSheetRow(l, 2, cells)]).send.map((s) => s.upload.values.start)).toEqual(['31/02/2026']); // sent as typed, for the message
  });
});
