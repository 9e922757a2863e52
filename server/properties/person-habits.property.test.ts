/** Property: a chunk of Person Habits rows with any dirty values answers 200, one result per row, and saves every valid row. */
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { unstorableCharacter } from '../../src/contract/api';
import { createHarness, type Harness } from '../test-support/api-harness';
import { dialects } from '../test-support/databases';
import { HABIT_LISTS } from '../workbooks/person-habits/definition';
import { dirtied, dirtyCell, dirtyDate, interleave, mixOrder, NUM_RUNS, overlapsPerKey, overlapsPerPerson, sessionDates, type ChunkRow } from './dirty-values';

jest.setTimeout(120000);
const KIND = 'person-habits';
const COLUMNS = {
  personNumber: 'text', firstName: 'text', lastName: 'text', dateOfBirth: 'date', personType: 'text', studentStatus: 'text',
  disabilityStatus: 'text', disabilityType: 'text', tobaccoUse: 'text', coveredInAnotherPlan: 'text', plan: 'text',
} as const;
/** Any plan text the server keeps: at most 200 characters, no control character or lone surrogate. */
const validPlan = fc.string({ unit: 'grapheme', maxLength: 60 }).filter((s) => !unstorableCharacter(s) && s.trim().length <= 200);
const validEdit = fc.record({ tobaccoUse: fc.constantFrom(...HABIT_LISTS.tobaccoUses), plan: validPlan });

describe.each(dialects)('Dirty Person Habits chunks on %s', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness(dialect);
  });
  afterAll(() => h.close());

  it('when valid edits are mixed with dirty rows, then 200, one result per row in order, every valid edit saved, no overlaps', async () => {
    const nextDate = sessionDates();
    const chunk = fc.record({
      valid: fc.array(validEdit, { minLength: 1, maxLength: 8 }),
      dirtyUpdates: fc.array(dirtied({}, COLUMNS), { maxLength: 8 }),
      dirtyInserts: fc.array(fc.record({ personNumber: fc.constantFrom(null, 'P10007', 'P10014'), firstName: dirtyCell, lastName: dirtyCell, dateOfBirth: dirtyDate, personType: dirtyCell, plan: dirtyCell }), { maxLength: 6 }),
      mix: mixOrder,
    });
    await fc.assert(
      fc.asyncProperty(chunk, async ({ valid, dirtyUpdates, dirtyInserts, mix }) => {
        const date = nextDate();
        const current = await h.rowsOn(KIND, date);
        const validRows: ChunkRow[] = valid.slice(0, current.length).map((edit, i) => ({ op: 'update', key: current[i].key, version: current[i].version, values: { ...current[i].values, ...edit } }));
        const others = current.slice(validRows.length);
        const dirtyRows: ChunkRow[] = [
          ...dirtyUpdates.slice(0, others.length).map((values, i) => ({ op: 'update' as const, key: others[i].key, version: others[i].version, values: { ...others[i].values, ...values } })),
          // Dirty new rows for persons without habits: each one fails on its dirty Date of Birth, names or type.
          ...dirtyInserts.map((values) => ({ op: 'insert' as const, values: { ...values, dateOfBirth: values.dateOfBirth ?? '2026-13-01', personType: `\u0000${String(values.personType).slice(0, 100)}` } })),
        ];
        const { rows, validAt } = interleave(validRows, dirtyRows, mix);

        const res = await h.post(`/api/workbooks/${KIND}/uploads`, { idempotencyKey: randomUUID(), effectiveDate: date, rows });
        expect(res.status).toBe(200);
        expect(res.body.results.map((r: { rowId: number }) => r.rowId)).toEqual(rows.map((r) => r.rowId));
        const byKey = new Map((await h.rowsOn(KIND, date)).map((r) => [r.key, r]));
        for (const at of validAt) {
          expect([res.body.results[at].status, res.body.results[at].errors]).toEqual(['Updated', []]);
          const stored = byKey.get(rows[at].key as string)?.values;
          expect(stored).toMatchObject({ tobaccoUse: rows[at].values.tobaccoUse, plan: String(rows[at].values.plan).trim() || null });
        }
        expect(await overlapsPerKey(h.database.db, 'person_habits')).toBe(0);
        expect(await overlapsPerPerson(h.database.db, 'person_habits')).toBe(0);
      }),
      { numRuns: NUM_RUNS },
    );
  });
});
