/**
 * Reading rows in requests sized by what was read: the first block assumes rows as wide as the caller guesses, each
 * later one is as many rows as fit the block budget at the widest row read so far. Should rows turn out wider than
 * any before (Excel refuses the response), the block is read again in smaller pieces: slower, never a failure.
 */
import { AREA_OVERHEAD_BYTES, EXCEL_BLOCK_BUDGET_BYTES, jsonBytes } from '../core/request-size';
import type { HostCellValue, HostRead, WorkbookHost } from '../excel/workbook-host';

export interface RowRun {
  row: number;
  rowCount: number;
}

export interface ColumnSpan {
  column: number;
  columnCount: number;
}

export interface ReadOptions {
  /** Bytes a row (all its spans) is assumed to take before any has been read. */
  guessRowBytes: number;
  /** Told how many rows have been read so far, after each request. */
  onBlock?: (rowsRead: number) => void;
  budget?: number;
}

/** "A range is limited to 5,000,000 cells for read operations" ("Resource limits and performance optimization for Office Add-ins"). */
const READ_CELL_LIMIT = 5_000_000;
/** Rows may grow a little past the widest one read so far before the block is over budget. */
const GROWTH = 1.05;

/** Excel refused the request, or its answer, for its size. */
export function refusedForSize(error: unknown): boolean {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return code === 'ResponsePayloadSizeLimitExceeded' || code === 'RequestPayloadSizeLimitExceeded';
}

/** Sorted rows as runs of consecutive rows; runs closer than `gap` rows are read as one (the rows between come too). */
export function runsOf(rows: number[], gap = 0): RowRun[] {
  const runs: RowRun[] = [];
  for (const row of [...new Set(rows)].sort((a, b) => a - b)) {
    const last = runs[runs.length - 1];
    if (last && row <= last.row + last.rowCount + gap) last.rowCount = row - last.row + 1;
    else runs.push({ row, rowCount: 1 });
  }
  return runs;
}

/** Reads the spans of columns of every row in the runs; each row's cells are its spans side by side, in row order. */
export async function readRuns(host: WorkbookHost, sheet: string, runs: RowRun[], spans: ColumnSpan[], options: ReadOptions): Promise<Array<{ row: number; cells: HostCellValue[] }>> {
  const budget = options.budget ?? EXCEL_BLOCK_BUDGET_BYTES;
  const width = spans.reduce((n, s) => n + s.columnCount, 0);
  const maxRows = Math.max(1, Math.floor(READ_CELL_LIMIT / Math.max(...spans.map((s) => s.columnCount))));
  const queue = runs.filter((r) => r.rowCount > 0).map((r) => ({ ...r }));
  const out: Array<{ row: number; cells: HostCellValue[] }> = [];
  let rowBytes = Math.max(1, options.guessRowBytes);
  while (queue.length > 0) {
    // Fill one request: whole runs while they fit, then part of the next one.
    const pieces: RowRun[] = [];
    let planned = 0;
    while (queue.length > 0) {
      const run = queue[0];
      const overhead = AREA_OVERHEAD_BYTES * spans.length;
      const fit = Math.min(run.rowCount, maxRows, Math.floor((budget - planned - overhead) / rowBytes));
      if (fit < 1 && pieces.length > 0) break;
      const count = Math.max(1, fit);
      pieces.push({ row: run.row, rowCount: count });
      planned += overhead + count * rowBytes;
      if (count === run.rowCount) queue.shift();
      else Object.assign(run, { row: run.row + count, rowCount: run.rowCount - count });
    }
    const reads: HostRead[] = pieces.flatMap((p) => spans.map((s) => ({ sheet, area: { row: p.row, column: s.column, rowCount: p.rowCount, columnCount: s.columnCount } })));
    let answers: HostCellValue[][][];
    try {
      answers = (await host.readMany(reads)) as HostCellValue[][][];
    } catch (error) {
      const rows = pieces.reduce((n, p) => n + p.rowCount, 0);
      if (!refusedForSize(error) || rows === 1) throw error;
      // Wider rows than any read before: read these again, at four times the width.
      queue.unshift(...pieces);
      rowBytes *= 4;
      continue;
    }
    let widest = 0;
    pieces.forEach((piece, p) => {
      for (let i = 0; i < piece.rowCount; i++) {
        const cells: HostCellValue[] = [];
        let bytes = 0;
        spans.forEach((_, s) => {
          const part = answers[p * spans.length + s][i] ?? [];
          bytes += jsonBytes(part) + 1;
          cells.push(...part);
        });
        while (cells.length < width) cells.push('');
        widest = Math.max(widest, bytes);
        out.push({ row: piece.row + i, cells });
      }
    });
    // The first answer replaces the guess; later ones can only widen what a row is taken to be.
    rowBytes = out.length === pieces.reduce((n, p) => n + p.rowCount, 0) ? Math.max(1, widest * GROWTH) : Math.max(rowBytes, widest * GROWTH);
    options.onBlock?.(out.length);
  }
  return out;
}
