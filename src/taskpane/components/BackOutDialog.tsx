import type { BatchLifeEvent } from '../../contract/api';
import { ConfirmDialog } from './ConfirmDialog';

export interface BackOutDialogProps {
  event: BatchLifeEvent | undefined;
  onConfirm: () => void;
  onCancel: () => void;
}

const count = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;
const lines = (ids: number[]) => (ids.length === 1 ? `Line ${ids[0]}` : `Lines ${ids.join(', ')}`);

/** Names the person, the life event and its date before a back-out (seed FAQ: the event becomes Voided) or the deletion of a voided one. */
export function BackOutDialog({ event, onConfirm, onCancel }: BackOutDialogProps) {
  if (!event) return null;
  const who = `${event.personName ? `${event.personName} (${event.personNumber})` : event.personNumber}, ${event.benefitRelationship} relationship`;
  const what = `${event.lifeEvent} of ${event.occurredDate}`;
  if (event.status === 'VOIDED') {
    return (
      <ConfirmDialog open title="Delete voided life event?" confirmLabel="Delete voided life event" onConfirm={onConfirm} onCancel={onCancel}>
        The life event {what} for {who} was backed out{event.voidedAt ? ` on ${event.voidedAt.slice(0, 10)}` : ''} and is voided. Delete it, so that corrected lines can
        create it again? {lines(event.lineIds)} of this batch stay BACKED OUT until you change and upload them.
      </ConfirmDialog>
    );
  }
  return (
    <ConfirmDialog open title="Back out life event?" confirmLabel="Back out life event" onConfirm={onConfirm} onCancel={onCancel}>
      Back out the life event {what} for {who}? It is {event.status === 'CLOSED' ? `closed${event.closedDate ? ` (on ${event.closedDate})` : ''}` : 'started'}. This removes{' '}
      {count(event.enrollments, 'enrollment')}, {count(event.dependentDesignations, 'dependent designation')} and {count(event.beneficiaryDesignations, 'beneficiary designation')}{' '}
      made for it, puts the earlier enrollments they ended back in effect, and sets the life event to Voided. {lines(event.lineIds)} of this batch become BACKED OUT, and the
      sheet is downloaded again.
    </ConfirmDialog>
  );
}
