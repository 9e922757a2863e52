import { Button, MessageBar, MessageBarBody, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { SheetInfo, WorkbookEngine } from '../../engine/engine-types';
import type { Selection } from '../../excel/workbook-host';
import { useWorkbookActions } from '../hooks/useWorkbookActions';
import { DeleteDialog } from './DeleteDialog';
import { FailedRowsSummary } from './FailedRowsSummary';
import { ProgressStatus } from './ProgressStatus';
import { RowErrors } from './RowErrors';

const useStyles = makeStyles({
  column: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

export interface WorkbookActionsProps {
  engine: WorkbookEngine;
  info: SheetInfo;
  selection: Selection | undefined;
}

export function WorkbookActions({ engine, info, selection }: WorkbookActionsProps) {
  const styles = useStyles();
  const a = useWorkbookActions(engine, info, selection);
  const busy = a.task.busy;
  return (
    <section className={styles.column} aria-label="Workbook actions">
      <Text weight="semibold">
        {info.title} — session effective date {info.effectiveDate}
      </Text>
      <div className={styles.buttons}>
        <Button appearance="primary" disabled={busy} onClick={() => void a.upload()}>
          Upload changes
        </Button>
        <Button disabled={busy} onClick={() => void a.markSelected()}>
          Mark selected rows for deletion
        </Button>
        <Button disabled={busy} onClick={() => void a.askDelete()}>
          Delete marked rows
        </Button>
        <Button disabled={busy} onClick={() => void a.refresh()} title="Replaces the sheet with the server's current data; changes not uploaded are lost.">
          Download again
        </Button>
      </div>
      {a.task.progress && <ProgressStatus progress={a.task.progress} label="Upload progress" />}
      {a.task.error && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{a.task.error}</MessageBarBody>
        </MessageBar>
      )}
      {a.result && (
        <MessageBar intent={a.result.failed ? 'warning' : 'success'} layout="multiline" aria-label="Upload result">
          <MessageBarBody>{a.result.text}</MessageBarBody>
        </MessageBar>
      )}
      <RowErrors failed={a.selectedErrors} />
      <FailedRowsSummary rows={a.failedRows} onSelect={a.selectRow} />
      <DeleteDialog count={a.markedCount ?? 0} open={a.markedCount !== undefined && a.markedCount > 0} onConfirm={() => void a.confirmDelete()} onCancel={a.cancelDelete} />
      {a.markedCount === 0 && (
        <MessageBar intent="info">
          <MessageBarBody>No rows are marked for deletion. Select rows and click Mark selected rows for deletion, or type X in their Mark for Deletion cells.</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
