import { createOfficeHost } from './office-host';
import { createSimulatedExcel } from './simulated/excel-api';

const column = (row: number, col: number, rowCount: number) => ({ row, column: col, rowCount, columnCount: 1 });

function setup() {
  const excel = createSimulatedExcel();
  return { excel, wb: excel.workbook, host: createOfficeHost(excel) };
}

describe('office host over the simulated Excel API', () => {
  it('when values are written to a protected sheet, then they land in one sync and the sheet stays protected', async () => {
    const { wb, host } = setup();
    await host.createSheet('Data');
    await host.protect('Data');
    const before = wb.counters.syncCount;
    await host.writeValues('Data', 2, 1, [['a', 1], ['b', 2]]);
    expect(wb.counters.syncCount - before).toBe(1);
    expect(wb.isProtected('Data')).toBe(true);
    expect(await host.readValues('Data', { row: 2, column: 1, rowCount: 2, columnCount: 2 })).toEqual([['a', 1], ['b', 2]]);
  });

  it('when a host that did not protect the sheet writes to it, then it reads the state first and still restores protection', async () => {
    const { excel, wb } = setup();
    const first = createOfficeHost(excel);
    await first.createSheet('Data');
    await first.protect('Data');
    const second = createOfficeHost(excel); // e.g. the pane was reloaded
    await second.writeValues('Data', 0, 0, [['x']]);
    expect(wb.cell('Data', 0, 0).value).toBe('x');
    expect(wb.isProtected('Data')).toBe(true);
  });

  it('when a sheet is formatted, then locks, shading, validation, number formats, conditional fills and frozen rows are applied in one sync', async () => {
    const { wb, host } = setup();
    await host.createSheet('Data');
    await host.createSheet('Lists', { hidden: true });
    await host.writeValues('Lists', 0, 0, [['Gold'], ['Silver']]);
    await host.writeValues('Data', 2, 0, [['', 46023, 'Inserted']]);
    const before = wb.counters.syncCount;
    await host.formatSheet('Data', {
      columns: [{ index: 0, width: 80 }, { index: 1, numberFormat: 'dd/mm/yyyy' }, { index: 3, hidden: true }],
      dataRows: { row: 2, rowCount: 10 },
      unlocked: [{ row: 2, column: 0, rowCount: 10, columnCount: 1 }],
      shaded: [{ row: 2, column: 1, rowCount: 10, columnCount: 1, fill: '#F2F2F2' }],
      bold: [{ row: 1, column: 0, rowCount: 1, columnCount: 3 }],
      validations: [{ row: 2, column: 0, rowCount: 10, columnCount: 1, source: '=Lists!$A$1:$A$2' }],
      conditionalFills: [{ row: 2, column: 2, rowCount: 10, columnCount: 1, equals: 'Inserted', fill: '#C6EFCE' }],
      freezeRows: 2,
    });
    await host.protect('Data');
    expect(wb.counters.syncCount - before).toBe(2);
    expect(wb.cell('Data', 2, 0)).toMatchObject({ locked: false, list: ['Gold', 'Silver'] });
    expect(wb.cell('Data', 2, 1)).toMatchObject({ locked: true, fill: '#F2F2F2', text: '01/01/2026' });
    expect(wb.cell('Data', 2, 2).fill).toBe('#C6EFCE');
    expect(wb.columnInfo('Data', 3).hidden).toBe(true);
    expect(wb.frozenRows('Data')).toBe(2);
    expect(wb.visibleSheetNames()).not.toContain('Lists');
    expect(wb.userEdit('Data', 2, 0, 'Bronze').ok).toBe(false);
    expect(wb.userEdit('Data', 2, 1, 'x').ok).toBe(false);
  });

  it('when a title-row input is formatted as text and outlined, then it holds text, and the simulated Excel (no borders) keeps its fill in one sync', async () => {
    const { wb, host } = setup();
    await host.createSheet('Data');
    const d1 = { row: 0, column: 3, rowCount: 1, columnCount: 1 };
    const before = wb.counters.syncCount;
    await host.formatSheet('Data', { columns: [], dataRows: { row: 2, rowCount: 5 }, unlocked: [d1], shaded: [{ ...d1, fill: '#FFF2CC' }], validations: [], textCells: [d1], outlined: [d1] });
    expect(wb.counters.syncCount - before).toBe(1);
    expect(wb.sheet('Data')!.formatOf(0, 3, 'numberFormat')).toBe('@');
    expect(wb.cell('Data', 0, 3)).toMatchObject({ locked: false, fill: '#FFF2CC' });
  });

  it('when a sheet of the same name exists, then createSheet replaces it', async () => {
    const { wb, host } = setup();
    await host.createSheet('Data');
    await host.writeValues('Data', 0, 0, [['old']]);
    await host.protect('Data');
    await host.createSheet('Data');
    expect(wb.cell('Data', 0, 0).value).toBe('');
    expect(wb.sheetNames().filter((n) => n === 'Data')).toHaveLength(1);
    expect(await host.activeSheet()).toBe('Data');
  });

  it('when rows are used and selected, then usedRowCount, getSelection and select report them', async () => {
    const { wb, host } = setup();
    await host.createSheet('Data');
    await host.writeValues('Data', 4, 0, [['x']]);
    expect(await host.usedRowCount('Data')).toBe(5);
    wb.userSelect('Data', { row: 3, column: 1, rowCount: 2, columnCount: 1 });
    expect(await host.getSelection()).toEqual({ sheet: 'Data', rows: [3, 4] });
    await host.select('Data', { row: 7, column: 0, rowCount: 1, columnCount: 3 });
    expect(wb.selection()).toMatchObject({ row: 7, rowCount: 1 });
  });

  it('when a setting is written, then it reads back, and a missing one is undefined', async () => {
    const { host } = setup();
    expect(await host.getSetting('x')).toBeUndefined();
    await host.setSetting('x', '{"a":1}');
    expect(await host.getSetting('x')).toBe('{"a":1}');
  });

  it('when a person types, then onCellsChanged reports the area; after unsubscribing it does not', async () => {
    const { wb, host } = setup();
    await host.createSheet('Data');
    const changes: unknown[] = [];
    const stop = await host.onCellsChanged('Data', (c) => changes.push(c));
    wb.userEdit('Data', 5, 2, 'x');
    expect(changes).toEqual([{ sheet: 'Data', row: 5, column: 2, rowCount: 1, columnCount: 1 }]);
    await stop();
    wb.userEdit('Data', 6, 2, 'y');
    expect(changes).toHaveLength(1);
  });

  it('when rows are deleted on a protected sheet, then they go and protection stays', async () => {
    const { wb, host } = setup();
    await host.createSheet('Data');
    await host.writeValues('Data', 0, 0, [['a'], ['b'], ['c']]);
    await host.protect('Data');
    await host.deleteRows('Data', 1, 1);
    expect([wb.cell('Data', 0, 0).value, wb.cell('Data', 1, 0).value]).toEqual(['a', 'c']);
    expect(wb.isProtected('Data')).toBe(true);
  });

  it('when 100,000 rows are written, then one request is over 5 MB but blocks of 5,000 rows stay under it', async () => {
    const { wb, host } = setup();
    await host.createSheet('Data');
    const row = ['', '', 'Updated', 'P10001', 'Ana Garcia', 'Salaried Employees', 46023, 2958465, 'pbg-000001', 3, 'a1b2c3d4', ''];
    const rows = (n: number) => Array.from({ length: n }, () => row);
    await expect(host.writeValues('Data', 2, 0, rows(100000))).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
    const whole = wb.counters.lastRequestBytes;
    const before = wb.counters.syncCount;
    wb.counters.maxRequestBytes = 0;
    for (let start = 0; start < 100000; start += 5000) await host.writeValues('Data', 2 + start, 0, rows(5000));
    expect(wb.counters.syncCount - before).toBe(20);
    expect(await host.usedRowCount('Data')).toBe(100002);
    expect(wb.counters.maxRequestBytes).toBeLessThan(5 * 1024 * 1024);
    console.log(`100,000 rows × 12 columns: ${whole} bytes in one request (refused); ${wb.counters.maxRequestBytes} bytes at most per 5,000-row block`);
  });
});

