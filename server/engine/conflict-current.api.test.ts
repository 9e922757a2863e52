/** A Conflict answers with the record as the server holds it now, so the pane can show both sides column by column. */
import { createHarness, type Harness } from '../test-support/api-harness';
import { dialects } from '../test-support/databases';

jest.setTimeout(180000);
const KIND = 'person-benefit-groups';
const DATE = '2026-01-01';

describe.each(dialects)('conflicts carry the current record on %s', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness(dialect, 10);
  });
  afterAll(() => h.close());

  it('when another user changed the row since download, then the Conflict carries their values and version, and nothing is overwritten', async () => {
    const mine = await h.rowFor(KIND, DATE, (v) => v.personNumber === 'P10001');
    const other = await h.rowFor(KIND, DATE, (v) => v.personNumber === 'P10002');
    const [theirs] = await h.upload(KIND, DATE, [{ rowId: 1, op: 'update', key: mine.key, version: mine.version, values: { benefitsGroup: 'Retirees' } }]);
    expect(theirs.status).toBe('Updated');

    const results = await h.upload(KIND, DATE, [
      { rowId: 5, op: 'update', key: mine.key, version: mine.version, values: { benefitsGroup: 'Executives' } },
      { rowId: 6, op: 'update', key: other.key, version: other.version, values: { benefitsGroup: 'Interns' } },
    ]);

    expect(results[0]).toMatchObject({ rowId: 5, status: 'Conflict', current: { key: mine.key, version: mine.version + 1, values: expect.objectContaining({ personNumber: 'P10001', benefitsGroup: 'Retirees' }) } });
    expect(results[1]).toMatchObject({ rowId: 6, status: 'Updated' });
    expect(results[1]).not.toHaveProperty('current');
    expect((await h.rowFor(KIND, DATE, (v) => v.personNumber === 'P10001')).values.benefitsGroup).toBe('Retirees');
  });

  it('when another user deleted the row since download, then the Conflict says so with current null', async () => {
    const row = await h.rowFor(KIND, DATE, (v) => v.personNumber === 'P10003');
    const [deleted] = await h.upload(KIND, DATE, [{ rowId: 1, op: 'delete', key: row.key, version: row.version, values: {} }]);
    expect(deleted.status).toBe('Deleted');
    const [result] = await h.upload(KIND, DATE, [{ rowId: 2, op: 'update', key: row.key, version: row.version, values: { benefitsGroup: 'Executives' } }]);
    expect(result).toMatchObject({ status: 'Conflict', current: null });
  });
});
