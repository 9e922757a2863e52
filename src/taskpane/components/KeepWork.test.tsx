/** @jest-environment jsdom */
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { ApiError } from '../../api/api-client';
import type { PrepareScope, WorkbookEngine } from '../../engine/engine-types';
import { usePrepare } from '../hooks/usePrepare';
import { engineStub, sheetInfo, show, summary } from '../test-support';
import { PrepareOverDialog } from './PrepareOverDialog';
import { WorkbookActions } from './WorkbookActions';

const sheet = sheetInfo.sheet;
const click = (name: string) => fireEvent.click(screen.getByRole('button', { name }));
const scope: PrepareScope = { effectiveDate: '2026-01-01' };

function PrepareHarness({ engine }: { engine: WorkbookEngine }) {
  const p = usePrepare(engine);
  return (
    <>
      <button onClick={() => void p.ask('person-benefit-groups', scope)}>Prepare in workbook</button>
      <PrepareOverDialog pending={p.confirming} onConfirm={() => void p.confirm()} onCancel={p.cancel} />
    </>
  );
}

describe('never losing work in the pane', () => {
  it('when Prepare would replace a sheet with unsent rows, then it asks, naming how many, and prepares only when confirmed', async () => {
    const engine = engineStub({ unsentBeforePrepare: async () => 3 });
    show(<PrepareHarness engine={engine} />);
    click('Prepare in workbook');
    const dialog = await screen.findByRole('dialog', { name: 'Replace the sheet?' });
    expect(dialog.textContent).toContain('3 rows have changes that are not uploaded');
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(engine.prepare).not.toHaveBeenCalled();
    click('Prepare in workbook');
    fireEvent.click(await screen.findByRole('button', { name: 'Replace the sheet' }));
    await waitFor(() => expect(engine.prepare).toHaveBeenCalledWith('person-benefit-groups', scope, expect.any(Function), expect.any(AbortSignal)));
  });

  it('when nothing would be lost, then Prepare goes ahead without asking', async () => {
    const engine = engineStub();
    show(<PrepareHarness engine={engine} />);
    click('Prepare in workbook');
    await waitFor(() => expect(engine.prepare).toHaveBeenCalled());
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('when Revert selected rows is clicked, then the selected rows are put back and the pane says how many', async () => {
    const engine = engineStub({ revertSelectedRows: async () => 2 });
    show(<WorkbookActions engine={engine} info={sheetInfo} selection={undefined} />);
    click('Revert selected rows');
    expect(await screen.findByText('2 rows put back to the downloaded values.')).toBeTruthy();
    expect(engine.revertSelectedRows).toHaveBeenCalledWith(sheet);
  });

  it('when Cancel is clicked during an upload, then the upload is asked to stop and the summary says what was not sent', async () => {
    let stop: AbortSignal | undefined;
    let finish!: () => void;
    const engine = engineStub({
      upload: (_s, onProgress, signal) =>
        new Promise((resolve) => {
          stop = signal;
          onProgress?.({ phase: 'Uploading rows', done: 2, total: 6 });
          finish = () => resolve(summary({ updated: 2, notSent: 4 }));
        }),
    });
    show(<WorkbookActions engine={engine} info={sheetInfo} selection={undefined} />);
    click('Upload changes');
    fireEvent.click(await screen.findByRole('button', { name: 'Cancel' }));
    expect(stop?.aborted).toBe(true);
    expect(screen.getByText(/Stopping after this chunk/)).toBeTruthy();
    act(() => finish());
    expect(await screen.findByText('2 rows uploaded: 2 updated. Cancelled: 4 rows not sent keep their Changed mark; upload again to send them.')).toBeTruthy();
  });

  it('when a changed row is also marked for deletion, then the summary names it and says what to do', async () => {
    const engine = engineStub({ upload: async () => summary({ pendingDeletion: ['row 9 (P10007 Ann Lee)'] }) });
    show(<WorkbookActions engine={engine} info={sheetInfo} selection={undefined} />);
    click('Upload changes');
    expect(
      await screen.findByText('Not uploaded: row 9 (P10007 Ann Lee) is changed and also marked for deletion. Click Delete marked rows to delete it, or clear Mark for Deletion to upload the change.'),
    ).toBeTruthy();
    expect(screen.queryByText('No changed rows to upload.')).toBeNull();
  });

  it('when the session ends during an upload, then it is reported as stopped; after signing in again, one click resumes it', async () => {
    const onStopped = jest.fn();
    const engine = engineStub({ upload: async () => Promise.reject(new ApiError('Your session has ended. Sign in again.', 401)) });
    const { unmount } = show(<WorkbookActions engine={engine} info={sheetInfo} selection={undefined} onStopped={onStopped} />);
    click('Upload changes');
    await waitFor(() => expect(onStopped).toHaveBeenCalledWith({ sheet, action: 'upload' }));
    unmount();

    const resumed = engineStub({ upload: async () => summary({ updated: 4 }) });
    show(<WorkbookActions engine={resumed} info={sheetInfo} selection={undefined} stopped={{ sheet, action: 'upload' }} onStopped={onStopped} />);
    expect(screen.getByLabelText('Stopped action').textContent).toContain('the others keep their mark');
    click('Resume upload');
    expect(await screen.findByText('4 rows uploaded: 4 updated.')).toBeTruthy();
    expect(onStopped).toHaveBeenLastCalledWith(undefined);
  });

  it('when another action on the sheet runs (a Prepare), then the sheet\'s actions wait', () => {
    show(<WorkbookActions engine={engineStub()} info={sheetInfo} selection={undefined} locked />);
    for (const name of ['Upload changes', 'Delete marked rows', 'Revert selected rows']) expect((screen.getByRole('button', { name }) as HTMLButtonElement).disabled).toBe(true);
  });
});