describe('office host: requests and protection state', () => {
  it('when a sheet is created, checked, activated and unprotected, then each call is one request (createSheet two: it must know whether the name is taken)', async () => {
    const { wb, host } = setup();
    const syncs = async (call: () => Promise<unknown>) => {
      const before = wb.counters.syncCount;
      await call();
      return wb.counters.syncCount - before;
    };
    expect(await syncs(() => host.createSheet('Data'))).toBe(2);
    expect(await syncs(() => host.createSheet('Other'))).toBe(2);
    expect(await syncs(() => host.activateSheet('Data'))).toBe(1);
    expect(await host.activeSheet()).toBe('Data');
    expect(await host.sheetExists('Other')).toBe(true);
    expect(await host.sheetExists('Missing')).toBe(false);
    expect(await syncs(() => host.protect('Data'))).toBe(1);
    expect(await host.isProtected('Data')).toBe(true);
    expect(await syncs(() => host.unprotect('Data'))).toBe(1);
    expect(await host.isProtected('Data')).toBe(false);
    expect(wb.isProtected('Data')).toBe(false);
  });

  it('when a host that did not protect the sheet writes to it, then it reads the state first (two syncs) and later writes take one', async () => {
    const { excel, wb } = setup();
    await createOfficeHost(excel).createSheet('Data');
    await createOfficeHost(excel).protect('Data');
    const host = createOfficeHost(excel);
    let before = wb.counters.syncCount;
    await host.writeValues('Data', 0, 0, [['x']]);
    expect(wb.counters.syncCount - before).toBe(2);
    before = wb.counters.syncCount;
    await host.writeValues('Data', 1, 0, [['y']]);
    expect(wb.counters.syncCount - before).toBe(1);
    expect(wb.isProtected('Data')).toBe(true);
  });

  it('when the person protects the sheet by hand after the host last saw it, then a write still lands and the sheet stays protected', async () => {
    const { wb, host } = setup();
    await host.createSheet('Data');
    wb.sheet('Data')!.protectedWith = { allowInsertRows: true }; // Review > Protect Sheet
    await host.writeValues('Data', 3, 0, [['late']]);
    expect(wb.cell('Data', 3, 0).value).toBe('late');
    expect(wb.isProtected('Data')).toBe(true);
  });

  it('when a sheet is protected by the host, then people may insert rows but not type into locked cells', async () => {
    const { wb, host } = setup();
    await host.createSheet('Data');
    await host.protect('Data');
    await host.protect('Data'); // protecting again is not an error for the host, though it is for Excel
    expect(wb.userInsertRows('Data', 2, 1)).toEqual({ ok: true });
    expect(wb.userEdit('Data', 0, 0, 'x').ok).toBe(false);
  });
});

