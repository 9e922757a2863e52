/** Reading and writing a prepared sheet's rows through the host, in blocks (never one request per row). */
import { blocksBySize, contiguousRuns, rowsPerBlock } from '../core/chunk';
import { changedFormula, COL, FIRST_DATA_ROW, readSheetRow, type Layout, type SheetRow } from '../core/sheet-layout';
import type { HostCellValue, WorkbookHost } from '../excel/workbook-host';
import type { ProgressListener } from './engine-types';
import type { SheetReader } from './row-locator';

/** Used rows are counted from this column: the Changed formulas of blank rows do not make a row used. */
export const USED_FROM = COL.markForDeletion;

export type CellAreaValues = { row: number; column: number; values: HostCellValue[][] };

export function sheetRows(host: WorkbookHost) {
  /** Reads rows [first, end), one Excel request per block. */
  async function readRange(sheet: string, layout: Layout, first: number, end: number, onBlock?: (done: number) => void): Promise<SheetRow[]> {
    const block = rowsPerBlock(layout.width);
    const rows: SheetRow[] = [];
    for (let start = first; start < end; start += block) {
      const count = Math.min(block, end - start);
      const values = await host.readValues(sheet, { row: start, column: 0, rowCount: count, columnCount: layout.width });
      values.forEach((cells, i) => rows.push(readSheetRow(layout, start + i, cells)));
      onBlock?.(rows.length);
    }
    return rows;
  }

  async function readRows(sheet: string, layout: Layout, onProgress?: ProgressListener): Promise<SheetRow[]> {
    const used = await host.usedRowCount(sheet, USED_FROM);
    const total = Math.max(0, used - FIRST_DATA_ROW);
    return readRange(sheet, layout, FIRST_DATA_ROW, used, (done) => onProgress?.({ phase: 'Finding changed rows', done, total }));
  }

  /** One request per batch of areas that fits the request budget, never one per row. */
  async function writeAreaBatches(sheet: string, areas: CellAreaValues[], unlockedOnly = false): Promise<void> {
    for (const batch of blocksBySize(areas)) await (unlockedOnly ? host.writeUnlockedAreas(sheet, batch) : host.writeAreas(sheet, batch));
  }

  /** Writes whole rows back (each with its Changed formula): runs of consecutive rows, many runs per Excel request. */
  async function writeRows(sheet: string, layout: Layout, cellsByRow: Map<number, HostCellValue[]>): Promise<void> {
    const areas = contiguousRuns([...cellsByRow.keys()], rowsPerBlock(layout.width)).map((run) => ({
      row: run.row,
      column: 0,
      values: Array.from({ length: run.rowCount }, (_, i) => withFormula(layout, run.row + i, padTo(cellsByRow.get(run.row + i) ?? [], layout.width))),
    }));
    await writeAreaBatches(sheet, areas);
  }

  /** The Changed formula of blank rows [first, end), where new records are entered. */
  async function writeEntryFormulas(sheet: string, layout: Layout, first: number, end: number): Promise<void> {
    const rows = Array.from({ length: end - first }, (_, i) => [changedFormula(layout, first + i)] as HostCellValue[]);
    let at = first;
    for (const block of blocksBySize(rows)) {
      await host.writeValues(sheet, at, COL.changed, block);
      at += block.length;
    }
  }

  function reader(sheet: string, layout: Layout): SheetReader {
    return {
      usedRows: () => host.usedRowCount(sheet, USED_FROM),
      rows: (first, end) => readRange(sheet, layout, first, end),
      async keys(first, end) {
        const keys: string[] = [];
        for (let start = first; start < end; start += 50000) {
          const values = await host.readValues(sheet, { row: start, column: layout.key, rowCount: Math.min(50000, end - start), columnCount: 1 });
          for (const [key] of values) keys.push(String(key ?? '').trim());
        }
        return keys;
      },
    };
  }

  return { readRange, readRows, writeRows, writeEntryFormulas, writeAreaBatches, reader };
}

export type SheetRows = ReturnType<typeof sheetRows>;

/** Writes one column's value into rows, in runs of consecutive rows, many runs per Excel request. */
export function columnAreas(column: number, valueByRow: Map<number, HostCellValue>): CellAreaValues[] {
  return contiguousRuns([...valueByRow.keys()], 50000).map((run) => ({
    row: run.row,
    column,
    values: Array.from({ length: run.rowCount }, (_, i) => [valueByRow.get(run.row + i) ?? '']),
  }));
}

/** The row's cells with its Changed formula (it names the row, so it is made where the row is written). */
export function withFormula(layout: Layout, row: number, cells: HostCellValue[]): HostCellValue[] {
  const copy = [...cells];
  copy[COL.changed] = changedFormula(layout, row);
  return copy;
}

export function padTo(cells: HostCellValue[], width: number): HostCellValue[] {
  return cells.length >= width ? cells.slice(0, width) : [...cells, ...Array<HostCellValue>(width - cells.length).fill('')];
}
