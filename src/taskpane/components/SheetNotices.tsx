import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import type { SheetInfo } from '../../engine/engine-types';

/** What the user must know about the rows the sheet holds: a cancelled (incomplete) download, listed numbers not found. */
export function SheetNotices({ info }: { info: SheetInfo }) {
  const unknown = info.unknownPersonNumbers ?? [];
  return (
    <>
      {info.incomplete && (
        <MessageBar intent="warning" layout="multiline" aria-label="Incomplete sheet">
          <MessageBarBody>This sheet is incomplete: its download was cancelled, so some rows are missing. Click Download again to get all of them.</MessageBarBody>
        </MessageBar>
      )}
      {unknown.length > 0 && (
        <MessageBar intent="warning" layout="multiline" aria-label="Person numbers not found">
          <MessageBarBody>
            {unknown.length === 1 ? 'This person number was' : `These ${unknown.length} person numbers were`} not found (no such person, or not one you have access to):{' '}
            {unknown.slice(0, 20).join(', ')}
            {unknown.length > 20 ? ', …' : ''}
          </MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}
