import { blocksBySize, chunk, contiguousRuns, rowsPerBlock } from './chunk';
import { jsonBytes } from './request-size';
import { MAX_ROWS_PER_CHUNK } from '../contract/api';

describe('chunk', () => {
  it('when 4500 rows are uploaded, then they go in chunks of at most the contract maximum, in order', () => {
    const rows = Array.from({ length: 4500 }, (_, i) => i);
    const chunks = chunk(rows, MAX_ROWS_PER_CHUNK);
    expect(chunks.map((c) => c.length)).toEqual([2000, 2000, 500]);
    expect(chunks.flat()).toEqual(rows);
  });

  it('when rows are written to Excel, then each block stays under the byte budget', () => {
    const rows = Array.from({ length: 1000 }, (_, i) => [`row ${i}`, 'x'.repeat(500)]);
    const blocks = blocksBySize(rows, 100000);
    expect(blocks.length).toBeGreaterThan(1);
    for (const block of blocks) expect(jsonBytes(block)).toBeLessThan(100000);
    expect(blocks.flat()).toEqual(rows);
    expect(blocksBySize([['x'.repeat(1000)]], 10)).toHaveLength(1); // a row too big alone still goes
  });

  it('when rows are read before they are known, then a block of rows fits the budget even at the assumed cell width', () => {
    expect(rowsPerBlock(12, 100, 2 * 1024 * 1024) * 12 * 100).toBeLessThanOrEqual(2 * 1024 * 1024);
    expect(rowsPerBlock(10000)).toBeGreaterThanOrEqual(1);
  });

  it('when rows to write back are scattered, then they make runs of consecutive rows, each no longer than the cap', () => {
    expect(contiguousRuns([7, 2, 3, 4, 9, 10, 3])).toEqual([{ row: 2, rowCount: 3 }, { row: 7, rowCount: 1 }, { row: 9, rowCount: 2 }]);
    expect(contiguousRuns([1, 2, 3, 4, 5], 2)).toEqual([{ row: 1, rowCount: 2 }, { row: 3, rowCount: 2 }, { row: 5, rowCount: 1 }]);
  });
});
