import { testBatchDefinition, testDefinition } from './test-definition';
import { changedFormula, createLayout, FIRST_DATA_ROW, HEADER_ROW } from './sheet-layout';
import { columnWidth, sheetFormat } from './sheet-format';

const rows = { from: FIRST_DATA_ROW, dataRowCount: 10, entryRowCount: 500 };

describe('sheet format', () => {
  it('when a column is narrower than its header, then it is widened to show the header and its filter button', () => {
    expect(columnWidth('*Close Life Event', 10)).toBe(('*Close Life Event'.length + 3) * 7);
    expect(columnWidth('Plan', 22)).toBe(22 * 7);
    const layout = createLayout({ ...testDefinition, columns: testDefinition.columns.map((c) => ({ ...c, width: 4 })) }, 'en-US');
    const widths = sheetFormat(layout, rows, {}).columns;
    for (const c of layout.dataColumns) expect(widths.find((w) => w.index === c.index)?.width).toBeGreaterThanOrEqual((c.header.length + (c.required ? 1 : 0)) * 7);
  });

  it('when the definition marks identifying columns, then they and the header rows are frozen', () => {
    const marked = { ...testDefinition, columns: testDefinition.columns.map((c) => ({ ...c, identifying: c.key === 'person' || c.key === 'name' })) };
    const layout = createLayout(marked, 'en-US');
    const format = sheetFormat(layout, rows, {});
    expect([format.freezeRows, format.freezeColumns]).toEqual([2, layout.dataColumns[1].index + 1]);
    expect(createLayout(testDefinition, 'en-US').frozenColumns).toBe(3); // none marked: only Changed, Mark for Deletion, Status
  });

  it('when a batch kind names its outcome columns, then they lead, beside Status, and the outcome is frozen', () => {
    const message = { key: 'message', header: 'Message', type: 'text' as const, editable: false, enterable: false, required: false };
    const definition = { ...testBatchDefinition, columns: [...testBatchDefinition.columns, message], outcome: { column: 'lineStatus', failed: 'ERROR', message: 'message' } };
    const layout = createLayout(definition, 'en-US');
    expect(layout.dataColumns.map((c) => c.key)).toEqual(['lineStatus', 'message', 'person', 'plan']);
    expect(layout.frozenColumns).toBe(4); // Changed, Mark for Deletion, Status and the line's outcome
  });

  it('when a sheet is prepared, then the AutoFilter covers the header and every formatted row, and server text lands in Text cells', () => {
    const layout = createLayout(testDefinition, 'en-US');
    const format = sheetFormat(layout, rows, {});
    expect(format.autoFilter).toEqual({ row: HEADER_ROW, column: 0, rowCount: 1 + 510, columnCount: layout.width });
    expect(format.textCells).toContainEqual({ row: 0, column: 0, rowCount: 2, columnCount: layout.width });
    const text = layout.dataColumns.filter((c) => c.type === 'text').map((c) => c.index);
    for (const index of text) expect(format.columns.find((c) => c.index === index)?.numberFormat).toBe('@');
    expect(sheetFormat(layout, { from: 600, dataRowCount: 0, entryRowCount: 500 }, {}).autoFilter).toBeUndefined();
  });

  it('when the Changed formula is made, then it compares each tracked cell of its own row with its hidden copy', () => {
    const layout = createLayout(testDefinition, 'en-US');
    // Person (D) and Group (F) are tracked; their copies are the first two columns after Errors (L, M).
    expect(changedFormula(layout, 4)).toBe('=IF(AND(EXACT(D5,L5),EXACT(F5,M5)),"","✓")');
  });
});
