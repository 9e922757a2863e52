import { changedSpans } from './changed-cells';

describe('changedSpans', () => {
  const wide = 'x'.repeat(1000);
  it('when only some columns of a run differ, then only those are written, small gaps between them included', () => {
    const before = [['', '', 'Old', wide, 'a', 1], ['', '', 'Old', wide, 'b', 1]];
    const after = [['', '', 'Updated', wide, 'a', 2], ['', '', 'Updated', wide, 'b', 2]];
    // Status (2) and version (5); the wide cell between them is not sent again.
    expect(changedSpans(after, before, 2, 6)).toEqual([{ column: 2, columnCount: 1 }, { column: 5, columnCount: 1 }]);
    const narrow = before.map((cells) => cells.map((c) => (c === wide ? 'w' : c)));
    const narrowAfter = after.map((cells) => cells.map((c) => (c === wide ? 'w' : c)));
    expect(changedSpans(narrowAfter, narrow, 2, 6)).toEqual([{ column: 2, columnCount: 4 }]);
  });

  it('when a row of the run was not read, or nothing differs, then the run is written whole or not at all', () => {
    expect(changedSpans([['', '', 'Updated', 'a']], [undefined], 2, 4)).toEqual([{ column: 2, columnCount: 2 }]);
    expect(changedSpans([['', '', 'Updated', 1]], [['', '', 'Updated', 1]], 2, 4)).toEqual([]);
  });
});
