/**
 * Backing out a life event processed in error, and deleting it once voided (seed FAQ: "select Back Out Event …
 * Specify Voided as the life event status"; "Select the voided potential life event and delete it").
 * A back-out removes the enrollments of the life event and the designations made for it, gives the earlier
 * enrollments they had end-dated their end back (enrollment-history.ts), marks the event VOIDED and every batch line
 * whose work was undone BACKED OUT. Each runs in one transaction, refused while a run of the batch is going.
 */
import { sql } from 'kysely';
import type { BackOutResponse, BatchLifeEvent, DeleteLifeEventResponse } from '../../../src/contract/api';
import type { Actor } from '../../engine/actor';
import type { Db } from '../../engine/workbook-kind';
import { recordBackOut, recordVoidedDeleted } from './life-event-back-out.audit';
import { AppError } from '../../errors/app-error';
import { historyAfterBackOut } from './enrollment-history';
import type { StoredLine } from './line-fields';
import { batchLine, describeLineLifeEvent, findLineLifeEvent, lifeEventLines, lifeEventName, lockBatchLine, type LineLifeEvent } from './life-events.repository';

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;
const today = () => new Date().toISOString().slice(0, 10);

/** The life event a batch line processed, for the pane's confirmation. */
export async function describeLifeEvent(db: Db, batchName: string, lineId: number, actor: Actor): Promise<BatchLifeEvent> {
  const batch = await db.selectFrom('enrollment_batches').select('id').where('name', '=', batchName).executeTakeFirst();
  if (!batch) throw new AppError('not_found', `There is no batch called "${batchName}".`);
  const line = await batchLine(db, batch.id, batchName, lineId, actor.population);
  return describeLineLifeEvent(db, batchName, batch.id, line, await findLineLifeEvent(db, line));
}

function requireEvent(found: LineLifeEvent, line: StoredLine, what: string): NonNullable<LineLifeEvent['event']> {
  if (found.event) return found.event;
  throw new AppError('not_found', `There is no potential life event ${lifeEventName(line)}: line ${line.line_id} was not processed, or its voided life event was deleted. There is nothing to ${what}.`);
}

export async function backOutLifeEvent(db: Db, batchName: string, lineId: number, actor: Actor): Promise<BackOutResponse> {
  return db.transaction().execute(async (trx) => {
    const { batch, line } = await lockBatchLine(trx, batchName, lineId, 'back out the life event', actor.population);
    const found = await findLineLifeEvent(trx, line, true);
    const event = requireEvent(found, line, 'back out');
    const name = lifeEventName(line);
    const nothing = { removed: { enrollments: 0, dependentDesignations: 0, beneficiaryDesignations: 0 }, restoredEnrollments: 0, backedOutLines: [] };
    if (event.status === 'VOIDED') {
      const on = event.voided_at ? new Date(event.voided_at).toISOString().slice(0, 10) : 'an earlier day';
      return {
        lifeEvent: await describeLineLifeEvent(trx, batchName, batch.id, line, found),
        alreadyBackedOut: true,
        ...nothing,
        message: `The life event ${name} was already backed out on ${on}; there is nothing more to undo. To process its lines again, delete the voided life event, then change the lines and upload them.`,
      };
    }
    // seed: history replays oldest first, so it is undone newest first.
    const later = (
      await sql<{ name: string; occurred_date: string; status: string }>`
        select t.name, e.occurred_date, e.status from potential_life_events e join life_event_types t on t.id = e.life_event_type_id
        where e.person_id = ${found.personId} and e.relationship_id = ${event.relationship_id} and e.status <> 'VOIDED'
          and e.occurred_date > ${event.occurred_date} and e.id <> ${event.id}
        order by e.occurred_date desc limit 1`.execute(trx)
    ).rows[0];
    if (later) {
      throw new AppError(
        'conflict',
        `${line.person_number} has a later life event, ${later.name} of ${later.occurred_date} (${later.status.toLowerCase()}), for the ${line.benefit_relationship} relationship. Back out that life event first, then this one.`,
      );
    }
    const enrollments = await trx.selectFrom('benefit_enrollments').select(['id', 'plan_id', 'batch_line_key', 'effective_end_date']).where('life_event_id', '=', event.id).execute();
    const ids = enrollments.map((e) => e.id);
    const designations = async (table: 'dependent_designations' | 'beneficiary_designations') =>
      (
        await sql<{ id: number; batch_line_key: string }>`
          delete from ${sql.table(table)} where life_event_id = ${event.id} or enrollment_id in (select jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb)::integer)
          returning id, batch_line_key`.execute(trx)
      ).rows;
    const dependents = await designations('dependent_designations');
    const beneficiaries = await designations('beneficiary_designations');
    const restored = await restoreHistory(trx, found.personId as number, enrollments);
    if (ids.length > 0) await trx.deleteFrom('benefit_enrollments').where('id', 'in', ids).execute();
    await trx.updateTable('potential_life_events').set({ status: 'VOIDED', voided_at: sql<Date>`now()` }).where('id', '=', event.id).execute();

    const undoneKeys = [...enrollments, ...dependents, ...beneficiaries].map((r) => r.batch_line_key);
    const keys = [...new Set([...undoneKeys, ...(await lifeEventLines(trx, batch.id, line)).map((l) => l.key)])];
    const note = `Backed out on ${today()}: the life event ${name} was voided and what its lines created was undone. To process this line again, delete the voided life event, then change the line and upload it.`;
    const backedOut = await markBackedOut(trx, keys, note);
    await recordBackOut(trx, actor, { line, event, enrollments, dependents, beneficiaries, lines: backedOut });
    const removed = { enrollments: ids.length, dependentDesignations: dependents.length, beneficiaryDesignations: beneficiaries.length };
    const undone = [plural(removed.enrollments, 'enrollment'), plural(removed.dependentDesignations, 'dependent designation'), plural(removed.beneficiaryDesignations, 'beneficiary designation')];
    return {
      lifeEvent: await describeLineLifeEvent(trx, batchName, batch.id, line, await findLineLifeEvent(trx, line)),
      alreadyBackedOut: false,
      removed,
      restoredEnrollments: restored,
      backedOutLines: backedOut.map(({ batchName, lineId }) => ({ batchName, lineId })),
      message:
        `Backed out the life event ${name}: removed ${undone.slice(0, 2).join(', ')} and ${undone[2]}` +
        `${restored > 0 ? `; ${plural(restored, 'earlier enrollment')} it had ended ${restored === 1 ? 'is' : 'are'} in effect again` : ''}. ` +
        `The life event is voided and its lines are BACKED OUT. To process corrected lines for it, delete the voided life event, then change the lines and upload them.`,
    };
  });
}

