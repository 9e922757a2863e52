import { testBatchDefinition, testDefinition } from './test-definition';
import { createLayout, FIRST_DATA_ROW, listSources, readSheetRow, sheetName, listsSheetName, titleRows, toSheetRow } from './sheet-layout';
import { sheetFormat } from './sheet-format';

const definition = testDefinition;
const layout = createLayout(definition, 'en-US');
const rows = { from: FIRST_DATA_ROW, dataRowCount: 10, entryRowCount: 500 };

describe('sheet layout', () => {
  it('when headers are written, then required columns carry a * and engine columns come first and last', () => {
    expect(titleRows(layout, { effectiveDate: '2026-01-31' })[1]).toEqual(['Changed', 'Mark for Deletion', 'Status', '*Person', 'Name', '*Group', 'Start', 'Key', 'Version', 'Original', 'Errors', 'Downloaded Person', 'Downloaded Group']);
  });

  it('when the title is written, then the session date is in the user format', () => {
    expect(titleRows(layout, { effectiveDate: '2026-01-05' })[0][0]).toBe('Kind — Session effective date: 1/5/2026');
    expect(titleRows(createLayout(definition, 'de-DE'), { effectiveDate: '2026-01-05' })[0][0]).toBe('Kind — Session effective date: 05.01.2026');
  });

  it('when a downloaded row is written, then dates become serials and the row reads back with the same values, key and version', () => {
    const cells = toSheetRow(layout, { key: 'k1', version: 3, values: { person: 'P1', name: 'Ana', group: 'Gold', start: '2026-01-01' } });
    expect(cells[layout.dataColumns[3].index]).toBe(46023);
    const row = readSheetRow(layout, 2, cells);
    expect(row).toMatchObject({ key: 'k1', version: 3, marked: false, changed: false, values: { person: 'P1', name: 'Ana', group: 'Gold', start: '2026-01-01' } });
  });

  it('when a sheet is formatted, then editable columns and deletion marks are unlocked, enterable ones only below the data, read-only ones shaded', () => {
    const format = sheetFormat(layout, rows, listSources(definition, { groups: ['Gold', 'Silver'] }));
    const unlocked = format.unlocked.map((a) => [a.column, a.row, a.rowCount]);
    expect(unlocked).toContainEqual([1, FIRST_DATA_ROW, 510]);
    expect(unlocked).toContainEqual([layout.dataColumns[2].index, FIRST_DATA_ROW, 510]);
    expect(unlocked).toContainEqual([layout.dataColumns[0].index, FIRST_DATA_ROW + 10, 500]);
    expect(unlocked.some(([c]) => c === layout.dataColumns[1].index)).toBe(false);
    expect(format.shaded?.map((s) => s.column)).toEqual(expect.arrayContaining([layout.dataColumns[0].index, layout.dataColumns[1].index, layout.dataColumns[3].index]));
    expect(format.columns.find((c) => c.index === layout.dataColumns[3].index)?.numberFormat).toBe('m/d/yyyy');
    expect(format.columns.filter((c) => c.hidden).map((c) => c.index)).toEqual([layout.key, layout.original, layout.errors, layout.version, layout.firstCopy, layout.firstCopy + 1]);
    expect(format.freezeRows).toBe(2);
    expect(format.bold).toEqual([expect.objectContaining({ row: 0, rowCount: 2 })]);
    expect(format.conditionalFills?.map((f) => [f.equals, f.fill])).toEqual([
      ['Upload Failed', '#FFC7CE'], ['Conflict', '#FFC7CE'], ['Inserted', '#C6EFCE'], ['Updated', '#C6EFCE'], ['Deleted', '#C6EFCE'],
    ]);
  });

  it('when the definition names values to colour, then they get a green or red fill on their column in every formatted row', () => {
    const batch = createLayout(testBatchDefinition, 'en-US');
    const column = batch.dataColumns[2].index;
    for (const format of [sheetFormat(batch, rows, {}), sheetFormat(batch, { from: 512, dataRowCount: 0, entryRowCount: 500 }, {})]) {
      const fills = format.conditionalFills?.filter((f) => f.column === column);
      expect(fills).toEqual([
        { row: format.dataRows.row, rowCount: format.dataRows.rowCount, column, columnCount: 1, equals: 'COMPLETE', fill: '#C6EFCE', fontColor: '#006100' },
        { row: format.dataRows.row, rowCount: format.dataRows.rowCount, column, columnCount: 1, equals: 'ERROR', fill: '#FFC7CE', fontColor: '#9C0006' },
      ]);
    }
    const unknown = createLayout({ ...testBatchDefinition, highlights: [{ column: 'nope', equals: 'X', tone: 'good' }] }, 'en-US');
    expect(sheetFormat(unknown, rows, {}).conditionalFills).toHaveLength(5); // only the Status colours
  });

  it('when a list is short, then its dropdown is inline; when long, then it comes from the hidden lists sheet', () => {
    const long = Array.from({ length: 40 }, (_, i) => `Benefits group number ${i}`);
    const short = sheetFormat(layout, rows, listSources(definition, { groups: ['Gold', 'Silver'] }));
    expect(short.validations).toEqual([expect.objectContaining({ column: 1, source: ['X'] }), expect.objectContaining({ column: layout.dataColumns[2].index, source: ['Gold', 'Silver'] })]);
    const longFormat = sheetFormat(layout, rows, listSources(definition, { other: ['A'], groups: long }));
    expect(longFormat.validations[1].source).toBe("='Kind Lists'!$A$1:$A$40");
  });

  it('when the sheet grows, then only the new rows are formatted, with the new-record columns unlocked', () => {
    const format = sheetFormat(layout, { from: 512, dataRowCount: 0, entryRowCount: 500 }, {});
    expect(format.unlocked).toContainEqual({ row: 512, rowCount: 500, column: layout.dataColumns[0].index, columnCount: 1 });
    expect(format.freezeRows).toBeUndefined();
    expect(format.bold).toEqual([]);
  });

  it('when a title is long or holds characters Excel refuses, then the sheet names are valid', () => {
    expect(sheetName('Person: Benefit [Groups] and Other Long Things')).toBe('Person Benefit Groups and Other');
    expect(sheetName('Person: Benefit [Groups] and Other Long Things').length).toBeLessThanOrEqual(31);
    expect(listsSheetName({ ...definition, title: 'A Very Long Workbook Title Indeed Yes' })).toBe('A Very Long Workbook Titl Lists');
  });
});
