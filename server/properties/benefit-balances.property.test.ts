/** Property: a chunk of Person Benefit Balances rows with any dirty values answers 200, one result per row, and saves every valid row. */
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { createHarness, type Harness } from '../test-support/api-harness';
import { dialects } from '../test-support/databases';
import { dirtied, dirtyCell, dirtyNumber, interleave, mixOrder, NUM_RUNS, overlapsPerKey, overlapsPerPerson, sessionDates, type ChunkRow } from './dirty-values';

jest.setTimeout(120000);
const KIND = 'person-benefit-balances';
const COLUMNS = { personNumber: 'text', balanceName: 'text', value: 'number', primaryAssignment: 'text', benefitsRelationship: 'text', startDate: 'date', endDate: 'date' } as const;
const validValue = fc.oneof(fc.double({ min: 0, max: 999_999_999.99, noNaN: true }), fc.constantFrom(-0, 0, 5e-324, 0.01, 999_999_999.99), fc.integer({ min: 0, max: 1_000_000 }));

describe.each(dialects)('Dirty Person Benefit Balances chunks on %s', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness(dialect);
  });
  afterAll(() => h.close());

  it('when valid value edits are mixed with dirty rows, then 200, one result per row in order, every valid edit saved, no overlaps', async () => {
    const nextDate = sessionDates();
    const chunk = fc.record({
      valid: fc.array(validValue, { minLength: 1, maxLength: 8 }),
      dirtyValues: fc.array(dirtyNumber, { maxLength: 6 }),
      dirtyRows: fc.array(dirtied({}, COLUMNS), { maxLength: 8 }),
      dirtyInserts: fc.array(fc.record({ personNumber: dirtyCell, balanceName: dirtyCell, value: dirtyCell, primaryAssignment: dirtyCell, benefitsRelationship: dirtyCell }), { maxLength: 6 }),
      mix: mixOrder,
    });
    await fc.assert(
      fc.asyncProperty(chunk, async ({ valid, dirtyValues, dirtyRows: dirt, dirtyInserts, mix }) => {
        const date = nextDate();
        const current = await h.rowsOn(KIND, date);
        const validRows: ChunkRow[] = valid.slice(0, current.length).map((value, i) => ({ op: 'update', key: current[i].key, version: current[i].version, values: { ...current[i].values, value } }));
        const others = current.slice(validRows.length);
        const dirtyRows: ChunkRow[] = [
          ...dirtyValues.slice(0, others.length).map((value, i) => ({ op: 'update' as const, key: others[i].key, version: others[i].version, values: { ...others[i].values, value } })),
          ...dirt.slice(0, Math.max(0, others.length - dirtyValues.length)).map((values, i) => {
            const other = others[dirtyValues.length + i];
            return { op: 'update' as const, key: other.key, version: other.version, values: { ...other.values, ...values } };
          }),
          ...dirtyInserts.map((values) => ({ op: 'insert' as const, values })),
        ];
        const { rows, validAt } = interleave(validRows, dirtyRows, mix);

        const res = await h.post(`/api/workbooks/${KIND}/uploads`, { idempotencyKey: randomUUID(), effectiveDate: date, rows });
        expect(res.status).toBe(200);
        expect(res.body.results.map((r: { rowId: number }) => r.rowId)).toEqual(rows.map((r) => r.rowId));
        const byKey = new Map((await h.rowsOn(KIND, date)).map((r) => [r.key, r]));
        for (const at of validAt) {
          expect([res.body.results[at].status, res.body.results[at].errors]).toEqual(['Updated', []]);
          expect(byKey.get(rows[at].key as string)?.values.value).toBe(Number(rows[at].values.value) + 0);
        }
        expect(await overlapsPerKey(h.database.db, 'person_benefit_balances')).toBe(0);
        expect(await overlapsPerPerson(h.database.db, 'person_benefit_balances', ['balance_type_id'])).toBe(0);
      }),
      { numRuns: NUM_RUNS },
    );
  });
});
