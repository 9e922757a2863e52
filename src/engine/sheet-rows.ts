/**
 * Reading and writing a prepared sheet's rows through the host: reads in blocks sized by what they measure
 * (block-reader.ts), writes gathered into requests filled up to the budget (request-batcher.ts).
 */
import { changedFormula, COL, FIRST_DATA_ROW, type Layout, type SheetRow } from '../core/sheet-layout';
import type { HostCellValue, WorkbookHost } from '../excel/workbook-host';
import { AREA_OVERHEAD_BYTES, EXCEL_BLOCK_BUDGET_BYTES } from '../core/request-size';
import { readRuns, refusedForSize, runsOf } from './block-reader';
import { changedSpans } from './changed-cells';
import { readWholeRows } from './changed-rows';
import type { ProgressListener } from './engine-types';
import { requestBatcher, type RequestBatcher } from './request-batcher';
import type { SheetReader } from './row-locator';

/** Used rows are counted from this column: the Changed formulas of blank rows do not make a row used. */
export const USED_FROM = COL.markForDeletion;

export type CellAreaValues = { row: number; column: number; values: HostCellValue[][] };

/**
 * How much of a row goes back: a row with a key already holds its Changed formula and the person's deletion mark,
 * so it is written from Status on; a failed row keeps its cells and only gets its Status and errors; a new row
 * (which may have been inserted by hand, without the formula) is written whole.
 */
export type WriteShape = 'whole' | 'fromStatus' | 'statusAndErrors';

/** Bytes a row's key takes when read: the engine's keys are 36-character ids. */
const KEY_ROW_BYTES = 44;

export function sheetRows(host: WorkbookHost) {
  /** Reads rows [first, end), in blocks sized by what they measure. */
  async function readRange(sheet: string, layout: Layout, first: number, end: number, onBlock?: (done: number) => void): Promise<SheetRow[]> {
    return readWholeRows(host, sheet, layout, Array.from({ length: Math.max(0, end - first) }, (_, i) => first + i), onBlock);
  }

  async function readRows(sheet: string, layout: Layout, onProgress?: ProgressListener): Promise<SheetRow[]> {
    const used = await host.usedRowCount(sheet, USED_FROM);
    const total = Math.max(0, used - FIRST_DATA_ROW);
    return readRange(sheet, layout, FIRST_DATA_ROW, used, (done) => onProgress?.({ phase: 'Finding changed rows', done, total }));
  }

  /** Areas of values in as few requests as fit (never one per row); `unlockedOnly` keeps the user's undo stack. */
  async function writeAreaBatches(sheet: string, areas: CellAreaValues[], unlockedOnly = false): Promise<void> {
    const batch = requestBatcher(host);
    for (const a of areas) await batch.write(sheet, a.row, a.column, a.values, { unlockedOnly });
    await batch.flush();
  }

  /**
   * Writes rows back (`shape` says how much of each), runs of consecutive rows, many runs per Excel request.
   * `before`: the rows' cells as read, when known; a 'fromStatus' row then gets only the cells that change.
   */
  async function writeRows(sheet: string, layout: Layout, cellsByRow: Map<number, HostCellValue[]>, shapeOf: (row: number) => WriteShape = () => 'whole', before?: Map<number, HostCellValue[]>): Promise<void> {
    const batch = requestBatcher(host);
    const byShape = new Map<WriteShape, number[]>();
    for (const row of cellsByRow.keys()) {
      const shape = shapeOf(row);
      const rows = byShape.get(shape);
      if (rows) rows.push(row); // never a copy per row: 100,000 rows would copy 5 billion
      else byShape.set(shape, [row]);
    }
    for (const [shape, rows] of byShape) {
      for (const run of runsOf(rows)) {
        const cells = Array.from({ length: run.rowCount }, (_, i) => withFormula(layout, run.row + i, padTo(cellsByRow.get(run.row + i) ?? [], layout.width)));
        if (shape === 'whole') await batch.write(sheet, run.row, 0, cells);
        else if (shape === 'fromStatus') {
          const was = Array.from({ length: run.rowCount }, (_, i) => before?.get(run.row + i));
          for (const span of changedSpans(cells, was, COL.status, layout.width)) {
            await batch.write(sheet, run.row, span.column, cells.map((c) => c.slice(span.column, span.column + span.columnCount)));
          }
        }
        else {
          await batch.write(sheet, run.row, COL.status, cells.map((c) => [c[COL.status]]));
          await batch.write(sheet, run.row, layout.errors, cells.map((c) => [c[layout.errors]]));
        }
      }
    }
    await batch.flush();
  }

  /** Queues the Changed formula of blank rows [first, end), where new records are entered. */
  async function writeEntryFormulas(batch: RequestBatcher, sheet: string, layout: Layout, first: number, end: number): Promise<void> {
    await batch.write(sheet, first, COL.changed, Array.from({ length: Math.max(0, end - first) }, (_, i) => [changedFormula(layout, first + i)]));
  }

  /** `usedBefore`: the used rows when the action read the sheet, so the keys come in the same request as the count. */
  function reader(sheet: string, layout: Layout, usedBefore = FIRST_DATA_ROW): SheetReader & { lastUsed?: number } {
    const reader: SheetReader & { lastUsed?: number } = {
      rows: (rows) => readWholeRows(host, sheet, layout, rows),
      async usedKeys() {
        // The count and the keys it is likely to cover, in one request; the rest (rows added since) after it.
        const head = Math.max(0, Math.min(usedBefore - FIRST_DATA_ROW, Math.floor((EXCEL_BLOCK_BUDGET_BYTES - AREA_OVERHEAD_BYTES) / KEY_ROW_BYTES)));
        const area = { row: FIRST_DATA_ROW, column: layout.key, rowCount: Math.max(1, head), columnCount: 1 };
        let used: number;
        let keys: HostCellValue[] = [];
        try {
          const [count, values] = await host.readMany([{ usedRows: sheet, fromColumn: USED_FROM }, { sheet, area }]);
          used = count;
          keys = values.slice(0, Math.max(0, Math.min(head, used - FIRST_DATA_ROW))).map(([key]) => key);
        } catch (error) {
          if (!refusedForSize(error)) throw error;
          used = await host.usedRowCount(sheet, USED_FROM); // longer keys than the engine makes: read them by measure
        }
        const from = FIRST_DATA_ROW + keys.length;
        const rest = used > from ? await readRuns(host, sheet, [{ row: from, rowCount: used - from }], [{ column: layout.key, columnCount: 1 }], { guessRowBytes: KEY_ROW_BYTES }) : [];
        reader.lastUsed = used;
        return { used, keys: [...keys, ...rest.map((r) => r.cells[0])].map((key) => String(key ?? '').trim()) };
      },
    };
    return reader;
  }

  return { readRange, readRows, writeRows, writeEntryFormulas, writeAreaBatches, reader };
}

export type SheetRows = ReturnType<typeof sheetRows>;

/** Writes one column's value into rows, in runs of consecutive rows, many runs per Excel request. */
export function columnAreas(column: number, valueByRow: Map<number, HostCellValue>): CellAreaValues[] {
  return runsOf([...valueByRow.keys()]).map((run) => ({
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
