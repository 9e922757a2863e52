/** @jest-environment jsdom */
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { Progress } from '../../engine/engine-types';
import { batchJob, batchSheetInfo, engineStub, sheetInfo, show } from '../test-support';
import { WorkbookActions } from './WorkbookActions';

const sheet = batchSheetInfo.sheet;
const click = (name: string) => fireEvent.click(screen.getByRole('button', { name }));

describe('WorkbookActions on a batch sheet', () => {
  it('when the sheet holds a batch, then the heading names it and the batch buttons are there; without a name it says where to type one', async () => {
    const engine = engineStub();
    const { unmount } = show(<WorkbookActions engine={engine} info={batchSheetInfo} selection={undefined} />);
    expect(screen.getByRole('heading', { name: 'Benefit Enrollments — Batch Open enrollment 2026' })).toBeTruthy();
    await waitFor(() => expect(engine.failedRows).toHaveBeenCalled());
    for (const name of ['Upload changes', 'Mark selected rows for deletion', 'Delete marked rows', 'Download batch', 'Process batch', 'Show audit log']) {
      expect(screen.getByRole('button', { name })).toBeTruthy();
    }
    expect(screen.queryByRole('button', { name: 'Download again' })).toBeNull();
    unmount();
    const unnamed = engineStub();
    show(<WorkbookActions engine={unnamed} info={{ ...batchSheetInfo, batchName: undefined }} selection={undefined} />);
    expect(screen.getByRole('heading', { name: 'Benefit Enrollments — enter a batch name in cell D1' })).toBeTruthy();
    await waitFor(() => expect(unnamed.failedRows).toHaveBeenCalled());
  });

  it('when an effective-dated sheet is shown, then there is no batch button', async () => {
    const engine = engineStub();
    show(<WorkbookActions engine={engine} info={sheetInfo} selection={undefined} />);
    await waitFor(() => expect(engine.failedRows).toHaveBeenCalled());
    expect(screen.getByRole('button', { name: 'Download again' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Process batch' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Show audit log' })).toBeNull();
  });

  it('when the batch is processed, then a progress bar shows the lines done, and the result says what to do about errors', async () => {
    let report: (p: Progress) => void = () => undefined;
    let finish: () => void = () => undefined;
    const engine = engineStub({
      processBatch: (_s, onProgress) =>
        new Promise((resolve) => {
          report = onProgress!;
          finish = () => resolve(batchJob({ total: 6, done: 6, completed: 5, errors: 1 }));
        }),
    });
    show(<WorkbookActions engine={engine} info={batchSheetInfo} selection={undefined} />);
    click('Process batch');
    await waitFor(() => expect(engine.processBatch).toHaveBeenCalledWith(sheet, expect.any(Function)));
    act(() => report({ phase: 'Processing batch lines', done: 3, total: 6 }));
    expect(await screen.findByRole('progressbar', { name: 'Process progress' })).toBeTruthy();
    expect(screen.getByText('Processing batch lines: 3 of 6 rows')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Upload changes' }) as HTMLButtonElement).disabled).toBe(true);
    act(() => finish());
    const result = await screen.findByLabelText('Process result');
    expect(result.textContent).toContain("Processed 6 lines: 5 complete, 1 with errors. Each line's Message says what happened");
    expect(screen.queryByRole('progressbar')).toBeNull();
  });

  it('when processing is refused, then the reason is shown and no result', async () => {
    const engine = engineStub({ processBatch: async () => Promise.reject(new Error('2 rows have changes that are not uploaded. Upload them first, then process the batch.')) });
    show(<WorkbookActions engine={engine} info={batchSheetInfo} selection={undefined} />);
    click('Process batch');
    expect(await screen.findByText('2 rows have changes that are not uploaded. Upload them first, then process the batch.')).toBeTruthy();
    expect(screen.queryByLabelText('Process result')).toBeNull();
  });

  it('when Download batch is cancelled, then the sheet is left as it is', async () => {
    const engine = engineStub();
    show(<WorkbookActions engine={engine} info={batchSheetInfo} selection={undefined} />);
    click('Download batch');
    const dialog = await screen.findByRole('dialog', { name: 'Download batch?' });
    expect(dialog.textContent).toContain('replaced with the lines of batch "Open enrollment 2026"');
    expect(dialog.textContent).toContain('Changes you have not uploaded will be lost.');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(engine.refresh).not.toHaveBeenCalled();
  });

  it('when Download batch is confirmed, then the batch is downloaded and the result names it', async () => {
    const engine = engineStub({ refresh: async () => batchSheetInfo });
    show(<WorkbookActions engine={engine} info={batchSheetInfo} selection={undefined} />);
    click('Download batch');
    fireEvent.click(within(await screen.findByRole('dialog', { name: 'Download batch?' })).getByRole('button', { name: 'Download batch' }));
    expect(await screen.findByText('Downloaded the lines of batch Open enrollment 2026.')).toBeTruthy();
    expect(engine.refresh).toHaveBeenCalledWith(sheet, expect.any(Function));
  });

  it('when the audit log is shown, then each entry names its line and level; an empty log says how to keep one', async () => {
    const entries = [
      { lineId: 12, jobId: 1, level: 'ERROR' as const, message: 'Person P10005 is not a participant.', loggedAt: '2026-01-01T10:00:00Z' },
      { lineId: 13, jobId: 1, level: 'INFORMATION' as const, message: 'Enrolled in Medical.', loggedAt: '2026-01-01T10:00:01Z' },
    ];
    const engine = engineStub({ auditLog: jest.fn().mockResolvedValueOnce(entries).mockResolvedValueOnce([]) });
    show(<WorkbookActions engine={engine} info={batchSheetInfo} selection={undefined} />);
    click('Show audit log');
    const list = await screen.findByRole('list', { name: 'Audit log entries' });
    expect(within(list).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Line 12, Error: Person P10005 is not a participant.', 'Line 13, Information: Enrolled in Medical.']);
    click('Show audit log');
    expect(await screen.findByText(/No messages are logged for this batch/)).toBeTruthy();
    expect(screen.queryByRole('list', { name: 'Audit log entries' })).toBeNull();
    click('Process batch'); // a run adds to the log: the shown one is out of date
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Audit log' })).toBeNull());
  });
});