/** Gives the enrollments that the removed ones had end-dated their end back, per plan. */
async function restoreHistory(db: Db, personId: number, removed: Array<{ id: number; plan_id: number }>): Promise<number> {
  if (removed.length === 0) return 0;
  const history = await db
    .selectFrom('benefit_enrollments')
    .select(['id', 'plan_id', 'effective_start_date as start', 'effective_end_date as end'])
    .where('person_id', '=', personId)
    .where('plan_id', 'in', [...new Set(removed.map((e) => e.plan_id))])
    .execute();
  const gone = new Set(removed.map((e) => e.id));
  const changes = [...new Set(history.map((h) => h.plan_id))].flatMap((plan) => historyAfterBackOut(history.filter((h) => h.plan_id === plan), gone));
  if (changes.length === 0) return 0;
  await sql`
    update benefit_enrollments t set effective_end_date = v.end_date
    from jsonb_to_recordset(${JSON.stringify(changes.map((c) => ({ id: c.id, end_date: c.end })))}::jsonb) as v(id integer, end_date date)
    where t.id = v.id`.execute(db);
  return changes.length;
}

/** Marks the lines BACKED OUT (a run skips them until they are changed) and logs it in the audit log of each batch that keeps one. */
async function markBackedOut(db: Db, keys: string[], note: string): Promise<Array<{ batchName: string; lineId: number; key: string; oldStatus: string; personNumber: string }>> {
  if (keys.length === 0) return [];
  // o is the line as it was before this statement (UPDATE … FROM reads the statement's snapshot): its old status, for the audit trail.
  const lines = (
    await sql<{ key: string; line_id: number; batch_id: number; name: string; audit_log: boolean; message: string; old_status: string; person_number: string }>`
      update enrollment_batch_lines t set status = 'BACKED OUT', message = 'Line ' || t.line_id || ': ' || ${note}, processed_by_job = null
      from enrollment_batches b, enrollment_batch_lines o
      where b.id = t.batch_id and o.key = t.key and t.key in (select jsonb_array_elements_text(${JSON.stringify(keys)}::jsonb))
      returning t.key, t.line_id, t.batch_id, b.name, b.audit_log, t.message, o.status as old_status, t.person_number`.execute(db)
  ).rows.sort((a, b) => a.name.localeCompare(b.name) || a.line_id - b.line_id);
  const logged = lines.filter((l) => l.audit_log);
  if (logged.length > 0) {
    await db
      .insertInto('enrollment_audit_log')
      .values(logged.map((l) => ({ batch_id: l.batch_id, job_id: null, line_key: l.key, line_id: l.line_id, level: 'INFORMATION' as const, message: l.message })))
      .execute();
  }
  return lines.map((l) => ({ batchName: l.name, lineId: l.line_id, key: l.key, oldStatus: l.old_status, personNumber: l.person_number }));
}

export async function deleteVoidedLifeEvent(db: Db, batchName: string, lineId: number, actor: Actor): Promise<DeleteLifeEventResponse> {
  return db.transaction().execute(async (trx) => {
    const { batch, line } = await lockBatchLine(trx, batchName, lineId, 'delete the voided life event', actor.population);
    const event = requireEvent(await findLineLifeEvent(trx, line, true), line, 'delete');
    const name = lifeEventName(line);
    if (event.status !== 'VOIDED') {
      throw new AppError('conflict', `The life event ${name} is ${event.status.toLowerCase()}, not voided: only a voided potential life event can be deleted. Back it out first.`);
    }
    await trx.deleteFrom('potential_life_events').where('id', '=', event.id).execute();
    await recordVoidedDeleted(trx, actor, line, event.id);
    const message = `Deleted the voided potential life event ${name}. To process its lines again, change them and upload them; Process batch then creates the life event anew.`;
    if (batch.audit_log) {
      await trx.insertInto('enrollment_audit_log').values({ batch_id: batch.id, job_id: null, line_key: line.key, line_id: line.line_id, level: 'INFORMATION', message }).execute();
    }
    return { lifeEvent: await describeLineLifeEvent(trx, batchName, batch.id, line, await findLineLifeEvent(trx, line)), message };
  });
}
