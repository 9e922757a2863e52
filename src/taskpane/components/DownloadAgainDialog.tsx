import { ConfirmDialog } from './ConfirmDialog';

export interface DownloadAgainDialogProps {
  open: boolean;
  effectiveDate: string;
  onConfirm: () => void;
  onCancel: () => void;
}

export function DownloadAgainDialog({ open, effectiveDate, onConfirm, onCancel }: DownloadAgainDialogProps) {
  return (
    <ConfirmDialog open={open} title="Download again?" confirmLabel="Download again" onConfirm={onConfirm} onCancel={onCancel}>
      The sheet will be replaced with the server&apos;s data as of {effectiveDate}. Changes you have not uploaded will be lost.
    </ConfirmDialog>
  );
}
