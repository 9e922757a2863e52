/** The potential life event a batch line processed, what it holds, and the batch line it is asked through. */
import { sql } from 'kysely';
import type { BatchLifeEvent } from '../../../src/contract/api';
import { hasActiveJob } from '../../engine/batch-jobs';
import { personNumberVisible, type Population } from '../../engine/population';
import type { Db } from '../../engine/workbook-kind';
import { AppError } from '../../errors/app-error';
import type { StoredLine } from './line-fields';

export interface LineLifeEvent {
  personId: number | undefined;
  personName: string | null;
  event?: { id: number; status: 'STARTED' | 'CLOSED' | 'VOIDED'; closed_date: string | null; voided_at: Date | string | null; relationship_id: number; occurred_date: string };
}

/**
 * The batch and its line, for a change to what the line processed: the batch row is locked (as an upload locks it),
 * and a batch with a run queued or going is refused, so a back-out never races the run's lines.
 */
export async function lockBatchLine(db: Db, batchName: string, lineId: number, action: string, population: Population): Promise<{ batch: { id: number; audit_log: boolean }; line: StoredLine }> {
  const batch = (await sql<{ id: number; audit_log: boolean }>`select id, audit_log from enrollment_batches where name = ${batchName} for update`.execute(db)).rows[0];
  if (!batch) throw new AppError('not_found', `There is no batch called "${batchName}".`);
  if (await hasActiveJob(db, batch.id)) {
    throw new AppError('conflict', `The batch "${batchName}" is being processed. Wait until processing ends, then ${action} again.`);
  }
  return { batch, line: await batchLine(db, batch.id, batchName, lineId, population) };
}

/** The line; a line of a person outside the population answers as one that does not exist. */
export async function batchLine(db: Db, batchId: number, batchName: string, lineId: number, population: Population): Promise<StoredLine> {
  const line = await db
    .selectFrom('enrollment_batch_lines')
    .selectAll()
    .where('batch_id', '=', batchId)
    .where('line_id', '=', lineId)
    .where(personNumberVisible(population, sql`enrollment_batch_lines.person_number`, sql`enrollment_batch_lines.effective_date`))
    .executeTakeFirst();
  if (!line) throw new AppError('not_found', `The batch "${batchName}" has no line ${lineId}. Download the batch again to see its lines.`);
  return line;
}

/** The participant and the potential life event the line names (participant, life event, occurred date, relationship); locked when asked. */
export async function findLineLifeEvent(db: Db, line: StoredLine, lock = false): Promise<LineLifeEvent> {
  const row = (
    await sql<{ person_id: number; first_name: string; last_name: string; id: number | null }>`
      select p.id as person_id, p.first_name, p.last_name, e.id from persons p
      left join life_event_types t on t.name = ${line.life_event}
      left join benefits_relationships r on r.person_id = p.id and r.name = ${line.benefit_relationship}
      left join potential_life_events e on e.person_id = p.id and e.life_event_type_id = t.id
        and e.occurred_date = ${line.life_event_occurred_date} and e.relationship_id = r.id
      where p.person_number = ${line.person_number}
      order by e.id nulls last limit 1`.execute(db)
  ).rows[0];
  if (!row) return { personId: undefined, personName: null };
  const found = { personId: row.person_id, personName: `${row.first_name} ${row.last_name}`.trim() || null };
  if (row.id === null) return found;
  const query = db.selectFrom('potential_life_events').select(['id', 'status', 'closed_date', 'voided_at', 'relationship_id', 'occurred_date']).where('id', '=', row.id);
  return { ...found, event: await (lock ? query.forUpdate() : query).executeTakeFirstOrThrow() };
}

/** The lines of this batch that belong to the line's life event, in line order. */
export async function lifeEventLines(db: Db, batchId: number, line: StoredLine): Promise<Array<{ key: string; line_id: number }>> {
  return db
    .selectFrom('enrollment_batch_lines')
    .select(['key', 'line_id'])
    .where('batch_id', '=', batchId)
    .where('person_number', '=', line.person_number)
    .where('life_event', '=', line.life_event)
    .where('life_event_occurred_date', '=', line.life_event_occurred_date)
    .where('benefit_relationship', '=', line.benefit_relationship)
    .orderBy('line_id')
    .execute();
}

/** What the life event holds: its enrollments, and the designations made for it or on those enrollments. */
export async function lifeEventHoldings(db: Db, eventId: number) {
  const result = await sql<{ enrollments: string; dependents: string; beneficiaries: string }>`
    with e as (select id from benefit_enrollments where life_event_id = ${eventId})
    select (select count(*) from e) as enrollments,
      (select count(*) from dependent_designations where life_event_id = ${eventId} or enrollment_id in (select id from e)) as dependents,
      (select count(*) from beneficiary_designations where life_event_id = ${eventId} or enrollment_id in (select id from e)) as beneficiaries`.execute(db);
  const r = result.rows[0];
  return { enrollments: Number(r.enrollments), dependentDesignations: Number(r.dependents), beneficiaryDesignations: Number(r.beneficiaries) };
}

/** The life event as the pane shows it before and after a back-out or a deletion. */
export async function describeLineLifeEvent(db: Db, batchName: string, batchId: number, line: StoredLine, found: LineLifeEvent): Promise<BatchLifeEvent> {
  const { event } = found;
  const holdings = event ? await lifeEventHoldings(db, event.id) : { enrollments: 0, dependentDesignations: 0, beneficiaryDesignations: 0 };
  return {
    batchName,
    lineId: line.line_id,
    personNumber: line.person_number,
    personName: found.personName,
    lifeEvent: line.life_event,
    occurredDate: line.life_event_occurred_date,
    benefitRelationship: line.benefit_relationship,
    status: event?.status ?? null,
    closedDate: event?.closed_date ?? null,
    voidedAt: event?.voided_at ? new Date(event.voided_at).toISOString() : null,
    lineIds: (await lifeEventLines(db, batchId, line)).map((l) => l.line_id),
    ...holdings,
  };
}

export const lifeEventName = (line: StoredLine) => `${line.life_event} of ${line.life_event_occurred_date} for ${line.person_number} (${line.benefit_relationship} relationship)`;
