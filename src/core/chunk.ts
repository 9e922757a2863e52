/** Splitting work into pieces that fit: upload chunks for the server, blocks for one Excel request. */

/** Excel on the web refuses requests over 5 MB; a block aims well below that. */
export const EXCEL_BLOCK_BUDGET_BYTES = 2 * 1024 * 1024;

export function chunk<T>(items: T[], size: number): T[][] {
  if (size < 1) throw new RangeError('A chunk holds at least one item.');
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

/** Bytes a value takes in a request, as JSON text in UTF-16 (how Excel counts it, roughly). */
export function estimateJsonBytes(value: unknown): number {
  return (JSON.stringify(value)?.length ?? 0) * 2;
}

/** Consecutive blocks of rows, each under the byte budget (a single larger row still gets its own block). */
export function blocksBySize<T>(rows: T[], budgetBytes = EXCEL_BLOCK_BUDGET_BYTES): T[][] {
  const blocks: T[][] = [];
  let current: T[] = [];
  let bytes = 0;
  for (const row of rows) {
    const size = estimateJsonBytes(row) + 2;
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
 * Rows per read request, before the rows are known: assumes every cell as wide as `cellBytes`
 * (short values, with room for the hidden Errors JSON).
 */
export function rowsPerBlock(columnCount: number, cellBytes = 100, budgetBytes = EXCEL_BLOCK_BUDGET_BYTES, max = 5000): number {
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