describe('office host: formatting', () => {
  it('when a sheet grows and its new rows are formatted, then rows formatted earlier keep their unlocked cells and fills are not doubled', async () => {
    const { wb, host } = setup();
    await host.createSheet('Data');
    const format = (row: number, rowCount: number) => ({
      columns: [{ index: 1, numberFormat: 'm/d/yyyy' }],
      dataRows: { row, rowCount },
      unlocked: [column(row, 0, rowCount)],
      validations: [{ ...column(row, 0, rowCount), source: ['X'] }],
      conditionalFills: [{ ...column(row, 2, rowCount), equals: 'Say "no"', fill: '#FFC7CE', fontColor: '#9C0006' }],
    });
    await host.formatSheet('Data', format(2, 10));
    await host.formatSheet('Data', format(12, 10));
    await host.formatSheet('Data', format(12, 10)); // again: same result
    await host.writeValues('Data', 5, 1, [[46023, 'Say "no"']]);
    expect(wb.cell('Data', 5, 0)).toMatchObject({ locked: false, list: ['X'] });
    expect(wb.cell('Data', 15, 0)).toMatchObject({ locked: false, list: ['X'] });
    expect(wb.cell('Data', 5, 1)).toMatchObject({ locked: true, text: '1/1/2026' });
    expect(wb.cell('Data', 5, 2)).toMatchObject({ fill: '#FFC7CE', fontColor: '#9C0006' });
    expect(wb.sheet('Data')!.conditionalFills).toHaveLength(2);
  });

  it('when a sheet is formatted again with fewer editable columns, then the cells no longer editable are locked again', async () => {
    const { wb, host } = setup();
    await host.createSheet('Data');
    const rows = { row: 2, rowCount: 5 };
    await host.formatSheet('Data', { columns: [{ index: 3 }], dataRows: rows, unlocked: [column(2, 3, 5)], validations: [{ ...column(2, 3, 5), source: ['A'] }] });
    await host.formatSheet('Data', { columns: [{ index: 3 }], dataRows: rows, unlocked: [], validations: [] });
    expect(wb.cell('Data', 4, 3)).toMatchObject({ locked: true, list: undefined });
  });

  it('when an inline list would not fit a validation rule, then formatSheet says to use a range', async () => {
    const { host } = setup();
    await host.createSheet('Data');
    const long = Array.from({ length: 60 }, (_, i) => `Value ${i}`);
    await expect(
      host.formatSheet('Data', { columns: [], dataRows: { row: 2, rowCount: 1 }, unlocked: [], validations: [{ ...column(2, 0, 1), source: long }] }),
    ).rejects.toThrow(/range on a lists sheet/);
  });
});

