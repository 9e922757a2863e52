import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle } from '@fluentui/react-components';

export interface DeleteDialogProps {
  count: number;
  open: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/** seed: "Deleted data cannot be retrieved." */
export function DeleteDialog({ count, open, onConfirm, onCancel }: DeleteDialogProps) {
  return (
    <Dialog open={open} onOpenChange={(_, d) => !d.open && onCancel()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>Delete {count === 1 ? '1 row' : `${count} rows`}?</DialogTitle>
          <DialogContent>
            The marked rows and all their history will be deleted from the server. Deleted data cannot be retrieved.
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={onConfirm}>
              Delete rows
            </Button>
            <Button onClick={onCancel}>Cancel</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
