/**
 * Keyset paging over HTTP for every kind that pages: read page by page (the cursor of one page starts the next), the
 * rows are the whole download, each once, in its order, also where rows share every sort value but the last.
 */
import { sql } from 'kysely';
import { createHarness, type Harness } from '../test-support/api-harness';
import { dialects } from '../test-support/databases';
import { batchClient, enrollment } from '../workbooks/enrollment-batches/test-batches';

jest.setTimeout(120000);
const DATE = '2026-01-01';
type Page = { rows: Array<{ key: string }>; total?: number; nextCursor: string | null };

describe.each(dialects)('keyset paging on %s', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness(dialect, 12);
    const db = h.database.db;
    // Ties: five group records of one person in effect at once (as a hand-made change could leave them: only the key
    // tells them apart), and three contacts of one person with the same name and birth date (only the id does).
    await sql`insert into person_benefit_groups (key, effective_start_date, effective_end_date, version, person_id, benefit_group_id)
      select 'tie-' || n, '2025-01-01', '4712-12-31', 1, (select id from persons where person_number = 'P10003'), (select min(id) from benefit_groups)
      from generate_series(1, 5) n`.execute(db);
    await sql`insert into person_contacts (person_id, name, relationship, date_of_birth)
      select (select id from persons where person_number = 'P10002'), 'Sam Twin', 'Child', '2015-05-05' from generate_series(1, 3)`.execute(db);
    const b = batchClient(h);
    await b.insert('Paged', [
      enrollment('P10001', { closeLifeEvent: 'No' }),
      enrollment('P10001', { planName: 'Basic Life', optionName: '1x Salary' }),
      enrollment('P10002', { planName: 'Dental', optionName: 'Basic' }),
      enrollment('P10004', { effectiveDate: '2020-03-01', lifeEventOccurredDate: '2020-03-01', rateAmount: 180 }),
      ...['P10005', 'P10006', 'P10007', 'P10008', 'P10009'].map((p) => enrollment(p, { planName: 'Dental', optionName: 'Basic' })),
    ]);
    expect(await b.process('Paged')).toMatchObject({ errors: 0 });
  });
  afterAll(() => h.close());

  const page = async (kind: string, query: Record<string, unknown>): Promise<Page> => (await h.get(`/api/workbooks/${kind}/rows`, query).expect(200)).body;

  /** Every page from the first, following the cursors. */
  async function allPages(kind: string, scope: Record<string, unknown>, limit: number): Promise<Page[]> {
    const pages = [await page(kind, { ...scope, limit })];
    while (pages[pages.length - 1].nextCursor !== null) {
      expect(pages.length).toBeLessThan(1000);
      pages.push(await page(kind, { ...scope, limit, after: pages[pages.length - 1].nextCursor }));
    }
    return pages;
  }

  const cases: Array<[string, Record<string, unknown>]> = [
    ['person-benefit-groups', { effectiveDate: DATE }],
    ['person-benefit-balances', { effectiveDate: DATE }],
    ['person-habits', { effectiveDate: DATE }],
    ['benefit-enrollments', { batchName: 'Paged' }],
    ['participant-contacts', { effectiveDate: DATE }],
    ['enrollment-results', { effectiveDate: '2020-01-01' }],
  ];

  it.each(cases)('when %s is read in pages, then every row comes once, in the order of the whole download', async (kind, scope) => {
    const whole = await page(kind, { ...scope, limit: 10000 });
    expect(whole.nextCursor).toBeNull();
    expect(whole.rows.length).toBeGreaterThan(7);
    const keys = whole.rows.map((r) => r.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const limit of [1, 3, 7]) {
      const pages = await allPages(kind, scope, limit);
      expect(pages.flatMap((p) => p.rows.map((r) => r.key))).toEqual(keys);
      expect(pages.every((p) => p.rows.length === limit || p === pages[pages.length - 1])).toBe(true);
      // The total is counted once, for the first page.
      expect(pages[0].total).toBe(keys.length);
      expect(pages.slice(1).every((p) => p.total === undefined)).toBe(true);
    }
  });

  it('when rows share every sort value but the key, then paging one row at a time still gives each of them once', async () => {
    const pages = await allPages('person-benefit-groups', { effectiveDate: DATE }, 1);
    const ties = pages.flatMap((p) => p.rows.map((r) => r.key)).filter((k) => k.startsWith('tie-'));
    expect(ties).toEqual(['tie-1', 'tie-2', 'tie-3', 'tie-4', 'tie-5']);
  });

  it('when the cursor is not one the server gave, then the answer is 400 in plain words, not 500', async () => {
    for (const after of ['not-a-cursor', Buffer.from('{"a":1}').toString('base64url'), Buffer.from('[1,2,3,4,5,6,7]').toString('base64url')]) {
      const res = await h.get('/api/workbooks/person-benefit-groups/rows', { effectiveDate: DATE, after }).expect(400);
      expect(res.body.error.message).toMatch(/download the rows again/);
    }
  });
});
