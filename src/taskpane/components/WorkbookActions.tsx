import { Button, MessageBar, MessageBarActions, MessageBarBody, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { FailedRow, SheetInfo, WorkbookEngine } from '../../engine/engine-types';
import type { Selection } from '../../excel/workbook-host';
import { sheetHeading } from '../batch-summary';
import { resumeText, type StoppedAction } from '../resume';
import { useBatchActions } from '../hooks/useBatchActions';
import { useConflicts } from '../hooks/useConflicts';
import { useCheckAndRetry } from '../hooks/useCheckAndRetry';
import { useLifeEventBackOut } from '../hooks/useLifeEventBackOut';
import { useAbility } from '../hooks/useRole';
import { useSelectedRowErrors } from '../hooks/useSelectedRowErrors';
import { useWorkbookActions, type WorkbookAction } from '../hooks/useWorkbookActions';
import { AuditLog } from './AuditLog';
import { BackOutDialog } from './BackOutDialog';
import { ConflictPanel } from './ConflictPanel';
import { DeleteDialog } from './DeleteDialog';
import { DownloadAgainDialog } from './DownloadAgainDialog';
import { DownloadBatchDialog } from './DownloadBatchDialog';
import { FailedRowsSummary } from './FailedRowsSummary';
import { ProgressStatus } from './ProgressStatus';
import { RowErrors } from './RowErrors';
import { SortDialog, type SortColumn } from './SortDialog';
import { SuggestionButtons } from './SuggestionButtons';
import { SheetNotices } from './SheetNotices';

const useStyles = makeStyles({
  column: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

const PROGRESS_LABELS: Partial<Record<WorkbookAction, string>> = { check: 'Check progress', refresh: 'Download progress', resolve: 'Conflict progress', process: 'Process progress', backOut: 'Back out progress' };
/** Actions that send in chunks: Cancel stops them after the chunk in flight. */
const CANCELLABLE: WorkbookAction[] = ['upload', 'delete', 'refresh', 'process', 'check'];

export interface WorkbookActionsProps {
  engine: WorkbookEngine;
  info: SheetInfo;
  selection: Selection | undefined;
  /** Another action that would touch this sheet runs (a Prepare): every action here waits. */
  locked?: boolean;
  /** Says when an action starts and ends, so Prepare waits while one runs. */
  onBusyChange?: (busy: boolean) => void;
  /** An upload or deletion stopped by the session or the connection (offered again after sign-in). */
  stopped?: StoppedAction;
  onStopped?: (stopped: StoppedAction | undefined) => void;
}

/** What can be done on a prepared sheet, and what came of it. A batch sheet adds processing and its audit log. */
export function WorkbookActions({ engine, info, selection, locked = false, onBusyChange, stopped, onStopped }: WorkbookActionsProps) {
  const styles = useStyles();
  const a = useWorkbookActions(engine, info, (action) => onStopped?.({ sheet: info.sheet, action }));
  const b = useBatchActions(engine, info.sheet, a);
  const c = useCheckAndRetry(engine, info.sheet, a);
  const backOut = useLifeEventBackOut(engine, info.sheet, a);
  const conflicts = useConflicts(engine, info.sheet, a.version, a);
  const selectedErrors = useSelectedRowErrors(engine, info.sheet, selection, a.version);
  // A row picked from the failed-rows list shows its errors at once: Excel need not report a selection the add-in made.
  const [picked, setPicked] = useState<FailedRow | undefined>();
  useEffect(() => setPicked(undefined), [selection, a.version]);
  const sortColumns = useSortColumns(engine, info.kind);
  const { running, progress, error } = a.task;
  const busy = a.task.busy || locked;
  useEffect(() => onBusyChange?.(a.task.busy), [a.task.busy, onBusyChange]);
  // Unmounted mid-action (the session ended, the tab switched): Prepare must not stay waiting for it.
  useEffect(() => () => onBusyChange?.(false), [onBusyChange]);
  const resume = stopped?.sheet === info.sheet ? stopped : undefined;
  const rerun = () => {
    onStopped?.(undefined);
    void (resume?.action === 'delete' ? a.confirmDelete() : a.upload());
  };
  const batch = info.scope === 'batch';
  // A read-only sheet offers nothing that changes records: only downloading it again.
  const readOnly = info.readOnly !== undefined;
  // What the user's role cannot do stays visible but disabled, with the reason beside it.
  const upload = useAbility('upload');
  const process = useAbility('process');
  const notAllowed = [!readOnly && upload.reason, batch && upload.allowed && process.reason].find(Boolean);
  return (
    <section className={styles.column} aria-label="Workbook actions">
      <Text as="h2" size={400} weight="semibold">
        {sheetHeading(info)}
      </Text>
      <SheetNotices info={info} />
      {readOnly && (
        <MessageBar intent="info" layout="multiline" aria-label="Read-only workbook">
          <MessageBarBody>This workbook is read-only: nothing in it is uploaded. {info.readOnly}</MessageBarBody>
        </MessageBar>
      )}
      {notAllowed && (
        <MessageBar intent="info" layout="multiline" aria-label="What your role allows">
          <MessageBarBody>{notAllowed}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.buttons}>
        {!readOnly && (
          <>
            <Button appearance="primary" disabled={busy || !upload.allowed} onClick={() => void a.upload()}>
              Upload changes
            </Button>
            <Button disabled={busy || !upload.allowed} onClick={() => void c.check()}>
              Check changes
            </Button>
            <Button disabled={busy || !upload.allowed || a.failedRows.length === 0} onClick={() => void c.retryFailed()}>
              Retry failed rows
            </Button>
            <Button disabled={busy || !upload.allowed} onClick={() => void a.markSelected()}>
              Mark selected rows for deletion
            </Button>
            <Button disabled={busy || !upload.allowed} onClick={() => void a.askDelete()}>
              Delete marked rows
            </Button>
            <Button disabled={busy} onClick={a.askSort}>
              Sort rows…
            </Button>
            <Button disabled={busy} onClick={() => void a.revertSelected()}>
              Revert selected rows
            </Button>
          </>
        )}
        <Button disabled={busy} onClick={a.askRefresh}>
          {batch ? 'Download batch' : 'Download again'}
        </Button>
        {batch && (
          <>
            <Button disabled={busy || !process.allowed} onClick={() => void b.process()}>
              Process batch
            </Button>
            <Button disabled={busy} onClick={() => void b.showAuditLog()}>
              Show audit log
            </Button>
            <Button disabled={busy || !process.allowed} onClick={() => void backOut.ask()}>
              Back out life event…
            </Button>
          </>
        )}
      </div>
      {resume && !busy && (
        <MessageBar intent="warning" layout="multiline" aria-label="Stopped action">
          <MessageBarBody>{resumeText(resume)}</MessageBarBody>
          <MessageBarActions>
            <Button onClick={rerun}>{resume.action === 'upload' ? 'Resume upload' : 'Resume deletion'}</Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {progress && (
        <ProgressStatus
          progress={progress}
          label={(running && PROGRESS_LABELS[running]) ?? 'Upload progress'}
          onCancel={running && CANCELLABLE.includes(running) ? a.task.cancel : undefined}
          cancelling={a.task.cancelling}
        />
      )}
      {error && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {a.result && !busy && (
        <MessageBar intent={a.result.failed ? 'warning' : 'success'} layout="multiline" aria-label={a.result.label ?? 'Upload result'}>
          <MessageBarBody>{a.result.text}</MessageBarBody>
        </MessageBar>
      )}
      <RowErrors failed={picked ?? selectedErrors} />
      {!readOnly && <SuggestionButtons failed={picked ?? selectedErrors} allFailed={a.failedRows} disabled={busy} onUse={(row, s, everywhere) => void c.useSuggestion(row, s, everywhere)} />}
      <FailedRowsSummary
        rows={a.failedRows}
        onSelect={(row) => {
          setPicked(row);
          void a.selectRow(row);
        }}
      />
      <ConflictPanel conflicts={conflicts.conflicts} busy={busy} onResolve={(c, choice) => void conflicts.resolve(c, choice)} />
      {b.auditLog && <AuditLog entries={b.auditLog} />}
      {batch && <BackOutDialog event={backOut.confirming} onConfirm={() => void backOut.confirm()} onCancel={backOut.cancel} />}
      <SortDialog open={a.choosingSort} columns={sortColumns} onSort={(key, ascending) => void a.sort(key, ascending)} onCancel={a.cancelSort} />
      <DeleteDialog rows={a.confirmingDelete ?? []} open={a.confirmingDelete !== undefined} onConfirm={() => void a.confirmDelete()} onCancel={a.cancelDelete} />
      {batch ? (
        <DownloadBatchDialog open={a.confirmingRefresh} batchName={info.batchName} onConfirm={() => void a.confirmRefresh()} onCancel={a.cancelRefresh} />
      ) : (
        <DownloadAgainDialog open={a.confirmingRefresh} effectiveDate={info.effectiveDate ?? ''} readOnly={readOnly} onConfirm={() => void a.confirmRefresh()} onCancel={a.cancelRefresh} />
      )}
    </section>
  );
}

/** The kind's visible columns, to sort by. */
function useSortColumns(engine: WorkbookEngine, kind: string): SortColumn[] {
  const [columns, setColumns] = useState<SortColumn[]>([]);
  useEffect(() => {
    let alive = true;
    engine.definitions().then(
      (defs) => alive && setColumns((defs.find((d) => d.kind === kind)?.columns ?? []).filter((c) => !c.hidden).map((c) => ({ key: c.key, header: c.header }))),
      () => undefined,
    );
    return () => {
      alive = false;
    };
  }, [engine, kind]);
  return columns;
}
