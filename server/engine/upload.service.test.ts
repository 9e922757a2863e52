/** The upload engine on a table of its own (no kind's rules), on PGlite and, when reachable, PostgreSQL. */
import { randomUUID } from 'node:crypto';
import { sql, type KyselyPlugin } from 'kysely';
import type { UploadRow } from '../../src/contract/api';
import { dialects, withTestDatabase } from '../test-support/databases';
import { uploadChunk } from './upload.service';
import { displayedRecords, splitBefore } from './effective-dated.repository';
import { text } from './values';
import { toDownloadPage, type Db, type EffectiveDatedKind } from './workbook-kind';

jest.setTimeout(60000);

const TABLE = 'engine_test_records';

/** A kind with no rules of its own: whatever the database refuses is refused only by the database. */
const testKind: EffectiveDatedKind = {
  definition: {
    kind: 'engine-test',
    title: 'Engine test',
    description: '',
  scope: 'effective-date',
    columns: [{ key: 'label', header: 'Label', type: 'text', editable: true, enterable: true, required: true }],
  },
  recordName: 'record',
  table: TABLE,
  attributes: { label: 'text' },
  lists: async () => ({}),
  async download(db, date, page) {
    const keys = page.keys && !page.before ? sql`and r.key in (select jsonb_array_elements_text(${JSON.stringify(page.keys)}::jsonb))` : sql``;
    const after = page.after ? sql`and r.key > ${String(page.after[0])}` : sql``;
    const { rows } = await sql<{ key: string; version: number; label: string; place: string[] }>`
      select r.key, r.version, r.label, jsonb_build_array(r.key) as place ${page.before ? sql`, r.as_before` : sql``} from ${displayedRecords(TABLE, page)}
      where ${date}::date between r.effective_start_date and r.effective_end_date ${keys} ${after}
      order by r.key limit ${page.limit}`.execute(db);
    return toDownloadPage(splitBefore(rows, page), (r) => ({ label: r.label }));
  },
  resolve: async (_db, inputs) => inputs.map(({ row }) => ({ errors: [], attributes: { label: text(row.values.label) } })),
};

function countingQueries(db: Db): { db: Db; count: () => number } {
  let count = 0;
  const plugin: KyselyPlugin = {
    transformQuery: (args) => {
      count += 1;
      return args.node;
    },
    transformResult: async (args) => args.result,
  };
  return { db: db.withPlugin(plugin), count: () => count };
}

describe.each(dialects)('upload engine on %s', (dialect) => {
  const test = withTestDatabase(dialect);

  beforeAll(async () => {
    await sql`
      create table engine_test_records (
        key text not null, effective_start_date date not null, effective_end_date date not null, version integer not null,
        label text not null check (label <> 'refused'),
        primary key (key, effective_start_date))`.execute(test.database.db);
  });

  const labels = async () => (await sql<{ label: string }>`select label from engine_test_records order by label`.execute(test.database.db)).rows.map((r) => r.label);
  const inserts = (names: string[]): UploadRow[] => names.map((label, i) => ({ rowId: i + 1, op: 'insert', values: { label } }));
  const actor = { username: 'engine-test', population: undefined, requestId: 'engine-test' };
  const upload = (rows: UploadRow[], db: Db = test.database.db) => uploadChunk(db, testKind, { idempotencyKey: randomUUID(), effectiveDate: '2026-01-01', rows }, actor);

  it('when the database refuses one row of a bulk write, then that row alone fails and the others are saved', async () => {
    const { results } = await upload(inserts(['alpha', 'refused', 'bravo']));
    expect(results.map((r) => r.status)).toEqual(['Inserted', 'Upload Failed', 'Inserted']);
    expect(results[1].errors[0].message).toContain('could not save this row');
    expect(await labels()).toEqual(['alpha', 'bravo']);
  });

  it('when an update in a chunk is refused, then the other updates of the chunk are saved', async () => {
    const { rows } = await testKind.download(test.database.db, '2026-01-01', { limit: 10, population: undefined });
    const [a, b] = ['alpha', 'bravo'].map((label) => rows.find((r) => r.values.label === label)!);
    const { results } = await upload([
      { rowId: 1, op: 'update', key: a.key, version: a.version, values: { label: 'refused' } },
      { rowId: 2, op: 'update', key: b.key, version: b.version, values: { label: 'charlie' } },
    ]);
    expect(results.map((r) => r.status)).toEqual(['Upload Failed', 'Updated']);
    expect(await labels()).toEqual(['alpha', 'charlie']);
    expect(results[1].values).toEqual({ label: 'charlie' });
  });

  it('when a chunk grows from 10 to 400 rows, then the number of queries stays the same (set-based, not per row)', async () => {
    const small = countingQueries(test.database.db);
    await upload(inserts(Array.from({ length: 10 }, (_, i) => `small ${i}`)), small.db);
    const large = countingQueries(test.database.db);
    await upload(inserts(Array.from({ length: 400 }, (_, i) => `large ${i}`)), large.db);
    expect(large.count()).toBe(small.count());
    expect(small.count()).toBeLessThan(15);
  });
});
