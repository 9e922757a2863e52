/** @jest-environment jsdom */
import { act, fireEvent, render, screen } from '@testing-library/react';
import { createSimulatedExcel } from '../excel/simulated/excel-api';
import { SheetGrid } from './SheetGrid';

// Counts the cells drawn, by row: the real GridCell, wrapped.
const drawn: number[] = [];
jest.mock('./GridCell', () => {
  const real = jest.requireActual('./GridCell');
  return { GridCell: (p: { row: number }) => (drawn.push(p.row), real.GridCell(p)) };
});

async function sheetWithRows(rows: number) {
  const excel = createSimulatedExcel();
  await excel.run(async (context) => {
    const sheet = context.workbook.worksheets.add('Data');
    sheet.activate();
    sheet.getRange(`A1:C${rows}`).values = Array.from({ length: rows }, (_, r) => [`a${r}`, `b${r}`, r]);
    sheet.getRange(`B1:B${rows}`).dataValidation.rule = { list: { inCellDropDown: true, source: 'Gold,Silver' } };
    await context.sync();
  });
  return excel.workbook;
}

const cell = (row: number, col: number) => document.querySelector(`td[data-row="${row}"][data-col="${col}"]`) as HTMLElement;

describe('the preview grid', () => {
  it('when one cell changes, then only its row is drawn again, and the cell shows its new text', async () => {
    const workbook = await sheetWithRows(50);
    render(<SheetGrid workbook={workbook} locale="en-US" />);
    expect(cell(7, 0).textContent).toBe('a7');
    drawn.length = 0;
    act(() => void workbook.userEdit('Data', 7, 0, 'changed'));
    expect(cell(7, 0).textContent).toBe('changed');
    expect(new Set(drawn)).toEqual(new Set([7]));
  });

  it('when a cell is double-clicked, then it turns into an input even if it was empty, and Enter writes what was typed', async () => {
    const workbook = await sheetWithRows(5);
    render(<SheetGrid workbook={workbook} locale="en-US" />);
    fireEvent.click(cell(8, 0));
    fireEvent.doubleClick(cell(8, 0));
    const input = screen.getByLabelText('Edit cell');
    fireEvent.change(input, { target: { value: 'typed' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(workbook.cell('Data', 8, 0).value).toBe('typed');
    expect(cell(8, 0).textContent).toBe('typed');
  });

  it('when the selection moves, then the cell left shows its text and the selected list cell its dropdown', async () => {
    const workbook = await sheetWithRows(5);
    render(<SheetGrid workbook={workbook} locale="en-US" />);
    fireEvent.click(cell(2, 1));
    expect(cell(2, 1).querySelector('select')).not.toBeNull();
    fireEvent.click(cell(3, 1));
    expect(cell(2, 1).querySelector('select')).toBeNull();
    expect(cell(2, 1).textContent).toBe('b2');
    expect([...cell(3, 1).querySelectorAll('option')].map((o) => o.value)).toEqual(['Gold', 'Silver']);
  });
});
