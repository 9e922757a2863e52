import { ConfirmDialog } from './ConfirmDialog';

export interface DeleteDialogProps {
  count: number;
  open: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/** seed: "Deleted data cannot be retrieved." */
export function DeleteDialog({ count, open, onConfirm, onCancel }: DeleteDialogProps) {
  return (
    <ConfirmDialog open={open} title={`Delete ${count === 1 ? '1 row' : `${count} rows`}?`} confirmLabel="Delete rows" onConfirm={onConfirm} onCancel={onCancel}>
      The marked rows and all their history will be deleted from the server. Deleted data cannot be retrieved.
    </ConfirmDialog>
  );
}
