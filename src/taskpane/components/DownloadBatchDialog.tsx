import { BATCH_CELLS, cellAddress } from '../../core/batch-cells';
import { ConfirmDialog } from './ConfirmDialog';

export interface DownloadBatchDialogProps {
  open: boolean;
  batchName: string | undefined;
  onConfirm: () => void;
  onCancel: () => void;
}

/** Download on a batch sheet replaces its lines, so it asks first, like Download again. */
export function DownloadBatchDialog({ open, batchName, onConfirm, onCancel }: DownloadBatchDialogProps) {
  return (
    <ConfirmDialog open={open} title="Download batch?" confirmLabel="Download batch" onConfirm={onConfirm} onCancel={onCancel}>
      The sheet&apos;s lines will be replaced with the lines of batch {batchName ? `"${batchName}"` : `named in cell ${cellAddress(BATCH_CELLS.batchName)}`} as the server holds them, with
      each line&apos;s latest status and message. Changes you have not uploaded will be lost.
    </ConfirmDialog>
  );
}
