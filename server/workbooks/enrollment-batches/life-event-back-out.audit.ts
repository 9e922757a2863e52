/**
 * The audit trail of a back-out (one statement): the life event's status, each removed enrollment and designation,
 * and each batch line set BACKED OUT, by the user who asked, with the request's id. Record keys are those the
 * Enrollment Results workbook shows (life-event-N, enrollment-N, dependent-N, beneficiary-N) and batch line keys.
 */
import type { Actor } from '../../engine/actor';
import { recordChanges, type Change } from '../../engine/audit';
import type { Db } from '../../engine/workbook-kind';
import { enrollmentBatchesDefinition } from './definition';
import type { StoredLine } from './line-fields';

const KIND = enrollmentBatchesDefinition.kind;

export interface BackedOut {
  line: StoredLine;
  event: { id: number; status: string };
  enrollments: Array<{ id: number }>;
  dependents: Array<{ id: number }>;
  beneficiaries: Array<{ id: number }>;
  lines: Array<{ key: string; oldStatus: string; personNumber: string }>;
}

const title = (status: string) => status.charAt(0) + status.slice(1).toLowerCase();

export async function recordBackOut(db: Db, actor: Actor, b: BackedOut): Promise<void> {
  const person = b.line.person_number;
  const removed = (prefix: string, type: string, rows: Array<{ id: number }>): Change[] =>
    rows.map((r) => ({ kind: KIND, action: 'back-out', recordKey: `${prefix}-${r.id}`, personNumber: person, column: 'Record Type', oldValue: type, newValue: null }));
  await recordChanges(db, actor, [
    { kind: KIND, action: 'back-out', recordKey: `life-event-${b.event.id}`, personNumber: person, column: 'Life Event Status', oldValue: title(b.event.status), newValue: 'Voided' },
    ...removed('enrollment', 'Participant Enrollment', b.enrollments),
    ...removed('dependent', 'Dependent Designation', b.dependents),
    ...removed('beneficiary', 'Beneficiary Designation', b.beneficiaries),
    ...b.lines.map((l): Change => ({ kind: KIND, action: 'back-out', recordKey: l.key, personNumber: l.personNumber, column: 'Row Batch Status', oldValue: l.oldStatus, newValue: 'BACKED OUT' })),
  ]);
}

export async function recordVoidedDeleted(db: Db, actor: Actor, line: StoredLine, eventId: number): Promise<void> {
  await recordChanges(db, actor, [{ kind: KIND, action: 'delete', recordKey: `life-event-${eventId}`, personNumber: line.person_number, column: 'Life Event Status', oldValue: 'Voided', newValue: null }]);
}
