import { makeStyles, tokens } from '@fluentui/react-components';
import { ConfirmDialog } from './ConfirmDialog';

const useStyles = makeStyles({ list: { margin: `${tokens.spacingVerticalS} 0`, paddingLeft: tokens.spacingHorizontalL, maxHeight: '10em', overflowY: 'auto' } });

export interface DeleteDialogProps {
  /** The marked rows as people name them: "row 5 (P10005 Ann Lee)". */
  rows: string[];
  open: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/** seed: "Deleted data cannot be retrieved." The rows are named, so the person sees what goes, not only how many. */
export function DeleteDialog({ rows, open, onConfirm, onCancel }: DeleteDialogProps) {
  const styles = useStyles();
  const count = rows.length;
  return (
    <ConfirmDialog open={open} title={`Delete ${count === 1 ? '1 row' : `${count} rows`}?`} confirmLabel="Delete rows" onConfirm={onConfirm} onCancel={onCancel}>
      These rows and all their history will be deleted from the server:
      <ul className={styles.list} aria-label="Rows to delete">
        {rows.map((r) => (
          <li key={r}>{r}</li>
        ))}
      </ul>
      Deleted data cannot be retrieved.
    </ConfirmDialog>
  );
}
