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

  it('when queued commands are not synced, then Excel.run sends them as one more request when the batch ends (office.js _runCommon)', async () => {
    const excel = createSimulatedExcel();
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem('Sheet1').getRange('A1').values = [['sent']];
    });
    expect(excel.workbook.cell('Sheet1', 0, 0).value).toBe('sent');
    expect(excel.workbook.counters.syncCount).toBe(1);
  });

  it('when a sync has nothing queued, then no request is made (office.js syncPrivate: no actions, no request)', async () => {
    const excel = createSimulatedExcel();
    await excel.run(async (context) => {
      await context.sync();
    });
    expect(excel.workbook.counters.syncCount).toBe(0);
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

describe('simulated Excel API: loading, null objects and requests', () => {
  it('when properties are loaded as a list or an object, then each is readable after sync', async () => {
    const excel = createSimulatedExcel();
    await excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Sheet1').getRange('B2:C4');
      range.load(['rowIndex', 'columnCount']);
      const sheet = context.workbook.worksheets.getItem('Sheet1').load({ name: true });
      await context.sync();
      expect([range.rowIndex, range.columnCount, sheet.name]).toEqual([1, 2, 'Sheet1']);
      expect(() => range.address).toThrow(/The property 'address' is not available/);
    });
  });

  it('when a sheet is empty, then its used range is a null object whose properties load as null', async () => {
    const excel = createSimulatedExcel();
    await excel.run(async (context) => {
      const used = context.workbook.worksheets.getItem('Sheet1').getUsedRangeOrNullObject(true);
      used.load('isNullObject, rowCount');
      await context.sync();
      expect([used.isNullObject, used.rowCount]).toEqual([true, null]);
    });
  });

  it('when getItem names a missing sheet, then the request fails with ItemNotFound at sync, not at the call', async () => {
    const excel = createSimulatedExcel();
    await excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Nope').getRange('A1');
      range.load('values');
      await expect(context.sync()).rejects.toMatchObject({ code: 'ItemNotFound' });
    });
  });

  it('when a sheet name is taken, then adding it fails with ItemAlreadyExists', async () => {
    const excel = createSimulatedExcel();
    await excel.run(async (context) => {
      context.workbook.worksheets.add('sheet1');
      await expect(context.sync()).rejects.toMatchObject({ code: 'ItemAlreadyExists' });
    });
  });

  it('when a batch is synced, then syncCount counts one request and lastRequestBytes its size', async () => {
    const excel = createSimulatedExcel();
    const before = excel.workbook.counters.syncCount;
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem('Sheet1').getRange('A1:B1').values = [['abc', 'def']];
      context.workbook.worksheets.getItem('Sheet1').getRange('A2').values = [['ghi']];
      await context.sync();
    });
    expect(excel.workbook.counters.syncCount - before).toBe(1);
    expect(excel.workbook.counters.lastRequestBytes).toBeGreaterThan(JSON.stringify([['abc', 'def']]).length);
  });

  it('when a read would return more than 5 MB, then the request fails with ResponsePayloadSizeLimitExceeded', async () => {
    const wb = new SimulatedWorkbook();
    const sheet = wb.sheet('Sheet1')!;
    for (let r = 0; r < 60000; r++) sheet.at(r, 0).value = 'y'.repeat(90);
    const excel = createSimulatedExcel(wb);
    await excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Sheet1').getRangeByIndexes(0, 0, 60000, 1);
      range.load('values');
      await expect(context.sync()).rejects.toMatchObject({ code: 'ResponsePayloadSizeLimitExceeded' });
    });
  });
});

describe('simulated Excel API: protection and validation', () => {
  it('when a sheet is protected, then changing formats or validation fails with InvalidOperation', async () => {
    const excel = createSimulatedExcel();
    await excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('Sheet1');
      ws.protection.protect();
      await context.sync();
      ws.getRange('A1').format.fill.color = '#FF0000';
      await expect(context.sync()).rejects.toMatchObject({ code: 'InvalidOperation' });
      ws.getRange('A1').dataValidation.rule = { list: { inCellDropDown: true, source: 'a,b' } };
      await expect(context.sync()).rejects.toMatchObject({ code: 'InvalidOperation' });
    });
    expect(excel.workbook.cell('Sheet1', 0, 0).fill).toBeUndefined();
  });

  it('when the API writes a value outside a cell\'s list, then it is stored (the API bypasses validation, as in Excel)', async () => {
    const excel = createSimulatedExcel();
    await excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Sheet1').getRange('A1');
      range.dataValidation.rule = { list: { inCellDropDown: true, source: 'Gold,Silver' } };
      range.values = [['Bronze']];
      await context.sync();
    });
    expect(excel.workbook.cell('Sheet1', 0, 0)).toMatchObject({ value: 'Bronze', list: ['Gold', 'Silver'] });
    expect(excel.workbook.userEdit('Sheet1', 0, 0, 'Copper')).toEqual({ ok: false, message: "This value doesn't match the data validation restrictions defined for this cell." });
  });

  it('when a list source is a range on another sheet, then the cell offers that range\'s values', async () => {
    const excel = createSimulatedExcel();
    await excel.run(async (context) => {
      context.workbook.worksheets.add('Lists');
      await context.sync();
      context.workbook.worksheets.getItem('Lists').getRange('A1:A3').values = [['Gold'], ['Silver'], ['']];
      context.workbook.worksheets.getItem('Sheet1').getRange('B2:B5').dataValidation.rule = { list: { inCellDropDown: true, source: '=Lists!$A$1:$A$40' } };
      await context.sync();
    });
    expect(excel.workbook.cell('Sheet1', 3, 1).list).toEqual(['Gold', 'Silver']);
    expect(excel.workbook.cell('Sheet1', 5, 1).list).toBeUndefined();
  });

  it('when entire columns are unlocked, then cells in them are unlocked without one entry per row', async () => {
    const excel = createSimulatedExcel();
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem('Sheet1').getRange('C:C').format.protection.locked = false;
      await context.sync();
    });
    expect(excel.workbook.cell('Sheet1', 900000, 2).locked).toBe(false);
    expect(excel.workbook.cell('Sheet1', 0, 3).locked).toBe(true);
    expect(excel.workbook.sheet('Sheet1')!.rows.length).toBe(0);
  });
});

