import { Button, MessageBar, MessageBarBody, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { SheetInfo, WorkbookEngine } from '../../engine/engine-types';
import type { Selection } from '../../excel/workbook-host';
import { useSelectedRowErrors } from '../hooks/useSelectedRowErrors';
import { useWorkbookActions } from '../hooks/useWorkbookActions';
import { DeleteDialog } from './DeleteDialog';
import { DownloadAgainDialog } from './DownloadAgainDialog';
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

/** What can be done on a prepared sheet, and what came of it. */
export function WorkbookActions({ engine, info, selection }: WorkbookActionsProps) {
  const styles = useStyles();
  const a = useWorkbookActions(engine, info);
  const selectedErrors = useSelectedRowErrors(engine, info.sheet, selection, a.version);
  const { busy, running, progress, error } = a.task;
  return (
    <section className={styles.column} aria-label="Workbook actions">
      <Text as="h2" size={400} weight="semibold">
        {info.title} — Session effective date {info.effectiveDate}
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
        <Button disabled={busy} onClick={a.askRefresh}>
          Download again
        </Button>
      </div>
      {progress && <ProgressStatus progress={progress} label={running === 'refresh' ? 'Download progress' : 'Upload progress'} />}
      {error && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {a.result && !busy && (
        <MessageBar intent={a.result.failed ? 'warning' : 'success'} layout="multiline" aria-label="Upload result">
          <MessageBarBody>{a.result.text}</MessageBarBody>
        </MessageBar>
      )}
      <RowErrors failed={selectedErrors} />
      <FailedRowsSummary rows={a.failedRows} onSelect={a.selectRow} />
      <DeleteDialog count={a.confirmingDelete ?? 0} open={a.confirmingDelete !== undefined} onConfirm={() => void a.confirmDelete()} onCancel={a.cancelDelete} />
      <DownloadAgainDialog open={a.confirmingRefresh} effectiveDate={info.effectiveDate} onConfirm={() => void a.confirmRefresh()} onCancel={a.cancelRefresh} />
    </section>
  );
}
