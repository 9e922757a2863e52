import { createOfficeHost } from './office-host';
import { createSimulatedExcel } from './simulated/excel-api';

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

  it('when 100,000 rows are written in blocks of 5,000, then every request stays under 5 MB', async () => {
    const { wb, host } = setup();
    await host.createSheet('Data');
    const row = ['', '', 'Updated', 'P10001', 'Ana Garcia', 'Salaried Employees', 46023, 2958465, 'pbg-000001', 3, 'a1b2c3d4', ''];
    for (let start = 0; start < 100000; start += 5000) {
      await host.writeValues('Data', 2 + start, 0, Array.from({ length: 5000 }, () => row));
    }
    expect(await host.usedRowCount('Data')).toBe(100002);
    expect(wb.counters.maxRequestBytes).toBeLessThan(5 * 1024 * 1024);
  });
});
