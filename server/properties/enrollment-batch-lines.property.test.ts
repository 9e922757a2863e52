/** Property: a chunk of benefit enrollment batch lines with any dirty values answers 200, one result per line, and saves every valid line. */
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import type { CellValue } from '../../src/contract/api';
import { createHarness, type Harness } from '../test-support/api-harness';
import { dialects } from '../test-support/databases';
import { enrollmentBatchesDefinition } from '../workbooks/enrollment-batches/definition';
import { beneficiary, dependent, enrollment, KIND, SPOUSE_OF_P10001 } from '../workbooks/enrollment-batches/test-batches';
import { dirtied, interleave, mixOrder, NUM_RUNS, type ChunkRow } from './dirty-values';

jest.setTimeout(120000);
/** Every column a user enters on a line, by its type (the definition decides, so a new column is covered too). */
const ENTERED = Object.fromEntries(enrollmentBatchesDefinition.columns.filter((c) => c.enterable).map((c) => [c.key, c.type]));
const PARTICIPANTS = ['P10001', 'P10002', 'P10003', 'P10004', 'P10006', 'P10007'];
const validLine = fc.oneof(
  fc.constantFrom(...PARTICIPANTS).map((p) => enrollment(p)),
  fc.constant(dependent('P10001', SPOUSE_OF_P10001)),
  fc.integer({ min: 1, max: 100 }).map((pct) => beneficiary('P10001', { beneficiaryOrganization: 'Red Cross', primaryBeneficiaryPercentage: pct })),
);
const dirtyLine = fc.constantFrom(...PARTICIPANTS).chain((p) => dirtied(enrollment(p), ENTERED));

describe.each(dialects)('Dirty benefit enrollment batch chunks on %s', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness(dialect);
  });
  afterAll(() => h.close());

  it('when valid lines are mixed with dirty ones, then 200, one result per line in order, every valid line saved and numbered once', async () => {
    let run = 0;
    const chunk = fc.record({ valid: fc.array(validLine, { minLength: 1, maxLength: 8 }), dirty: fc.array(dirtyLine, { maxLength: 12 }), mix: mixOrder });
    await fc.assert(
      fc.asyncProperty(chunk, async ({ valid, dirty, mix }) => {
        const batchName = `Dirty lines ${(run += 1)}`;
        const asRow = (values: Record<string, CellValue>): ChunkRow => ({ op: 'insert', values });
        const { rows, validAt } = interleave(valid.map(asRow), dirty.map(asRow), mix);

        const res = await h.post(`/api/workbooks/${KIND}/uploads`, { idempotencyKey: randomUUID(), batchName, rows });
        expect(res.status).toBe(200);
        expect(res.body.results.map((r: { rowId: number }) => r.rowId)).toEqual(rows.map((r) => r.rowId));
        const lines = (await h.get(`/api/workbooks/${KIND}/rows`, { batchName, limit: 10000 }).expect(200)).body.rows as Array<{ key: string; values: Record<string, CellValue> }>;
        const byKey = new Map(lines.map((l) => [l.key, l]));
        for (const at of validAt) {
          const result = res.body.results[at];
          expect([result.status, result.errors]).toEqual(['Inserted', []]);
          expect(byKey.get(result.key)?.values).toMatchObject({ personNumber: rows[at].values.personNumber, enrollmentType: rows[at].values.enrollmentType });
        }
        const saved = res.body.results.filter((r: { status: string }) => r.status === 'Inserted').length;
        expect(lines).toHaveLength(saved);
        expect(new Set(lines.map((l) => l.values.batchLineId)).size).toBe(lines.length);
      }),
      { numRuns: NUM_RUNS },
    );
  });
});