describe('office host: selection and events', () => {
  it('when several areas are selected, then getSelection lists their rows once each, in order', async () => {
    const { wb, host } = setup();
    await host.createSheet('Data');
    await host.writeValues('Data', 0, 0, Array.from({ length: 10 }, () => ['x']));
    wb.userSelectAreas('Data', [
      { row: 6, column: 0, rowCount: 2, columnCount: 1 },
      { row: 2, column: 3, rowCount: 2, columnCount: 2 },
      { row: 7, column: 5, rowCount: 1, columnCount: 1 },
    ]);
    expect(await host.getSelection()).toEqual({ sheet: 'Data', rows: [2, 3, 6, 7] });
  });

  it('when whole columns are selected, then getSelection stops at the last used row', async () => {
    const { wb, host } = setup();
    await host.createSheet('Data');
    await host.writeValues('Data', 0, 0, [['a'], ['b'], ['c']]);
    wb.userSelect('Data', { row: 0, column: 0, rowCount: 1048576, columnCount: 2 });
    expect(await host.getSelection()).toEqual({ sheet: 'Data', rows: [0, 1, 2] });
  });

  it('when a person selects cells, then onSelectionChanged reports the rows; after unsubscribing it does not', async () => {
    const { wb, host } = setup();
    await host.createSheet('Data');
    const seen: unknown[] = [];
    const stop = await host.onSelectionChanged((selection) => seen.push(selection));
    wb.userSelect('Data', { row: 4, column: 0, rowCount: 2, columnCount: 1 });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(seen).toEqual([{ sheet: 'Data', rows: [4, 5] }]);
    await stop();
    wb.userSelect('Data', { row: 1, column: 0, rowCount: 1, columnCount: 1 });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(seen).toHaveLength(1);
  });

  it('when a person picks from a dropdown or pastes, then onCellsChanged stays silent (so the engine must not rely on it)', async () => {
    const { wb, host } = setup();
    await host.createSheet('Data');
    await host.formatSheet('Data', { columns: [], dataRows: { row: 0, rowCount: 5 }, unlocked: [column(0, 0, 5)], validations: [{ ...column(0, 0, 5), source: ['A', 'B'] }] });
    const changes: unknown[] = [];
    const stop = await host.onCellsChanged('Data', (c) => changes.push(c));
    expect(wb.userPickFromList('Data', 1, 0, 'A')).toEqual({ ok: true });
    expect(wb.userPaste('Data', 2, 0, [['B']])).toEqual({ ok: true });
    expect(changes).toEqual([]);
    await stop();
  });
});

describe('office host, scattered writes', () => {
  it('when several separate areas are written, then they land in one request on a protected sheet, and it stays protected', async () => {
    const { wb, host } = setup();
    await host.createSheet('Data');
    await host.protect('Data');
    await host.unprotect('Data');
    await host.protect('Data');
    const before = wb.counters.syncCount;
    await host.writeAreas('Data', [
      { row: 2, column: 0, values: [['a', 1]] },
      { row: 40, column: 0, values: [['b', 2], ['c', 3]] },
      { row: 900, column: 1, values: [['d']] },
    ]);
    expect(wb.counters.syncCount - before).toBe(1);
    expect([wb.cell('Data', 2, 0).value, wb.cell('Data', 41, 1).value, wb.cell('Data', 900, 1).value]).toEqual(['a', 3, 'd']);
    expect(wb.isProtected('Data')).toBe(true);
  });
});
