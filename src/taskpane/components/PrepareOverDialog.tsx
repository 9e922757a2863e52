import type { PendingPrepare } from '../hooks/usePrepare';
import { ConfirmDialog } from './ConfirmDialog';

const rows = (n: number) => (n === 1 ? '1 row has changes' : `${n} rows have changes`);

/** Prepare would replace a sheet holding work not uploaded: say how much, and how to keep it. */
export function PrepareOverDialog({ pending, onConfirm, onCancel }: { pending: PendingPrepare | undefined; onConfirm: () => void; onCancel: () => void }) {
  return (
    <ConfirmDialog open={pending !== undefined} title="Replace the sheet?" confirmLabel="Replace the sheet" onConfirm={onConfirm} onCancel={onCancel}>
      {pending && `${rows(pending.unsent)} that are not uploaded (edits, new rows or rows marked for deletion). Preparing the workbook again replaces the sheet and they will be lost. To keep them, click Cancel and upload them first.`}
    </ConfirmDialog>
  );
}
