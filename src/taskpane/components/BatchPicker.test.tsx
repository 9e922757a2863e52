/** @jest-environment jsdom */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { BatchSummary, WorkbookDefinition } from '../../contract/api';
import { show } from '../test-support';
import { batchDescription } from './BatchPicker';
import { PrepareWorkbook } from './PrepareWorkbook';

jest.setTimeout(30000);

const batchKind: WorkbookDefinition = { kind: 'benefit-enrollments', title: 'Benefit Enrollments', description: '', scope: 'batch', columns: [] };
const batches: BatchSummary[] = [
  { batchName: 'Spring hires', lines: 12, lastRun: '2026-11-30T10:00:00.000Z', statusCounts: { ERROR: 2, COMPLETE: 9, NEW: 1 } },
  { batchName: 'Open enrollment', lines: 1, lastRun: null, statusCounts: { NEW: 1 } },
];
const prepare = () => fireEvent.click(screen.getByRole('button', { name: 'Prepare in workbook' }));

describe('BatchPicker on Prepare', () => {
  it('when batches exist, then each is listed with its lines, last run and status counts, and picking one prepares it without asking', async () => {
    const onPrepare = jest.fn();
    show(<PrepareWorkbook loadDefinitions={async () => [batchKind]} loadBatches={async () => batches} onPrepare={onPrepare} busy={false} />);
    const list = await screen.findByRole('list', { name: 'Existing batches (2)' }, { timeout: 10000 });
    expect(within(list).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      `Spring hires — 12 lines, last run ${new Date('2026-11-30T10:00:00.000Z').toLocaleDateString('en-US')}: 9 complete, 2 with errors, 1 not processed`,
      'Open enrollment — 1 line, never processed: 1 not processed',
    ]);
    fireEvent.click(within(list).getByRole('button', { name: 'Spring hires' }));
    expect((screen.getByLabelText(/Batch name/) as HTMLInputElement).value).toBe('Spring hires');
    prepare();
    await waitFor(() => expect(onPrepare).toHaveBeenCalledWith('benefit-enrollments', { batchName: 'Spring hires' }));
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('when a name no batch has is typed, then Prepare asks "Start a new batch named …?" and prepares only once confirmed', async () => {
    const onPrepare = jest.fn();
    show(<PrepareWorkbook loadDefinitions={async () => [batchKind]} loadBatches={async () => batches} onPrepare={onPrepare} busy={false} />);
    await screen.findByRole('list', { name: 'Existing batches (2)' }, { timeout: 10000 });
    fireEvent.change(screen.getByLabelText(/Batch name/), { target: { value: 'Sprng hires' } });
    prepare();
    const dialog = await screen.findByRole('dialog');
    expect(dialog.textContent).toContain('Start a new batch named "Sprng hires"?');
    expect(onPrepare).not.toHaveBeenCalled();
    fireEvent.click(within(dialog).getByText('Start new batch'));
    expect(onPrepare).toHaveBeenCalledWith('benefit-enrollments', { batchName: 'Sprng hires' });
  });

  it('when the new-batch question is cancelled, then nothing is prepared', async () => {
    const onPrepare = jest.fn();
    show(<PrepareWorkbook loadDefinitions={async () => [batchKind]} loadBatches={async () => batches} onPrepare={onPrepare} busy={false} />);
    await screen.findByRole('list', { name: 'Existing batches (2)' }, { timeout: 10000 });
    fireEvent.change(screen.getByLabelText(/Batch name/), { target: { value: 'Sprng hires' } });
    prepare();
    fireEvent.click(within(await screen.findByRole('dialog')).getByText('Cancel'));
    expect(onPrepare).not.toHaveBeenCalled();
  });

  it('when the batch was created since the list was shown, then Prepare asks the server again and does not call it new', async () => {
    const onPrepare = jest.fn();
    const load = jest.fn(async () => batches).mockResolvedValueOnce([]);
    show(<PrepareWorkbook loadDefinitions={async () => [batchKind]} loadBatches={load} onPrepare={onPrepare} busy={false} />);
    await screen.findByText(/No batches yet/);
    fireEvent.change(screen.getByLabelText(/Batch name/), { target: { value: 'Spring hires' } });
    prepare();
    await waitFor(() => expect(onPrepare).toHaveBeenCalledWith('benefit-enrollments', { batchName: 'Spring hires' }));
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('when a batch has no lines by status, then the description says only lines and the run', () => {
    expect(batchDescription({ batchName: 'x', lines: 0, lastRun: null, statusCounts: {} })).toBe('0 lines, never processed');
  });
});
