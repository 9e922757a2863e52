import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { FailedRow } from '../../engine/engine-types';
import { isPredictedWarning, withoutWarningText } from '../../core/check-status';
import { SAVED_STATUSES } from '../../core/sheet-layout';

/** The errors of the selected row (Office.js cannot see a double-click, so selecting the row shows them); a saved row's warnings alike. */
export function RowErrors({ failed }: { failed: FailedRow | undefined }) {
  if (!failed) return null;
  // Saved with warnings, or Check says it would be ("Will update, with a warning: …").
  const saved = isPredictedWarning(failed.status) || SAVED_STATUSES.includes(failed.status);
  return (
    <section aria-label={saved ? 'Warnings in the selected row' : 'Errors in the selected row'}>
      <MessageBar intent={saved ? 'warning' : 'error'} layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>
            Row {failed.excelRow}: {withoutWarningText(failed.status)}
          </MessageBarTitle>
          <ul>
            {failed.errors.map((e, i) => (
              <li key={i}>{e.header ? `${e.header}: ${e.message}` : e.message}</li>
            ))}
          </ul>
        </MessageBarBody>
      </MessageBar>
    </section>
  );
}
