/** @jest-environment jsdom */
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { Progress } from '../../engine/engine-types';
import { backOut, batchJob, batchSheetInfo, engineStub, lifeEvent, sheetInfo, show } from '../test-support';
import { WorkbookActions } from './WorkbookActions';

const sheet = batchSheetInfo.sheet;
const click = (name: string) => fireEvent.click(screen.getByRole('button', { name }));

describe('WorkbookActions on a batch sheet', () => {
  it('when the sheet holds a batch, then the heading names it and the batch buttons are there; without a name it says where to type one', async () => {
    const engine = engineStub();
    const { unmount } = show(<WorkbookActions engine={engine} info={batchSheetInfo} selection={undefined} />);
    expect(screen.getByRole('heading', { name: 'Benefit Enrollments — Batch Open enrollment 2026' })).toBeTruthy();
    await waitFor(() => expect(engine.failedRows).toHaveBeenCalled());
    for (const name of ['Upload changes', 'Mark selected rows for deletion', 'Delete marked rows', 'Download batch', 'Process batch', 'Show audit log', 'Back out life event…']) {
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
    expect(screen.queryByRole('button', { name: 'Back out life event…' })).toBeNull();
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
    await waitFor(() => expect(engine.processBatch).toHaveBeenCalledWith(sheet, expect.any(Function), expect.any(AbortSignal)));
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
    expect(engine.refresh).toHaveBeenCalledWith(sheet, expect.any(Function), expect.any(AbortSignal));
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
  it('when Back out life event… is clicked on a processed line, then the dialog names the person, life event and date, and confirming backs it out and shows the result', async () => {
    const engine = engineStub({ backOutLifeEvent: async () => backOut({ message: 'Backed out the life event Marriage of 2021-06-01 for P10001 (Default relationship): removed 1 enrollment.' }) });
    show(<WorkbookActions engine={engine} info={batchSheetInfo} selection={undefined} />);
    click('Back out life event…');
    const dialog = await screen.findByRole('dialog', { name: 'Back out life event?' });
    expect(engine.selectedLifeEvent).toHaveBeenCalledWith(sheet);
    expect(dialog.textContent).toContain('Back out the life event Marriage of 2021-06-01 for Ada Lovelace (P10001), Default relationship? It is closed (on 2021-06-01).');
    expect(dialog.textContent).toContain('This removes 1 enrollment, 1 dependent designation and 0 beneficiary designations made for it');
    expect(dialog.textContent).toContain('Lines 3, 4 of this batch become BACKED OUT');
    expect(engine.backOutLifeEvent).not.toHaveBeenCalled();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Back out life event' }));
    const result = await screen.findByLabelText('Back out result');
    expect(result.textContent).toContain('Backed out the life event Marriage of 2021-06-01 for P10001 (Default relationship): removed 1 enrollment.');
    expect(engine.backOutLifeEvent).toHaveBeenCalledWith(sheet, 3, expect.any(Function));
    expect(engine.deleteVoidedLifeEvent).not.toHaveBeenCalled();
  });

  it('when the back-out is cancelled, then nothing is backed out', async () => {
    const engine = engineStub();
    show(<WorkbookActions engine={engine} info={batchSheetInfo} selection={undefined} />);
    click('Back out life event…');
    fireEvent.click(within(await screen.findByRole('dialog', { name: 'Back out life event?' })).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(engine.backOutLifeEvent).not.toHaveBeenCalled();
  });

  it('when the selected line’s life event is voided, then the dialog offers to delete it, and confirming deletes it', async () => {
    const engine = engineStub({ selectedLifeEvent: async () => lifeEvent({ status: 'VOIDED', voidedAt: '2026-12-01T09:30:00.000Z', lineId: 4 }) });
    show(<WorkbookActions engine={engine} info={batchSheetInfo} selection={undefined} />);
    click('Back out life event…');
    const dialog = await screen.findByRole('dialog', { name: 'Delete voided life event?' });
    expect(dialog.textContent).toContain('The life event Marriage of 2021-06-01 for Ada Lovelace (P10001), Default relationship was backed out on 2026-12-01 and is voided.');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete voided life event' }));
    expect((await screen.findByLabelText('Back out result')).textContent).toContain('Deleted the voided potential life event.');
    expect(engine.deleteVoidedLifeEvent).toHaveBeenCalledWith(sheet, 4);
    expect(engine.backOutLifeEvent).not.toHaveBeenCalled();
  });

  it('when the selected line has no life event, or no line is selected, then it says why and opens no dialog', async () => {
    const engine = engineStub({
      selectedLifeEvent: jest
        .fn()
        .mockResolvedValueOnce(lifeEvent({ status: null }))
        .mockRejectedValueOnce(new Error('Select one line of the batch (a single row), then click Back out life event again.')),
    });
    show(<WorkbookActions engine={engine} info={batchSheetInfo} selection={undefined} />);
    click('Back out life event…');
    expect((await screen.findByLabelText('Back out result')).textContent).toContain('Line 3 has no life event to back out: P10001 has no potential life event Marriage of 2021-06-01');
    click('Back out life event…');
    expect(await screen.findByText('Select one line of the batch (a single row), then click Back out life event again.')).toBeTruthy();
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});
