/** The adapter against the stricter simulated Excel: full-size input arrays, very hidden lists, tab switches. */
import { createOfficeHost } from './office-host';
import { createSimulatedExcel } from './simulated/excel-api';
import { unhideableSheets, visibilityOf } from './simulated/sheet-visibility';

function setup() {
  const excel = createSimulatedExcel();
  return { wb: excel.workbook, host: createOfficeHost(excel) };
}

const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('office host: number formats as Excel takes them', () => {
  it('when 100,000 rows get number formats, then every cell gets the format of its column, set once per column in one small request (Update all cells in a range)', async () => {
    const { wb, host } = setup();
    await host.createSheet('Data');
    const rowCount = 100000;
    const before = wb.counters.syncCount;
    await host.formatSheet('Data', {
      columns: [1, 2, 3, 4, 5, 6].map((index) => ({ index, numberFormat: index % 2 ? 'm/d/yyyy' : '@' })),
      dataRows: { row: 2, rowCount },
      unlocked: [],
      validations: [],
      textCells: [{ row: 0, column: 3, rowCount: 1, columnCount: 2 }],
    });
    const sheet = wb.sheet('Data')!;
    for (const row of [2, 50000, rowCount + 1]) {
      expect([1, 2, 3, 4, 5, 6].map((c) => sheet.formatOf(row, c, 'numberFormat'))).toEqual(['m/d/yyyy', '@', 'm/d/yyyy', '@', 'm/d/yyyy', '@']);
    }
    expect(sheet.formatOf(rowCount + 2, 1, 'numberFormat')).toBeUndefined();
    expect([3, 4].map((c) => sheet.formatOf(0, c, 'numberFormat'))).toEqual(['@', '@']);
    expect(wb.counters.syncCount - before).toBe(1);
    expect(wb.counters.maxRequestBytes).toBeLessThan(64 * 1024);
  });

  it('when a protected sheet is formatted in several requests, then it is protected again at the end', async () => {
    const { wb, host } = setup();
    await host.createSheet('Data');
    await host.protect('Data');
    await host.formatSheet('Data', { columns: [{ index: 1, numberFormat: '@' }], dataRows: { row: 2, rowCount: 300000 }, unlocked: [], validations: [] });
    expect(wb.isProtected('Data')).toBe(true);
    expect(wb.sheet('Data')!.formatOf(300001, 1, 'numberFormat')).toBe('@');
  });
});

describe('office host: the hidden lists sheet', () => {
  it('when a hidden sheet is created, then it is very hidden, and creating it again replaces it (Excel cannot delete a very hidden sheet)', async () => {
    const { wb, host } = setup();
    await host.createSheet('Lists', { hidden: true });
    await host.writeValues('Lists', 0, 0, [['old']]);
    expect(visibilityOf(wb.sheet('Lists')!)).toBe('VeryHidden');
    expect(unhideableSheets(wb)).toEqual([]);
    await host.createSheet('Lists', { hidden: true });
    expect(wb.sheetNames().filter((n) => n !== 'Sheet1')).toEqual(['Lists']);
    expect(visibilityOf(wb.sheet('Lists')!)).toBe('VeryHidden');
    expect(wb.cell('Lists', 0, 0).value).toBe('');
  });
});

describe('office host: sheet tab switches', () => {
  it('when the person switches tabs, then onSheetActivated names the sheet now on screen; after unsubscribing it does not', async () => {
    const { wb, host } = setup();
    await host.createSheet('Groups');
    await host.createSheet('Habits');
    await nextTask(); // the add-in's own activation of Habits is reported before anyone listens
    const seen: string[] = [];
    const stop = await host.onSheetActivated((sheet) => seen.push(sheet));
    wb.activate('Groups');
    for (let i = 0; i < 5 && seen.length === 0; i++) await nextTask();
    expect(seen).toEqual(['Groups']);
    await stop();
    wb.activate('Habits');
    for (let i = 0; i < 5; i++) await nextTask();
    expect(seen).toEqual(['Groups']);
  });
});
