import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { FailedRow } from '../../engine/engine-types';

/** The errors of the selected row (Office.js cannot see a double-click, so selecting the row shows them). */
export function RowErrors({ failed }: { failed: FailedRow | undefined }) {
  if (!failed) return null;
  return (
    <section aria-label="Errors in the selected row">
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>
            Row {failed.excelRow}: {failed.status}
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
