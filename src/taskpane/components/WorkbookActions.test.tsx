/** @jest-environment jsdom */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { engineStub, failedRow, sheetInfo, show, summary } from '../test-support';
import { WorkbookActions } from './WorkbookActions';

const sheet = sheetInfo.sheet;
const click = (name: string) => fireEvent.click(screen.getByRole('button', { name }));

describe('WorkbookActions', () => {
  it('when deletion is cancelled, then nothing is deleted', async () => {
    const engine = engineStub({ markedRowLabels: async () => ['row 3 (P10001)', 'row 4 (P10002)'] });
    show(<WorkbookActions engine={engine} info={sheetInfo} selection={undefined} />);
    click('Delete marked rows');
    const dialog = await screen.findByRole('dialog', { name: 'Delete 2 rows?' });
    expect(dialog.textContent).toContain('Deleted data cannot be retrieved.');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(engine.deleteMarkedRows).not.toHaveBeenCalled();
  });

  it('when deletion is confirmed, then the marked rows are deleted and the result is said', async () => {
    const engine = engineStub({ markedRowLabels: async () => ['row 3 (P10001)'], deleteMarkedRows: async () => summary({ deleted: 1 }) });
    show(<WorkbookActions engine={engine} info={sheetInfo} selection={undefined} />);
    click('Delete marked rows');
    fireEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Delete rows' }));
    expect(await screen.findByText('1 row deleted: 1 deleted.')).toBeTruthy();
    expect(engine.deleteMarkedRows).toHaveBeenCalledWith(sheet, expect.any(Function), expect.any(AbortSignal));
  });

  it('when an upload has failed rows, then the summary warns and lists them, and clicking one selects it and shows its errors', async () => {
    const failed = failedRow(13, 'Benefits Group', 'There is no benefits group named "Gold".');
    let uploaded = false;
    const engine = engineStub({
      upload: async () => ((uploaded = true), summary({ updated: 2, failed: 1, failedRows: [failed] })),
      failedRows: async () => (uploaded ? [failed] : []),
    });
    show(<WorkbookActions engine={engine} info={sheetInfo} selection={undefined} />);
    click('Upload changes');
    expect(await screen.findByText('2 rows uploaded: 2 updated. 1 row failed: select a row to see why.')).toBeTruthy();
    const list = await screen.findByRole('list', { name: 'Failed rows' });
    fireEvent.click(within(list).getByRole('link', { name: /^Row 14: Benefits Group/ }));
    expect(engine.selectRow).toHaveBeenCalledWith(sheet, 13, undefined);
    // Shown at once, without waiting for Excel to report the selection (it need not report one an add-in made).
    const region = await screen.findByRole('region', { name: 'Errors in the selected row' });
    expect(region.textContent).toContain('Row 14: Upload Failed');
    expect(region.textContent).toContain('Benefits Group: There is no benefits group named "Gold".');
  });

  it('when an action fails, then its plain-language message is shown and the buttons work again', async () => {
    const engine = engineStub({ upload: async () => Promise.reject(new Error('Cannot reach the Benefits Workbook server. Check your connection and try again.')) });
    show(<WorkbookActions engine={engine} info={sheetInfo} selection={undefined} />);
    click('Upload changes');
    expect(await screen.findByText(/Cannot reach the Benefits Workbook server/)).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Upload changes' }) as HTMLButtonElement).disabled).toBe(false);
  });

  it('when the selected row failed, then its errors are shown by column header', async () => {
    const engine = engineStub({ rowErrors: async (_s, row) => (row === 13 ? failedRow(13, 'Benefits Group', 'Not a group.') : undefined) });
    show(<WorkbookActions engine={engine} info={sheetInfo} selection={{ sheet, rows: [13] }} />);
    const region = await screen.findByRole('region', { name: 'Errors in the selected row' });
    expect(region.textContent).toContain('Benefits Group: Not a group.');
  });

  it('when Download again is cancelled, then the sheet is left as it is', async () => {
    const engine = engineStub();
    show(<WorkbookActions engine={engine} info={sheetInfo} selection={undefined} />);
    click('Download again');
    const dialog = await screen.findByRole('dialog', { name: 'Download again?' });
    expect(dialog.textContent).toContain('Changes you have not uploaded will be lost.');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(engine.refresh).not.toHaveBeenCalled();
  });
});
