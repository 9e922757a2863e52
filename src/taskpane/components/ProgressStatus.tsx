import { Field, ProgressBar } from '@fluentui/react-components';
import type { Progress } from '../../engine/engine-types';

/** "Uploading rows: 2000 of 5400 rows" over a progress bar named for what is running. */
export function ProgressStatus({ progress, label }: { progress: Progress; label: string }) {
  const known = progress.total > 0;
  return (
    <Field label={label} validationState="none" validationMessage={known ? `${progress.phase}: ${progress.done} of ${progress.total} rows` : progress.phase}>
      <ProgressBar aria-label={label} value={known ? progress.done / progress.total : undefined} max={1} />
    </Field>
  );
}
