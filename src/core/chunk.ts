/** Splitting work into pieces that fit: upload chunks for the server, blocks for one Excel request. */

import { EXCEL_BLOCK_BUDGET_BYTES, jsonBytes } from './request-size';

export function chunk<T>(items: T[], size: number): T[][] {
  if (size < 1) throw new RangeError('A chunk holds at least one item.');
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

/** Consecutive blocks of rows, each under the byte budget (a single larger row still gets its own block). */
export function blocksBySize<T>(rows: T[], budgetBytes = EXCEL_BLOCK_BUDGET_BYTES): T[][] {
  const blocks: T[][] = [];
  let current: T[] = [];
  let bytes = 0;
  for (const row of rows) {
    const size = jsonBytes(row) + 1;
    if (current.length > 0 && bytes + size > budgetBytes) {
      blocks.push(current);
      current = [];
      bytes = 0;
    }
    current.push(row);
    bytes += size;
  }
  if (current.length > 0) blocks.push(current);
  return blocks;
}

/**
 * Rows per block at an assumed cell width. The engine no longer sizes by it (it measures what it sends and reads,
 * src/engine/block-reader.ts); kept for the benchmark's raw write of rows.
 */
export function rowsPerBlock(columnCount: number, cellBytes = 100, budgetBytes = 2 * 1024 * 1024, max = 5000): number {
  return Math.max(1, Math.min(max, Math.floor(budgetBytes / Math.max(1, columnCount * cellBytes))));
}

/** Sorted row numbers → runs of consecutive rows, each at most `maxRun` long. */
export function contiguousRuns(rows: number[], maxRun = Number.MAX_SAFE_INTEGER): Array<{ row: number; rowCount: number }> {
  const sorted = [...new Set(rows)].sort((a, b) => a - b);
  const runs: Array<{ row: number; rowCount: number }> = [];
  for (const r of sorted) {
    const last = runs[runs.length - 1];
    if (last && r === last.row + last.rowCount && last.rowCount < maxRun) last.rowCount++;
    else runs.push({ row: r, rowCount: 1 });
  }
  return runs;
}
