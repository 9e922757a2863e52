import { ConfirmDialog } from './ConfirmDialog';

export interface DownloadAgainDialogProps {
  open: boolean;
  /** Empty for a sheet without a date (a keyed workbook such as Users). */
  effectiveDate: string;
  /** A read-only sheet has no changes to lose. */
  readOnly?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

export function DownloadAgainDialog({ open, effectiveDate, readOnly = false, onConfirm, onCancel }: DownloadAgainDialogProps) {
  return (
    <ConfirmDialog open={open} title="Download again?" confirmLabel="Download again" onConfirm={onConfirm} onCancel={onCancel}>
      The sheet will be replaced with the server&apos;s data{effectiveDate ? ` as of ${effectiveDate}` : ''}.{readOnly ? '' : ' Changes you have not uploaded will be lost.'}
    </ConfirmDialog>
  );
}
