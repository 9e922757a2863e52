/** The rules where the simulated Excel used to be more lenient than Excel; each names the page it follows. */
import { createSimulatedExcel } from './excel-api';
import { unhideableSheets, userUnhideSheet } from './sheet-visibility';

const MISMATCH = { code: 'InvalidArgument', message: expect.stringMatching(/doesn't match the size or dimensions of the range/) };
const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('simulated Excel: input arrays must match the range', () => {
  it.each(['values', 'numberFormat', 'formulas'] as const)('when a 1×1 array of %s is set on a 2×2 range, then the request fails with InvalidArgument and writes nothing', async (property) => {
    const excel = createSimulatedExcel();
    await excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Sheet1').getRange('A1:B2');
      (range as unknown as Record<string, unknown>)[property] = [['@']];
      await expect(context.sync()).rejects.toMatchObject(MISMATCH);
    });
    expect(excel.workbook.cell('Sheet1', 1, 1).value).toBe('');
    expect(excel.workbook.sheet('Sheet1')!.formatOf(1, 1, 'numberFormat')).toBeUndefined();
  });

  it('when an array has the right rows but too few columns, then the request fails with InvalidArgument', async () => {
    const excel = createSimulatedExcel();
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem('Sheet1').getRange('A1:B2').values = [['a'], ['b']];
      await expect(context.sync()).rejects.toMatchObject(MISMATCH);
    });
  });

  it('when a single value (not an array) is set, then every cell gets it; null in an array leaves its cell as it was', async () => {
    const excel = createSimulatedExcel();
    await excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Sheet1').getRange('A1:B2');
      (range as unknown as { values: string; numberFormat: string }).values = 'same';
      (range as unknown as { numberFormat: string }).numberFormat = '@';
      await context.sync();
      range.values = [[null as unknown as string, 'new'], ['x', null as unknown as string]];
      await context.sync();
    });
    const wb = excel.workbook;
    expect([0, 1].map((r) => [0, 1].map((c) => wb.cell('Sheet1', r, c).value))).toEqual([['same', 'new'], ['x', 'same']]);
    expect(wb.sheet('Sheet1')!.formatOf(1, 1, 'numberFormat')).toBe('@');
  });

  it('when values are set on entire columns, then the request fails (cell-level properties of an unbounded range)', async () => {
    const excel = createSimulatedExcel();
    await excel.run(async (context) => {
      (context.workbook.worksheets.getItem('Sheet1').getRange('A:A') as unknown as { values: string }).values = 'x';
      await expect(context.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
    });
  });
});

describe('simulated Excel: request and response limits', () => {
  it('when more than 5,000,000 cells are read at once, then the request fails with RangeExceedsLimit', async () => {
    const excel = createSimulatedExcel();
    await excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Sheet1').getRangeByIndexes(0, 0, 2500, 2001);
      range.load('values');
      await expect(context.sync()).rejects.toMatchObject({ code: 'RangeExceedsLimit' });
    });
  });

  it('when an inline list longer than 255 characters is set, then the request fails at sync (not at the call); 255 are accepted', async () => {
    const excel = createSimulatedExcel();
    await excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('Sheet1');
      ws.getRange('A1').dataValidation.rule = { list: { inCellDropDown: true, source: 'x'.repeat(255) } };
      await context.sync();
      const tooLong = () => (ws.getRange('A2').dataValidation.rule = { list: { inCellDropDown: true, source: 'x'.repeat(256) } });
      expect(tooLong).not.toThrow();
      await expect(context.sync()).rejects.toMatchObject({ code: 'InvalidArgument', message: expect.stringMatching(/255 characters/) });
    });
    expect(excel.workbook.cell('Sheet1', 1, 0).list).toBeUndefined();
  });
});

describe('simulated Excel: protected sheets', () => {
  it('when values or formulas are written over a locked cell of a protected sheet, then the request fails and no cell of the range changes', async () => {
    const excel = createSimulatedExcel();
    await excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('Sheet1');
      ws.getRange('A1:A2').format.protection.locked = false;
      ws.protection.protect();
      await context.sync();
      ws.getRange('A1:A3').values = [['a'], ['b'], ['c']]; // A3 is locked
      await expect(context.sync()).rejects.toMatchObject({ code: 'InvalidOperation' });
      ws.getRange('A3').formulas = [['=1+1']];
      await expect(context.sync()).rejects.toMatchObject({ code: 'InvalidOperation' });
      ws.getRange('A1:A2').values = [['a'], ['b']]; // unlocked cells take writes
      await context.sync();
    });
    expect([0, 1, 2].map((r) => excel.workbook.cell('Sheet1', r, 0).value)).toEqual(['a', 'b', '']);
  });
});

describe('simulated Excel: very hidden sheets', () => {
  it('when a sheet is made VeryHidden, then it loads as VeryHidden, a person cannot unhide it, and deleting it fails until it is only Hidden', async () => {
    const excel = createSimulatedExcel();
    await excel.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.add('Lists').visibility = 'VeryHidden';
      sheets.add('Other').visibility = 'Hidden';
      const lists = sheets.getItem('Lists');
      lists.load('visibility');
      await context.sync();
      expect(lists.visibility).toBe('VeryHidden');
      lists.delete();
      await expect(context.sync()).rejects.toMatchObject({ code: 'InvalidOperation' });
    });
    const wb = excel.workbook;
    expect(unhideableSheets(wb)).toEqual(['Other']);
    expect(userUnhideSheet(wb, 'Lists').ok).toBe(false);
    expect(wb.visibleSheetNames()).toEqual(['Sheet1']);
    expect(userUnhideSheet(wb, 'Other').ok).toBe(true);
    await excel.run(async (context) => {
      const lists = context.workbook.worksheets.getItem('Lists');
      lists.visibility = 'Hidden';
      lists.delete();
      await context.sync();
    });
    expect(wb.sheetNames()).toEqual(['Sheet1', 'Other']);
  });
});

describe('simulated Excel: worksheets.onActivated', () => {
  it('when a person switches tabs or the add-in activates a sheet, then onActivated names the sheet, after the request; the same sheet again raises nothing', async () => {
    const excel = createSimulatedExcel();
    const seen: string[] = [];
    const ids = await excel.run(async (context) => {
      const a = context.workbook.worksheets.add('A');
      const b = context.workbook.worksheets.add('B');
      a.load('id');
      b.load('id');
      context.workbook.worksheets.onActivated.add(async (event) => void seen.push(event.worksheetId));
      await context.sync();
      return { a: a.id, b: b.id };
    });
    excel.workbook.activate('A'); // a tab click
    await nextTask();
    expect(seen).toEqual([ids.a]);
    excel.workbook.activate('A');
    await nextTask();
    expect(seen).toEqual([ids.a]);
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem('B').activate();
      await context.sync();
      expect(seen).toEqual([ids.a]); // not inside the request
    });
    await nextTask();
    expect(seen).toEqual([ids.a, ids.b]);
  });
});
