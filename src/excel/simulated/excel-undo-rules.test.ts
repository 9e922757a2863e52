/** Excel's rules the simulated API follows for undo, AutoFilter, sorting and formulas (each names its Microsoft page in its module). */
import { createSimulatedExcel } from './excel-api';
import { FILTER_PROTECTED_MESSAGE, isFilteredOut, userFilter } from './autofilter';
import { userSort } from './sort';
import { clearUndoLog, undoClears } from './undo-log';

const SHEET = 'Sheet1';

/** Three rows under a header: names in A, a locked or unlocked column B. */
async function table(lockB: boolean) {
  const excel = createSimulatedExcel();
  await excel.run(async (context) => {
    const ws = context.workbook.worksheets.getItem(SHEET);
    ws.getRange('A1:B4').values = [['Name', 'Group'], ['Cy', 'Gold'], ['Al', 'Silver'], ['Bo', 'Gold']];
    if (!lockB) ws.getRange('A2:B4').format.protection.locked = false;
    await context.sync();
  });
  return excel;
}

describe('simulated Excel: undo', () => {
  it('when the add-in protects, unprotects or deletes a sheet, then each call is recorded as clearing undo; writing values is not', async () => {
    const excel = await table(true);
    clearUndoLog(excel.workbook);
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem(SHEET).getRange('A2').values = [['Di']];
      await context.sync();
    });
    expect(undoClears(excel.workbook)).toEqual([]);
    await excel.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.add('Other');
      sheets.getItem(SHEET).protection.protect();
      sheets.getItem(SHEET).protection.unprotect();
      sheets.getItem('Other').delete();
      await context.sync();
    });
    expect(undoClears(excel.workbook)).toEqual(['WorksheetProtection.protect', 'WorksheetProtection.unprotect', 'Worksheet.delete']);
  });
});

describe('simulated Excel: AutoFilter', () => {
  it('when a filter was applied before protecting with allowAutoFilter, then a person filters and rows are hidden, not changed', async () => {
    const excel = await table(true);
    await excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(SHEET);
      ws.autoFilter.apply(ws.getRange('A1:B4'));
      ws.protection.protect({ allowAutoFilter: true });
      await context.sync();
    });
    expect(userFilter(excel.workbook, SHEET, 1, ['Gold'])).toEqual({ ok: true });
    const sheet = excel.workbook.sheet(SHEET)!;
    expect([1, 2, 3].map((r) => isFilteredOut(sheet, r))).toEqual([false, true, false]);
    expect(excel.workbook.cell(SHEET, 2, 0).value).toBe('Al');
  });

  it('when a protected sheet had no filter, or protection does not allow AutoFilter, then filtering is refused', async () => {
    const none = await table(true);
    await none.run(async (context) => {
      context.workbook.worksheets.getItem(SHEET).protection.protect({ allowAutoFilter: true });
      await context.sync();
    });
    expect(userFilter(none.workbook, SHEET, 1, ['Gold'])).toEqual({ ok: false, message: FILTER_PROTECTED_MESSAGE });

    const disallowed = await table(true);
    await disallowed.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(SHEET);
      ws.autoFilter.apply(ws.getRange('A1:B4'));
      ws.protection.protect({});
      await context.sync();
    });
    expect(userFilter(disallowed.workbook, SHEET, 1, ['Gold'])).toEqual({ ok: false, message: FILTER_PROTECTED_MESSAGE });
  });

  it('when the add-in applies a filter to a protected sheet, then the request fails', async () => {
    const excel = await table(true);
    await expect(
      excel.run(async (context) => {
        const ws = context.workbook.worksheets.getItem(SHEET);
        ws.protection.protect({ allowAutoFilter: true });
        ws.autoFilter.apply(ws.getRange('A1:B4'));
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidOperation' });
  });
});

describe('simulated Excel: sorting', () => {
  it('when a range holding locked cells is sorted on a protected sheet, then Excel refuses, even with allowSort', async () => {
    const excel = await table(true);
    await expect(
      excel.run(async (context) => {
        const ws = context.workbook.worksheets.getItem(SHEET);
        ws.protection.protect({ allowSort: true });
        ws.getRange('A2:B4').sort.apply([{ key: 0, ascending: true }]);
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidOperation' });
    expect(userSort(excel.workbook, SHEET, { row: 1, column: 0, rowCount: 3, columnCount: 2 }, 0, true).ok).toBe(false);
    expect(excel.workbook.cell(SHEET, 1, 0).value).toBe('Cy'); // unchanged
  });

  it('when unlocked cells are sorted with allowSort, or the sheet is unprotected, then rows move whole, formulas with them', async () => {
    const excel = await table(false);
    await excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(SHEET);
      ws.getRange('C2:C4').values = [['=EXACT(B2,"Gold")'], ['=EXACT(B3,"Gold")'], ['=EXACT(B4,"Gold")']];
      ws.getRange('A2:C4').sort.apply([{ key: 0, ascending: true }]);
      await context.sync();
    });
    const w = excel.workbook;
    expect([1, 2, 3].map((r) => [w.cell(SHEET, r, 0).value, w.cell(SHEET, r, 1).value, w.cell(SHEET, r, 2).value])).toEqual([
      ['Al', 'Silver', false],
      ['Bo', 'Gold', true],
      ['Cy', 'Gold', true],
    ]);
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem(SHEET).protection.protect({ allowSort: true });
      await context.sync();
    });
    expect(userSort(w, SHEET, { row: 1, column: 0, rowCount: 3, columnCount: 2 }, 0, false)).toEqual({ ok: true });
    expect(w.cell(SHEET, 1, 0).value).toBe('Cy');
  });
});

describe('simulated Excel: formulas', () => {
  it('when text starting with =, +, - or @ is written through values into a General cell, then it becomes a formula; into a Text cell it stays text', async () => {
    const excel = createSimulatedExcel();
    await excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(SHEET);
      ws.getRange('B1:B4').numberFormat = [['@'], ['@'], ['@'], ['@']];
      ws.getRange('A1:B4').values = [['=HYPERLINK("http://x")', '=HYPERLINK("http://x")'], ['+5', '+5'], ['-2', '-2'], ['@SUM', '@SUM']];
      await context.sync();
    });
    const w = excel.workbook;
    expect([0, 1, 2, 3].map((r) => w.cell(SHEET, r, 0).value)).toEqual(['#NAME?', 5, -2, '#NAME?']);
    expect([0, 1, 2, 3].map((r) => w.cell(SHEET, r, 1).value)).toEqual(['=HYPERLINK("http://x")', '+5', '-2', '@SUM']);
  });

  it('when the engine\'s Changed formula is written, then it shows a mark while a cell differs from its copy, and reads back as its result', async () => {
    const excel = createSimulatedExcel();
    await excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(SHEET);
      ws.getRange('A1:C2').values = [['=IF(AND(EXACT(B1,C1)),"","✓")', 'Gold', 'Gold'], ['=IF(AND(EXACT(B2,C2)),"","✓")', 'gold', 'Gold']];
      await context.sync();
    });
    const values = await excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem(SHEET).getRange('A1:A2').load('values');
      await context.sync();
      return range.values;
    });
    expect(values).toEqual([[''], ['✓']]); // EXACT: a change of case counts
  });
});
