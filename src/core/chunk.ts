/** Splitting work into pieces that fit: upload chunks for the server, blocks for one Excel request. */
export function chunk<T>(items: T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

/** Rows per Excel request so that one request stays well under Excel on the web's 5 MB limit. */
export function rowsPerBlock(sampleRow: unknown[], budgetBytes = 2 * 1024 * 1024, max = 5000): number {
  const bytes = Math.max(16, JSON.stringify(sampleRow).length * 2); // room for wider rows than the sample
  return Math.max(1, Math.min(max, Math.floor(budgetBytes / bytes)));
}