describe('simulated Excel API: events and selection', () => {
  it('when the API writes values, then onChanged fires after the request, not during it', async () => {
    const excel = createSimulatedExcel();
    const events: string[] = [];
    await excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('Sheet1');
      ws.onChanged.add(async (e) => {
        events.push(e.address);
      });
      await context.sync();
      ws.getRange('B2:C3').values = [[1, 2], [3, 4]];
      await context.sync();
      expect(events).toEqual([]);
    });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(events).toEqual(['B2:C3']);
  });

  it('when a handler is removed through the context that added it, then it no longer fires', async () => {
    const excel = createSimulatedExcel();
    const events: string[] = [];
    const added = await excel.run(async (context) => {
      const result = context.workbook.worksheets.getItem('Sheet1').onChanged.add(async (e) => {
        events.push(e.address);
      });
      await context.sync();
      return result;
    });
    excel.workbook.userEdit('Sheet1', 0, 0, 'a');
    await excel.run(added.context, async (context) => {
      added.remove();
      await context.sync();
    });
    excel.workbook.userEdit('Sheet1', 0, 0, 'b');
    expect(events).toEqual(['A1']);
  });

  it('when several areas are selected, then getSelectedRange fails and getSelectedRanges lists every area', async () => {
    const excel = createSimulatedExcel();
    excel.workbook.userSelectAreas('Sheet1', [
      { row: 1, column: 0, rowCount: 2, columnCount: 1 },
      { row: 6, column: 2, rowCount: 1, columnCount: 1 },
    ]);
    await excel.run(async (context) => {
      const single = context.workbook.getSelectedRange().load('address');
      await expect(context.sync()).rejects.toMatchObject({ code: 'InvalidSelection' });
      expect(() => single.address).toThrow(/not available/);
      const ranges = context.workbook.getSelectedRanges();
      ranges.areas.load('rowIndex, rowCount');
      await context.sync();
      expect(ranges.areas.items.map((r) => [r.rowIndex, r.rowCount])).toEqual([[1, 2], [6, 1]]);
    });
  });

  it('when a person selects cells, then onSelectionChanged fires', async () => {
    const excel = createSimulatedExcel();
    const events: string[] = [];
    await excel.run(async (context) => {
      context.workbook.worksheets.onSelectionChanged.add(async (e) => {
        events.push(e.address);
      });
      await context.sync();
    });
    excel.workbook.userSelect('Sheet1', { row: 2, column: 1, rowCount: 2, columnCount: 2 });
    expect(events).toEqual(['B3:C4']);
  });
});

describe('simulated user actions: rows', () => {
  it('when a person inserts rows, then conditional fills below move down and the ones covering the row above grow', () => {
    const wb = new SimulatedWorkbook();
    const sheet = wb.sheet('Sheet1')!;
    sheet.conditionalFills.push({ row: 2, column: 0, rowCount: 3, columnCount: 1, equals: 'x', fill: '#111111' });
    sheet.conditionalFills.push({ row: 10, column: 0, rowCount: 1, columnCount: 1, equals: 'x', fill: '#222222' });
    expect(wb.userInsertRows('Sheet1', 5, 2)).toEqual({ ok: true });
    expect(sheet.conditionalFills.map((f) => [f.row, f.rowCount])).toEqual([[2, 5], [12, 1]]);
  });

  it('when a protected sheet does not allow inserting rows, then a person cannot', () => {
    const wb = new SimulatedWorkbook();
    wb.sheet('Sheet1')!.protectedWith = {};
    expect(wb.userInsertRows('Sheet1', 1, 1)).toEqual({ ok: false, message: expect.stringMatching(/protected/) });
  });

  it('when a person pastes over a locked cell of a protected sheet, then the paste is refused', () => {
    const wb = new SimulatedWorkbook();
    wb.sheet('Sheet1')!.protectedWith = { allowInsertRows: true };
    expect(wb.userPaste('Sheet1', 0, 0, [['x']]).ok).toBe(false);
    expect(wb.cell('Sheet1', 0, 0).value).toBe('');
  });
});
