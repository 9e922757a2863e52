/**
 * Check on a batch: what processing would refuse that can be told before it runs (seed: "Managing Benefit
 * Enrollments in the Integrated Workbook"). It runs after the upload, in Check's rolled-back transaction, so the
 * checked lines are in the batch as an upload would leave them: the beneficiary percentages of each participant,
 * plan and life event total 100 (primary and contingent apart), each line's life event exists or will be created,
 * and a beneficiary organization or trust exists (with a "Did you mean" when one is close).
 */
import { sql } from 'kysely';
import type { RowError, RowResult } from '../../../src/contract/api';
import type { BatchUploadRequest, Db } from '../../engine/workbook-kind';
import { findBatch, findLinesByKey } from './batch-lines.repository';
import type { StoredLine } from './line-fields';
import { beneficiaryTotalErrors } from './processing-order';
import { closestValues } from '../../engine/suggestions';
import { unknownName } from '../../engine/unknown-names';

const eventKey = (l: Pick<StoredLine, 'person_number' | 'life_event' | 'life_event_occurred_date' | 'benefit_relationship'>) =>
  JSON.stringify([l.person_number, l.life_event, String(l.life_event_occurred_date), l.benefit_relationship]);

/** The potential life events (not voided) of these participants, as event keys. */
async function existingEvents(db: Db, numbers: string[]): Promise<Set<string>> {
  if (numbers.length === 0) return new Set();
  const rows = await sql<{ person_number: string; life_event: string; life_event_occurred_date: string; benefit_relationship: string }>`
    select p.person_number, t.name as life_event, e.occurred_date as life_event_occurred_date, r.name as benefit_relationship
    from potential_life_events e
    join persons p on p.id = e.person_id
    join life_event_types t on t.id = e.life_event_type_id
    join benefits_relationships r on r.id = e.relationship_id
    where p.person_number = any(cast(${numbers} as text[])) and e.status <> 'VOIDED'`.execute(db);
  return new Set(rows.rows.map(eventKey));
}

export async function checkLineProcessing(db: Db, request: Omit<BatchUploadRequest, 'idempotencyKey'>, results: RowResult[]): Promise<Map<number, RowError[]>> {
  const found = new Map<number, RowError[]>();
  const batch = await findBatch(db, request.batchName);
  const saved = results.filter((r) => (r.status === 'Inserted' || r.status === 'Updated') && r.key);
  if (!batch || saved.length === 0) return found;
  const checked = new Map((await findLinesByKey(db, saved.map((r) => r.key as string))).map((l) => [l.key, l]));
  const numbers = [...new Set([...checked.values()].map((l) => l.person_number))];
  const lines = await db.selectFrom('enrollment_batch_lines').selectAll().where('batch_id', '=', batch.id).where('person_number', 'in', numbers.length ? numbers : ['']).execute();
  const totals = beneficiaryTotalErrors(lines);
  const events = await existingEvents(db, numbers);
  // An enrollment line that may create its life event makes it exist for the lines after it.
  const created = new Set(lines.filter((l) => l.enrollment_type === 'Participant Enrollment' && l.create_potential_life_event && l.status !== 'COMPLETE').map(eventKey));
  const add = (rowId: number, error: RowError) => found.set(rowId, [...(found.get(rowId) ?? []), error]);
  await checkOrganizations(db, saved, checked, add);
  for (const result of saved) {
    const line = checked.get(result.key as string);
    if (!line) continue;
    const total = totals.get(line.key);
    if (total) add(result.rowId, { column: line.primary_percentage !== null ? 'primaryBeneficiaryPercentage' : 'contingentBeneficiaryPercentage', message: total });
    const event = `${line.life_event} of ${line.life_event_occurred_date}`;
    if (line.status === 'COMPLETE' || events.has(eventKey(line)) || created.has(eventKey(line))) continue;
    add(result.rowId, {
      column: 'createPotentialLifeEvent',
      message:
        line.enrollment_type === 'Participant Enrollment'
          ? `${line.person_number} has no potential life event ${event} for the ${line.benefit_relationship} relationship. Set Create Potential Life Event to Yes, or add the life event in the application.`
          : `${line.person_number} has no life event ${event} for the ${line.benefit_relationship} relationship, and no enrollment line of this batch creates it. Add a Participant Enrollment line for it with Create Potential Life Event = Yes.`,
    });
  }
  return found;
}

/** seed: "If the beneficiary organization or trust does not exist as of the effective date, the beneficiary designation process fails." */
async function checkOrganizations(db: Db, saved: RowResult[], lines: Map<string, StoredLine>, add: (rowId: number, error: RowError) => void): Promise<void> {
  const named = saved.flatMap((r) => {
    const line = lines.get(r.key as string);
    return line?.beneficiary_organization ? [{ rowId: r.rowId, name: line.beneficiary_organization }] : [];
  });
  if (named.length === 0) return;
  const known = (await db.selectFrom('beneficiary_organizations').select('name').execute()).map((o) => o.name);
  const missing = named.filter((n) => !known.includes(n.name));
  const closest = await closestValues(db, [...new Set(missing.map((m) => m.name))], known);
  for (const { rowId, name } of missing) {
    const value = closest.get(name);
    const message = `There is no beneficiary organization or trust named "${name}".${value ? ` Did you mean "${value}"?` : ' Pick one from the list.'}`;
    add(rowId, unknownName({ column: 'beneficiaryOrganization', message, ...(value ? { suggestion: { column: 'beneficiaryOrganization', value } } : {}) }));
  }
}
