/**
 * Search before download over HTTP (issue 10, point 6): person numbers, name, group and status narrow every kind's
 * download in SQL; keyset paging and data access still hold; a bad value is a 400 in plain words, never a 500.
 */
import { sql } from 'kysely';
import { createHarness, type Harness } from '../test-support/api-harness';
import { dialects } from '../test-support/databases';
import { signInAs, type UserClient } from '../test-support/test-users';
import { batchClient, enrollment } from '../workbooks/enrollment-batches/test-batches';

jest.setTimeout(180000);
const DATE = '2026-01-01';
type Row = { key: string; values: Record<string, string | number | null> };
type Page = { rows: Row[]; total?: number; nextCursor: string | null; search?: object; unknownPersonNumbers?: string[] };

describe.each(dialects)('search before download on %s', (dialect) => {
  let h: Harness;
  let limited: UserClient;
  beforeAll(async () => {
    h = await createHarness(dialect, 30);
    limited = await signInAs(h, 'executives-search', { role: 'viewer', dataAccess: 'Executives' });
    const b = batchClient(h);
    await b.insert('Searched', [enrollment('P10001'), enrollment('P10002', { planName: 'Dental', optionName: 'Basic' }), enrollment('P10003', { createPotentialLifeEvent: 'No' }), enrollment('P10004')]);
    // P10003's line fails processing (ERROR); the others complete. Then a new line stays NEW.
    await b.process('Searched');
    await b.insert('Searched', [enrollment('P10006')]);
  });
  afterAll(() => h.close());

  /** Every page of a download, following the cursors, as `who` sees it. */
  async function allPages(kind: string, query: Record<string, unknown>, limit: number, who: Pick<UserClient, 'get'> = h): Promise<Page[]> {
    const pages: Page[] = [(await who.get(`/api/workbooks/${kind}/rows`, { ...query, limit }).expect(200)).body];
    while (pages[pages.length - 1].nextCursor !== null) {
      expect(pages.length).toBeLessThan(500);
      pages.push((await who.get(`/api/workbooks/${kind}/rows`, { ...query, limit, after: pages[pages.length - 1].nextCursor }).expect(200)).body);
    }
    return pages;
  }
  const whole = async (kind: string, scope: Record<string, unknown>) => (await h.get(`/api/workbooks/${kind}/rows`, { ...scope, limit: 10000 }).expect(200)).body.rows as Row[];

  /** The search, read in pages of 2, gives exactly the whole download's matching rows, once each, in order, totalled on page 1. */
  async function expectSearch(kind: string, scope: Record<string, unknown>, search: Record<string, string>, match: (v: Row['values']) => boolean) {
    const expected = (await whole(kind, scope)).filter((r) => match(r.values)).map((r) => r.key);
    expect(expected.length).toBeGreaterThan(2); // more than a page: the cursor must carry the search along
    const pages = await allPages(kind, { ...scope, ...search }, 2);
    expect(pages.flatMap((p) => p.rows.map((r) => r.key))).toEqual(expected);
    expect(pages[0].total).toBe(expected.length);
    return pages;
  }

  it('when person numbers are pasted with commas, spaces, tabs and line breaks, then only their rows come, page by page, and unknown numbers are named', async () => {
    const pasted = 'P10001, P10002\tP10004\nP10005\r\nP10007;P10999  P10002';
    const wanted = ['P10001', 'P10002', 'P10004', 'P10005', 'P10007'];
    const pages = await expectSearch('person-benefit-groups', { effectiveDate: DATE }, { personNumbers: pasted }, (v) => wanted.includes(String(v.personNumber)));
    expect(pages[0].unknownPersonNumbers).toEqual(['P10999']);
    expect(pages[0].search).toEqual({ personNumbers: ['P10001', 'P10002', 'P10004', 'P10005', 'P10007', 'P10999'] });
    expect(pages[1]).not.toHaveProperty('unknownPersonNumbers');
  });

  it('when searching by name, group, or both, then the rows are those whose name contains it (any case) and whose group is it', async () => {
    await expectSearch('person-benefit-groups', { effectiveDate: DATE }, { name: 'A' }, (v) => String(v.personName).toLowerCase().includes('a'));
    const pages = await expectSearch('person-benefit-groups', { effectiveDate: DATE }, { group: 'executives' }, (v) => v.benefitsGroup === 'Executives');
    expect(pages[0].search).toEqual({ group: 'Executives' }); // as the list spells it
    const both = await allPages('person-benefit-groups', { effectiveDate: DATE, group: 'Executives', name: 'a' }, 2);
    const rows = both.flatMap((p) => p.rows);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.values.benefitsGroup === 'Executives' && String(r.values.personName).toLowerCase().includes('a'))).toBe(true);
    // The user's % and _ are letters, not wildcards.
    expect((await allPages('person-benefit-groups', { effectiveDate: DATE, name: '%' }, 50)).flatMap((p) => p.rows)).toEqual([]);
  });

  it('when each other kind is searched by its own group and status, then only matching rows come, page by page', async () => {
    await expectSearch('person-benefit-balances', { effectiveDate: DATE }, { group: 'Flex Credits' }, (v) => v.balanceName === 'Flex Credits');
    await expectSearch('person-habits', { effectiveDate: DATE }, { group: 'Non-tobacco user' }, (v) => v.tobaccoUse === 'Non-tobacco user');
    await expectSearch('participant-contacts', { effectiveDate: DATE }, { group: 'child', personNumbers: 'P10001 P10002 P10004 P10005' }, (v) => v.relationship === 'Child' && ['P10001', 'P10002', 'P10004', 'P10005'].includes(String(v.personNumber)));
    await expectSearch('enrollment-results', { effectiveDate: '2020-01-01' }, { group: 'Participant Enrollment' }, (v) => v.recordType === 'Participant Enrollment');
    await expectSearch('benefit-enrollments', { batchName: 'Searched' }, { status: 'complete' }, (v) => v.rowBatchStatus === 'COMPLETE');
    const error = await allPages('benefit-enrollments', { batchName: 'Searched', status: 'ERROR' }, 2);
    expect(error.flatMap((p) => p.rows.map((r) => r.values.personNumber))).toEqual(['P10003']);
    const fresh = await allPages('benefit-enrollments', { batchName: 'Searched', status: 'NEW', group: 'Participant Enrollment' }, 2);
    expect(fresh.flatMap((p) => p.rows.map((r) => r.values.personNumber))).toEqual(['P10006']);
  });

  it('when every kind that downloads is searched by person number and by name, then it narrows', async () => {
    const cases: Array<[string, Record<string, unknown>]> = [
      ['person-benefit-groups', { effectiveDate: DATE }],
      ['person-benefit-balances', { effectiveDate: DATE }],
      ['person-habits', { effectiveDate: DATE }],
      ['benefit-enrollments', { batchName: 'Searched' }],
      ['participant-contacts', { effectiveDate: DATE }],
      ['enrollment-results', { effectiveDate: '2020-01-01' }],
      ['change-history', { effectiveDate: '2020-01-01' }],
      ['employee-benefits', { effectiveDate: DATE }],
      ['employee-benefit-dependents', { effectiveDate: DATE }],
    ];
    const names = new Map((await whole('person-benefit-groups', { effectiveDate: DATE })).map((r) => [r.values.personNumber, String(r.values.personName)]));
    for (const [kind, scope] of cases) {
      const all = await whole(kind, scope);
      const numbered = all.filter((r) => r.values.personNumber === 'P10002');
      expect({ kind, some: numbered.length > 0 }).toEqual({ kind, some: true });
      expect({ kind, rows: (await whole(kind, { ...scope, personNumbers: 'P10002' })).map((r) => r.key) }).toEqual({ kind, rows: numbered.map((r) => r.key) });
      const named = all.filter((r) => (names.get(r.values.personNumber) ?? '').toLowerCase().includes(names.get('P10002')!.slice(0, 4).toLowerCase()));
      const byName = await whole(kind, { ...scope, name: names.get('P10002')!.slice(0, 4) });
      expect({ kind, rows: byName.map((r) => r.key) }).toEqual({ kind, rows: named.map((r) => r.key) });
    }
  });

  it('when benefit setup, rate grids and employee benefits are searched by their own fields, then only matching rows come', async () => {
    const plan = { effectiveDate: DATE, filter: 'Group Life' };
    await expectSearch('benefits', {}, { name: 'BLUE' }, (v) => String(v.provider).includes('BLUE'));
    await expectSearch('benefits', {}, { group: 'health' }, (v) => v.benefitCategory === 'Health');
    await expectSearch('benefit-categories', {}, { name: 'insurance' }, (v) => String(v.description).includes('Insurance'));
    await expectSearch('benefit-coverage-types', {}, { name: 'coverage' }, () => true);
    await expectSearch('benefit-rates', { effectiveDate: DATE }, { group: 'Health', status: 'individual' }, (v) => v.benefitCategory === 'Health' && v.coverageType === 'Individual');
    await expectSearch('employee-benefits', { effectiveDate: DATE }, { group: 'Health', status: 'blue shield-20%' }, (v) => v.benefitCategory === 'Health' && v.provider === 'BLUE SHIELD-20%');
    await expectSearch('rate-grid', plan, { group: '2x salary' }, (v) => v.benefitLevel === '2x Salary');
    await expectSearch('step-downs', plan, { group: '1x Salary' }, (v) => v.benefitLevel === '1x Salary');
    expect((await h.get('/api/workbooks/benefit-level-limits/rows', { ...plan, group: '1x Salary' }).expect(200)).body.rows.map((r: Row) => r.values.benefitLevel)).toEqual(['1x Salary']);
    const dependents = (await whole('employee-benefit-dependents', { effectiveDate: DATE, status: 'Spouse' })).map((r) => r.values.relationship);
    expect(dependents.length).toBeGreaterThan(0);
    expect(dependents.every((r) => r === 'Spouse')).toBe(true);
    // Setup holds no person's data: a search by person number is refused in plain words; an unknown category is named.
    expect((await h.get('/api/workbooks/benefit-rates/rows', { effectiveDate: DATE, personNumbers: 'P10002' }).expect(400)).body.error.message).toBe(
      'Benefit Rates holds no person\'s data, so it cannot be searched by person numbers. Search it by Provider, Benefit Category or Coverage Type.',
    );
    expect((await h.get('/api/workbooks/benefits/rows', { group: 'Helth' }).expect(400)).body.error.message).toMatch(/^There is no benefit category "Helth" to search for\. Use one of: Dental, Disability/);
  });

  it('when Group Life Plans, Benefit Levels and Employee Salaries are searched by their own fields, then only matching rows come', async () => {
    const keysOf = async (kind: string, query: Record<string, unknown>, who: Pick<UserClient, 'get'> = h) => (await allPages(kind, query, 2, who)).flatMap((p) => p.rows.map((r) => r.values));
    expect((await keysOf('group-life-plans', { name: 'LIFE' })).map((v) => v.plan)).toEqual(['Group Life']);
    expect(await keysOf('group-life-plans', { name: 'dental' })).toEqual([]);
    expect((await keysOf('group-life-plans', { group: 'x of salary' })).map((v) => v.basis)).toEqual(['X of Salary']);
    expect(await keysOf('group-life-plans', { group: '% of Salary' })).toEqual([]);
    expect((await keysOf('benefit-levels', { group: 'group life' })).map((v) => v.name)).toEqual(['1x Salary', '2x Salary']);
    expect((await keysOf('benefit-levels', { name: '2X' })).map((v) => v.name)).toEqual(['2x Salary']);
    // Employee Salaries holds persons: by person number and name like every person kind, and by gender.
    const salaries = await whole('employee-salaries', { effectiveDate: DATE });
    const chosen = [1, 3, 5].map((i) => String(salaries[i].values.personNumber));
    await sql`update persons set gender = case when person_number in (${sql.join(chosen)}) then 'Female' else 'Male' end`.execute(h.database.db);
    expect(salaries.length).toBeGreaterThan(2);
    expect((await keysOf('employee-salaries', { effectiveDate: DATE, personNumbers: 'P10002 P10004' })).map((v) => v.personNumber)).toEqual(['P10002', 'P10004']);
    expect((await keysOf('employee-salaries', { effectiveDate: DATE, group: 'female' })).map((v) => [v.personNumber, v.gender])).toEqual(chosen.map((n) => [n, 'Female']));
    const name = String(salaries[0].values.personName).slice(0, 4);
    expect((await keysOf('employee-salaries', { effectiveDate: DATE, name })).map((v) => v.personNumber)).toEqual(salaries.filter((r) => String(r.values.personName).toLowerCase().includes(name.toLowerCase())).map((r) => r.values.personNumber));
    // A user limited to Executives finds only salaries of persons in the population; the others answer as unknown.
    const executives = (await whole('person-benefit-groups', { effectiveDate: DATE })).filter((r) => r.values.benefitsGroup === 'Executives').map((r) => String(r.values.personNumber));
    const other = salaries.map((r) => String(r.values.personNumber)).find((n) => !executives.includes(n))!;
    const seen = await allPages('employee-salaries', { effectiveDate: DATE, personNumbers: [executives[0], other].join(',') }, 2, limited);
    expect(seen.flatMap((p) => p.rows.map((r) => r.values.personNumber))).toEqual([executives[0]]);
    expect(seen[0].unknownPersonNumbers).toEqual([other]);
    // What they cannot be searched by is a plain 400.
    const refused = async (kind: string, query: Record<string, unknown>) => (await h.get(`/api/workbooks/${kind}/rows`, query).expect(400)).body.error.message;
    expect(await refused('group-life-plans', { personNumbers: 'P10002' })).toBe('Group Life Plans holds no person\'s data, so it cannot be searched by person numbers. Search it by Plan or X of Salary or % of Salary.');
    expect(await refused('benefit-levels', { status: 'Open' })).toBe('Benefit Levels cannot be searched by status. Search it by Code or benefit level or Plan.');
    expect(await refused('benefit-levels', { group: 'Dental' })).toMatch(/^There is no plan "Dental" to search for\. Use one of: Group Life/);
    expect(await refused('group-life-plans', { group: 'Percent' })).toBe('There is no x of salary or % of salary "Percent" to search for. Use one of: X of Salary, % of Salary.');
    expect(await refused('employee-salaries', { effectiveDate: DATE, group: 'Other' })).toBe('There is no gender "Other" to search for. Use one of: Male, Female.');
    expect(await refused('employee-salaries', { effectiveDate: DATE, status: 'Open' })).toBe('Employee Salaries cannot be searched by status. Search it by person numbers or name.');
  });

  it('when a user limited to Executives searches, then only persons in the population come, and the others answer as unknown', async () => {
    const executives = (await whole('person-benefit-groups', { effectiveDate: DATE })).filter((r) => r.values.benefitsGroup === 'Executives').map((r) => String(r.values.personNumber));
    const other = (await whole('person-benefit-groups', { effectiveDate: DATE })).find((r) => r.values.benefitsGroup === 'Retirees')!.values.personNumber as string;
    const pages = await allPages('person-benefit-groups', { effectiveDate: DATE, personNumbers: [...executives, other].join('\n') }, 2, limited);
    expect(pages.flatMap((p) => p.rows.map((r) => r.values.personNumber))).toEqual(executives);
    expect(pages[0].total).toBe(executives.length);
    expect(pages[0].unknownPersonNumbers).toEqual([other]);
    // By name too: nobody outside the population comes.
    const named = (await allPages('person-benefit-groups', { effectiveDate: DATE, name: 'a' }, 3, limited)).flatMap((p) => p.rows);
    expect(named.every((r) => r.values.benefitsGroup === 'Executives')).toBe(true);
  });

  it('when a search value is bad, then the answer is 400 with a plain message, never 500', async () => {
    const bad = async (kind: string, query: Record<string, unknown>, message: RegExp) => {
      const res = await h.get(`/api/workbooks/${kind}/rows`, query).expect(400);
      expect(res.body.error.message).toMatch(message);
    };
    await bad('person-benefit-groups', { effectiveDate: DATE, personNumbers: 'P10001, P1X' }, /^P1X is not a person number/);
    await bad('person-benefit-groups', { effectiveDate: DATE, personNumbers: "P10001 ' or 1=1" }, /is not a person number/);
    await bad('person-benefit-groups', { effectiveDate: DATE, personNumbers: Array.from({ length: 1001 }, (_, i) => `P${i}`).join(',') }, /at most 1,000/);
    await bad('person-benefit-groups', { effectiveDate: DATE, group: 'Retiree' }, /There is no benefits group "Retiree"/);
    await bad('person-benefit-groups', { effectiveDate: DATE, status: 'ERROR' }, /cannot be searched by status/);
    await bad('benefit-enrollments', { batchName: 'Searched', status: 'DONE' }, /There is no line status "DONE".*COMPLETE/);
    await bad('person-benefit-groups', { effectiveDate: DATE, name: 'Sm\nith' }, /control characters/);
  });
});
