import { createSimulatedExcel, REQUEST_LIMIT_BYTES } from './excel-api';
import { SimulatedWorkbook } from './workbook-model';

describe('simulated Excel API', () => {
  it('when a property is read before load and sync, then it throws PropertyNotLoaded', async () => {
    const excel = createSimulatedExcel();
    await excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Sheet1').getRange('A1');
      expect(() => range.values).toThrow(/call the load method/);
      range.load('values');
      expect(() => range.values).toThrow(/not available/);
      await context.sync();
      expect(range.values).toEqual([['']]);
    });
  });

  it('when values are set, then they are applied only at sync', async () => {
    const excel = createSimulatedExcel();
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem('Sheet1').getRange('A1:B1').values = [[1, 'x']];
      expect(excel.workbook.cell('Sheet1', 0, 1).value).toBe('');
      await context.sync();
      expect(excel.workbook.cell('Sheet1', 0, 1).value).toBe('x');
    });
  });

  it('when queued commands are never synced, then nothing is applied', async () => {
    const excel = createSimulatedExcel();
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem('Sheet1').getRange('A1').values = [['lost']];
    });
    expect(excel.workbook.cell('Sheet1', 0, 0).value).toBe('');
  });

  it('when a sheet is protected, then API writes to locked cells fail and unlocked cells accept them', async () => {
    const excel = createSimulatedExcel();
    await excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('Sheet1');
      ws.getRange('B1').format.protection.locked = false;
      ws.protection.protect({ allowInsertRows: true });
      await context.sync();
      ws.getRange('B1').values = [['ok']];
      await context.sync();
      ws.getRange('A1').values = [['no']];
      await expect(context.sync()).rejects.toMatchObject({ code: 'InvalidOperation' });
    });
    expect(excel.workbook.cell('Sheet1', 0, 1).value).toBe('ok');
    expect(excel.workbook.cell('Sheet1', 0, 0).value).toBe('');
  });

  it('when protect is called on a protected sheet, then it fails as in Excel', async () => {
    const excel = createSimulatedExcel();
    await excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('Sheet1');
      ws.protection.protect();
      await context.sync();
      ws.protection.protect();
      await expect(context.sync()).rejects.toMatchObject({ code: 'InvalidOperation' });
    });
  });

  it('when a command in a batch fails, then the commands before it stay applied and the later ones are not', async () => {
    const excel = createSimulatedExcel();
    await excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('Sheet1');
      ws.getRange('A1').values = [['first']];
      ws.getRange('A2:B2').values = [['wrong', 'shape', 'here']];
      ws.getRange('A3').values = [['never']];
      await expect(context.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
    });
    expect(excel.workbook.cell('Sheet1', 0, 0).value).toBe('first');
    expect(excel.workbook.cell('Sheet1', 2, 0).value).toBe('');
  });

  it('when one request carries more than 5 MB, then it fails with RequestPayloadSizeLimitExceeded and applies nothing', async () => {
    const excel = createSimulatedExcel();
    const big = Array.from({ length: 60000 }, () => ['x'.repeat(90)]);
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem('Sheet1').getRangeByIndexes(0, 0, big.length, 1).values = big;
      await expect(context.sync()).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
    });
    expect(excel.workbook.counters.lastRequestBytes).toBeGreaterThan(REQUEST_LIMIT_BYTES);
    expect(excel.workbook.cell('Sheet1', 0, 0).value).toBe('');
  });

  it('when a missing sheet is asked for with getItemOrNullObject, then isNullObject is true', async () => {
    const excel = createSimulatedExcel();
    await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItemOrNullObject('Nope');
      sheet.load('isNullObject');
      await context.sync();
      expect(sheet.isNullObject).toBe(true);
    });
  });
});

describe('simulated user actions', () => {
  function protectedSheetWithList(): SimulatedWorkbook {
    const wb = new SimulatedWorkbook();
    const sheet = wb.sheet('Sheet1')!;
    sheet.at(0, 0).locked = false;
    sheet.at(0, 0).list = ['Gold', 'Silver'];
    sheet.protectedWith = { allowInsertRows: true };
    return wb;
  }

  it('when a person types into a locked cell of a protected sheet, then Excel refuses it', () => {
    const wb = protectedSheetWithList();
    expect(wb.userEdit('Sheet1', 0, 1, 'x')).toEqual({ ok: false, message: expect.stringMatching(/protected sheet/) });
  });

  it('when a person types a value that is not in the list, then validation refuses it', () => {
    const wb = protectedSheetWithList();
    expect(wb.userEdit('Sheet1', 0, 0, 'Bronze')).toEqual({ ok: false, message: expect.stringMatching(/data validation/) });
    expect(wb.userEdit('Sheet1', 0, 0, 'Gold')).toEqual({ ok: true });
  });

  it('when a person picks from a dropdown or pastes, then no change event fires, but typing fires one', async () => {
    const excel = createSimulatedExcel(protectedSheetWithList());
    const events: string[] = [];
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem('Sheet1').onChanged.add(async (e: { address: string }) => {
        events.push(e.address);
      });
      await context.sync();
    });
    excel.workbook.userPickFromList('Sheet1', 0, 0, 'Silver');
    excel.workbook.userPaste('Sheet1', 0, 0, [['Gold']]);
    expect(events).toEqual([]);
    excel.workbook.userEdit('Sheet1', 0, 0, 'Silver');
    expect(events).toEqual(['A1']);
  });

  it('when a person inserts a row on a protected sheet, then the new row takes the locks and validation of the row above', () => {
    const wb = protectedSheetWithList();
    wb.userEdit('Sheet1', 0, 0, 'Gold');
    expect(wb.userInsertRows('Sheet1', 1, 1)).toEqual({ ok: true });
    expect(wb.cell('Sheet1', 1, 0)).toMatchObject({ value: '', locked: false, list: ['Gold', 'Silver'] });
  });

  it('when a date serial has a date number format, then its text is shown in that format', () => {
    const wb = new SimulatedWorkbook();
    Object.assign(wb.sheet('Sheet1')!.at(0, 0), { value: 46023, numberFormat: 'm/d/yyyy' });
    Object.assign(wb.sheet('Sheet1')!.at(0, 1), { value: 46023, numberFormat: 'dd.mm.yyyy' });
    expect(wb.cell('Sheet1', 0, 0).text).toBe('1/1/2026');
    expect(wb.cell('Sheet1', 0, 1).text).toBe('01.01.2026');
  });
});
