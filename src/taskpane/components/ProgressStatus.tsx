import { Button, Field, ProgressBar, makeStyles, tokens } from '@fluentui/react-components';
import type { Progress } from '../../engine/engine-types';
import { progressText } from '../../engine/progress';

const useStyles = makeStyles({ row: { display: 'flex', alignItems: 'flex-end', gap: tokens.spacingHorizontalS }, bar: { flexGrow: 1 } });

export interface ProgressStatusProps {
  progress: Progress;
  label: string;
  /** Offered while the action can stop between chunks; the sheet stays consistent (sent rows have statuses). */
  onCancel?: () => void;
  /** Cancel was clicked: the current chunk finishes first. */
  cancelling?: boolean;
}

/** "Uploading rows: 2,000 of 5,400 rows, about 2 minutes left" over a progress bar named for what is running, with Cancel. */
export function ProgressStatus({ progress, label, onCancel, cancelling }: ProgressStatusProps) {
  const styles = useStyles();
  const known = progress.total > 0;
  const text = cancelling ? `${progressText(progress)}. Stopping after this chunk…` : progressText(progress);
  return (
    <div className={styles.row}>
      <Field className={styles.bar} label={label} validationState="none" validationMessage={text}>
        <ProgressBar aria-label={label} value={known ? progress.done / progress.total : undefined} max={1} />
      </Field>
      {onCancel && (
        <Button disabled={cancelling} onClick={onCancel}>
          Cancel
        </Button>
      )}
    </div>
  );
}
