/** Property: a chunk of Person Benefit Groups rows with any dirty values answers 200, one result per row, and saves every valid row. */
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { createHarness, type Harness } from '../test-support/api-harness';
import { dialects } from '../test-support/databases';
import { dirtied, type ChunkRow, dirtyCell, interleave, mixOrder, NUM_RUNS, overlapsPerKey, overlapsPerPerson, sessionDates } from './dirty-values';

jest.setTimeout(120000);
const KIND = 'person-benefit-groups';
const GROUPS = ['Salaried Employees', 'Hourly Employees', 'Executives', 'Union Local 12', 'Part-Time Staff', 'Retirees', 'Interns'];
const COLUMNS = { personNumber: 'text', personName: 'text', benefitsGroup: 'text', startDate: 'date', endDate: 'date' } as const;

describe.each(dialects)('Dirty Person Benefit Groups chunks on %s', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness(dialect);
  });
  afterAll(() => h.close());

  it('when valid edits are mixed with dirty rows, then 200, one result per row in order, every valid edit saved, no overlaps', async () => {
    const nextDate = sessionDates();
    const chunk = fc.record({
      valid: fc.array(fc.constantFrom(...GROUPS), { minLength: 1, maxLength: 8 }),
      dirtyUpdates: fc.array(dirtied({ benefitsGroup: 'Retirees' }, COLUMNS), { maxLength: 8 }),
      dirtyInserts: fc.array(fc.record({ personNumber: dirtyCell, benefitsGroup: dirtyCell, startDate: dirtyCell }), { maxLength: 8 }),
      mix: mixOrder,
    });
    await fc.assert(
      fc.asyncProperty(chunk, async ({ valid, dirtyUpdates, dirtyInserts, mix }) => {
        const date = nextDate();
        const current = await h.rowsOn(KIND, date);
        const validRows: ChunkRow[] = valid.slice(0, current.length).map((group, i) => ({ op: 'update', key: current[i].key, version: current[i].version, values: { benefitsGroup: group } }));
        const others = current.slice(validRows.length);
        const dirtyRows: ChunkRow[] = [
          ...dirtyUpdates.slice(0, others.length).map((values, i) => ({ op: 'update' as const, key: others[i].key, version: others[i].version, values })),
          ...dirtyInserts.map((values) => ({ op: 'insert' as const, values })),
        ];
        const { rows, validAt } = interleave(validRows, dirtyRows, mix);

        const res = await h.post(`/api/workbooks/${KIND}/uploads`, { idempotencyKey: randomUUID(), effectiveDate: date, rows });
        expect(res.status).toBe(200);
        expect(res.body.results.map((r: { rowId: number }) => r.rowId)).toEqual(rows.map((r) => r.rowId));
        const byKey = new Map((await h.rowsOn(KIND, date)).map((r) => [r.key, r]));
        for (const at of validAt) {
          const row = rows[at];
          expect([res.body.results[at].status, res.body.results[at].errors]).toEqual(['Updated', []]);
          expect(byKey.get(row.key as string)?.values.benefitsGroup).toBe(row.values.benefitsGroup);
        }
        expect(await overlapsPerKey(h.database.db, 'person_benefit_groups')).toBe(0);
        expect(await overlapsPerPerson(h.database.db, 'person_benefit_groups')).toBe(0);
      }),
      { numRuns: NUM_RUNS },
    );
  });
});
