import { BATCH_CELLS, BATCH_INPUT_AREA, cellAddress, missingBatchNameMessage, readBatchInputs } from './batch-cells';
import { createLayout, FIRST_DATA_ROW, titleRows } from './sheet-layout';
import { sheetFormat } from './sheet-format';
import { testBatchDefinition, testDefinition } from './test-definition';

const layout = createLayout(testBatchDefinition, 'en-US');
const prepare = { from: FIRST_DATA_ROW, dataRowCount: 3, entryRowCount: 500 };
const cell = (c: { row: number; column: number }) => ({ ...c, rowCount: 1, columnCount: 1 });
const at = (areas: Array<{ row: number; column: number }> | undefined, c: { row: number; column: number }) => (areas ?? []).filter((a) => a.row === c.row && a.column === c.column);

describe('batch sheet cells', () => {
  it('when a batch sheet is titled, then A1 holds the title, C1 and E1 the labels, D1 the name and F1 No unless the audit log is on', () => {
    const [title, headers] = titleRows(layout, { batchName: 'Open enrollment 2026' });
    expect(title.slice(0, 6)).toEqual(['Batch Kind', '', '*Batch Name', 'Open enrollment 2026', 'Audit Log', 'No']);
    expect(title).toHaveLength(layout.width);
    expect(headers.slice(0, 4)).toEqual(['Changed', 'Mark for Deletion', 'Status', '*Person']);
    expect(titleRows(layout, { auditLog: true })[0].slice(3, 6)).toEqual(['', 'Audit Log', 'Yes']);
  });

  it('when the cells are named, then they are D1 and F1 and one read covers both', () => {
    expect([cellAddress(BATCH_CELLS.batchName), cellAddress(BATCH_CELLS.auditLog)]).toEqual(['D1', 'F1']);
    expect(BATCH_INPUT_AREA).toEqual({ row: 0, column: 3, rowCount: 1, columnCount: 3 });
    expect(readBatchInputs(['  Spring hires ', 'Audit Log', 'Yes'])).toEqual({ batchName: 'Spring hires', auditLog: true });
    expect(readBatchInputs([2026, 'Audit Log', 'No'])).toEqual({ batchName: '2026', auditLog: false });
    expect(readBatchInputs([])).toEqual({ batchName: '', auditLog: false });
    expect(missingBatchNameMessage('upload')).toBe('Enter a batch name in cell D1 (Batch Name), then upload again.');
  });

  it('when a batch sheet is prepared, then D1 is an unlocked yellow text cell with a border and F1 an unlocked Yes/No dropdown', () => {
    const format = sheetFormat(layout, prepare, {});
    const name = BATCH_CELLS.batchName;
    const auditLog = BATCH_CELLS.auditLog;
    expect(at(format.unlocked, name)).toEqual([cell(name)]);
    expect(at(format.unlocked, auditLog)).toEqual([cell(auditLog)]);
    expect(at(format.shaded, name)).toEqual([{ ...cell(name), fill: '#FFF2CC' }]);
    expect(format.textCells).toEqual([{ row: 0, column: 0, rowCount: 2, columnCount: layout.width }, cell(name)]); // server text never a formula
    expect(format.outlined).toEqual([cell(name)]);
    expect(format.validations).toContainEqual({ ...cell(auditLog), source: ['Yes', 'No'] });
    expect(at(format.unlocked, BATCH_CELLS.title)).toEqual([]);
  });

  it('when the sheet grows, or the kind is effective-dated, then the title row is left alone', () => {
    const grown = sheetFormat(layout, { from: 600, dataRowCount: 0, entryRowCount: 500 }, {});
    const dated = sheetFormat(createLayout(testDefinition, 'en-US'), prepare, {});
    for (const format of [grown, dated]) {
      expect([...format.unlocked, ...format.validations, ...(format.shaded ?? [])].filter((a) => a.row === 0)).toEqual([]);
      expect((format.textCells ?? []).filter((a) => a.columnCount === 1)).toEqual([]); // only the title and header rows as text
      expect(format.outlined ?? []).toEqual([]);
    }
  });
});
