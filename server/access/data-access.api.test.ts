/** Data access by population (benefit groups) over HTTP, for every workbook kind, on PGlite and PostgreSQL. */
import { randomUUID } from 'node:crypto';
import { createJobRunner } from '../engine/batch-jobs';
import { batchKinds, workbookKinds } from '../engine/registry';
import { createHarness, type Harness } from '../test-support/api-harness';
import { dialects } from '../test-support/databases';
import { signInAs, type UserClient } from '../test-support/test-users';
import { batchClient, enrollment, KIND } from '../workbooks/enrollment-batches/test-batches';

jest.setTimeout(120000);

const DATE = '2026-01-01';
const GROUPS = 'person-benefit-groups';
const NO_ACCESS = 'You do not have access to this person.';
// A batch line's person is checked on the line's effective date: in 2026 P10003 is in Executives.
const line = (personNumber: string, more: Record<string, string | null> = {}) => enrollment(personNumber, { effectiveDate: DATE, lifeEventOccurredDate: DATE, ...more });

describe.each(dialects)('Data access by population on %s', (dialect) => {
  let h: Harness;
  let limited: UserClient;
  let executives: Set<string>;
  let inside: string;
  let outside: string;
  beforeAll(async () => {
    h = await createHarness(dialect);
    const groups = await h.rowsOn(GROUPS, DATE);
    executives = new Set(groups.filter((r) => r.values.benefitsGroup === 'Executives').map((r) => r.values.personNumber as string));
    inside = 'P10003';
    outside = 'P10002';
    expect(executives.has(inside) && !executives.has(outside)).toBe(true);
    limited = await signInAs(h, 'executives-only', { role: 'administrator', dataAccess: 'Executives' });
    const b = batchClient(h);
    await b.insert('Access', [line(inside), line(outside)]);
    await b.process('Access');
  });
  afterAll(() => h.close());

  const query = (kind: string) => (batchKinds.some((k) => k.definition.kind === kind) ? { batchName: 'Access', limit: 10000 } : { effectiveDate: DATE, limit: 10000 });
  const numbers = (body: { rows: Array<{ values: Record<string, unknown> }> }) => body.rows.map((r) => r.values.personNumber as string);

  // Kinds about persons (a Person Number column); setup, rates (Rate Grid and the like) and Users are nobody's personal data.
  // The Rate Change Preview sheet shows one preview (its filter), made for the user's population when it is made:
  // that is tested in server/workbooks/rate-change/rate-change.api.test.ts.
  const personKinds = workbookKinds.filter((k) => k.definition.columns.some((c) => c.key === 'personNumber') && k.definition.kind !== 'rate-change-preview');
  it.each(personKinds.map((k) => k.definition.kind))('when a user is limited to Executives, then the %s download holds only persons in Executives (and everyone sees more)', async (kind) => {
    const mine = numbers((await limited.get(`/api/workbooks/${kind}/rows`, query(kind)).expect(200)).body);
    const everyone = numbers((await h.get(`/api/workbooks/${kind}/rows`, query(kind)).expect(200)).body);
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.filter((n) => !executives.has(n))).toEqual([]);
    expect(everyone.some((n) => n && !executives.has(n))).toBe(true);
  });

  it('when a limited user uploads rows for persons outside the population, then they fail "You do not have access to this person" and change nothing', async () => {
    const theirs = await h.rowFor(GROUPS, DATE, (v) => v.personNumber === outside);
    const mine = await h.rowFor(GROUPS, DATE, (v) => v.personNumber === inside);
    const another = await h.rowFor(GROUPS, DATE, (v) => v.personNumber === 'P10005');
    const res = await limited.post(`/api/workbooks/${GROUPS}/uploads`, {
      idempotencyKey: randomUUID(),
      effectiveDate: DATE,
      rows: [
        { rowId: 1, op: 'update', key: theirs.key, version: theirs.version, values: { benefitsGroup: 'Retirees' } },
        { rowId: 2, op: 'delete', key: another.key, version: another.version, values: {} },
        { rowId: 3, op: 'insert', values: { personNumber: 'P10010', benefitsGroup: 'No such group' } },
        { rowId: 4, op: 'insert', values: { personNumber: 'P99999', benefitsGroup: 'Retirees' } },
        { rowId: 5, op: 'update', key: mine.key, version: mine.version, values: { benefitsGroup: 'Executives' } },
      ],
    }).expect(200);
    const results = res.body.results as Array<{ status: string; errors: Array<{ message: string }> }>;
    expect(results.map((r) => r.status)).toEqual(['Upload Failed', 'Upload Failed', 'Upload Failed', 'Upload Failed', 'Updated']);
    // Nothing else about the person is said (P10010 is outside and the group is wrong too: only the access error shows).
    for (const r of results.slice(0, 3)) expect(r.errors.map((e) => e.message)).toEqual([NO_ACCESS]);
    expect(results[3].errors[0].message).toContain('There is no person with number "P99999"');
    expect((await h.rowFor(GROUPS, DATE, (v) => v.personNumber === outside)).values).toEqual(theirs.values);
    expect((await h.rowFor(GROUPS, DATE, (v) => v.personNumber === 'P10005')).values).toEqual(another.values);
  });

  it('when a limited user moves a person of their population to a group outside it, or deletes their assignment, then the row fails and changes nothing', async () => {
    const mine = await h.rowFor(GROUPS, DATE, (v) => v.personNumber === inside);
    const send = (row: object) => limited.post(`/api/workbooks/${GROUPS}/uploads`, { idempotencyKey: randomUUID(), effectiveDate: '2026-03-01', rows: [row] }).expect(200);
    const [moved] = (await send({ rowId: 1, op: 'update', key: mine.key, version: mine.version, values: { benefitsGroup: 'Retirees' } })).body.results;
    expect(moved).toMatchObject({ status: 'Upload Failed', errors: [{ column: 'benefitsGroup', message: expect.stringMatching(/^You can only assign groups in your data access \(Executives\); "Retirees" is not one of them/) }] });
    const [deleted] = (await send({ rowId: 1, op: 'delete', key: mine.key, version: mine.version, values: {} })).body.results;
    expect(deleted).toMatchObject({ status: 'Upload Failed', errors: [{ message: expect.stringContaining('You cannot delete this assignment') }] });
    expect(await h.rowFor(GROUPS, '2026-03-01', (v) => v.personNumber === inside)).toMatchObject({ key: mine.key, version: mine.version, values: mine.values });
  });

  it('when a limited user names an outside person by name and date of birth, then the row fails with the access message', async () => {
    const person = await h.rowFor('person-habits', DATE, (v) => v.personNumber === outside);
    const res = await limited.post('/api/workbooks/person-habits/uploads', {
      idempotencyKey: randomUUID(),
      effectiveDate: DATE,
      rows: [{ rowId: 1, op: 'insert', values: { firstName: person.values.firstName, lastName: person.values.lastName, dateOfBirth: person.values.dateOfBirth, personType: 'Participant', tobaccoUse: 'Yes' } }],
    }).expect(200);
    expect(res.body.results[0].errors.map((e: { message: string }) => e.message)).toEqual([NO_ACCESS]);
  });

  it('when a limited user uploads batch lines, then lines of outside persons fail with the access message and the others are stored', async () => {
    const theirs = (await batchClient(h).lines('Access')).find((l) => l.values.personNumber === outside)!;
    const res = await limited.post(`/api/workbooks/${KIND}/uploads`, {
      idempotencyKey: randomUUID(),
      batchName: 'Limited lines',
      rows: [
        { rowId: 1, op: 'insert', values: line(outside) },
        { rowId: 2, op: 'insert', values: line(inside) },
      ],
    }).expect(200);
    expect(res.body.results.map((r: { status: string }) => r.status)).toEqual(['Upload Failed', 'Inserted']);
    expect(res.body.results[0].errors[0].message).toBe(NO_ACCESS);
    const update = await limited.post(`/api/workbooks/${KIND}/uploads`, {
      idempotencyKey: randomUUID(),
      batchName: 'Access',
      rows: [{ rowId: 1, op: 'update', key: theirs.key, version: theirs.version, values: { ...theirs.values, rateAmount: 1 } }],
    }).expect(200);
    expect(update.body.results[0].errors[0].message).toBe(NO_ACCESS);
  });

  it('when a limited user processes a batch, then only the lines of persons in the population run', async () => {
    const b = batchClient(h);
    const later = { effectiveDate: '2026-02-01', lifeEventOccurredDate: '2026-02-01' };
    const stored = await b.insert('Limited run', [line(inside, later), line(outside, later)]);
    expect(stored.map((r) => r.status)).toEqual(['Inserted', 'Inserted']);
    const started = (await limited.post(`/api/workbooks/${KIND}/batches/${encodeURIComponent('Limited run')}/jobs`, { idempotencyKey: randomUUID() }).expect(202)).body;
    expect(started.total).toBe(1);
    await createJobRunner(h.database.db, batchKinds).drain();
    const statuses = Object.fromEntries((await b.lines('Limited run')).map((l) => [l.values.personNumber, l.values.rowBatchStatus]));
    // The outside line is not run: it stays new (a blank Row Batch Status).
    expect(statuses).toEqual({ [inside]: 'COMPLETE', [outside]: '' });
  });

  it('when a limited user asks about the life event of an outside line, then the answer is the same as for a line that does not exist', async () => {
    const lineOf = async (n: string) => (await batchClient(h).lines('Access')).find((l) => l.values.personNumber === n)!.values.batchLineId;
    const path = (lineId: unknown) => `/api/workbooks/${KIND}/batches/Access/lines/${lineId}/life-event`;
    const outsideAnswer = (await limited.get(path(await lineOf(outside))).expect(404)).body.error.message as string;
    const unknownAnswer = (await limited.get(path(999)).expect(404)).body.error.message as string;
    expect(outsideAnswer.replace(/line \d+/, 'line N')).toBe(unknownAnswer.replace(/line \d+/, 'line N'));
    await limited.get(path(await lineOf(inside))).expect(200);
    await limited.post(`${path(await lineOf(outside))}/back-out`, {}).expect(404);
  });
});
