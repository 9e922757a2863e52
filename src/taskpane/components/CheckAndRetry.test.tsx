/** @jest-environment jsdom */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { FailedRow } from '../../engine/engine-types';
import { engineStub, failedRow, sheetInfo, show, summary } from '../test-support';
import { WorkbookActions } from './WorkbookActions';

// The machine running the suite may be busy: a render here can take longer than jest's 5 s default.
jest.setTimeout(30000);

const sheet = sheetInfo.sheet;
const click = (name: string) => fireEvent.click(screen.getByRole('button', { name }));
const withSuggestion = (row: number): FailedRow => {
  const f = failedRow(row, 'Benefits Group', 'There is no benefits group named "Retiree". Did you mean "Retirees"?');
  return { ...f, errors: [{ ...f.errors[0], column: 'benefitsGroup', suggestion: { column: 'benefitsGroup', value: 'Retirees' } }] };
};

describe('Check changes, Did you mean and Retry failed rows', () => {
  it('when Check changes is clicked, then the engine checks the sheet and the pane says what an upload would do', async () => {
    const engine = engineStub({ checkChanges: async () => ({ willInsert: 1, willUpdate: 2, willDelete: 0, willFail: 1, failInProcessing: 0, failedRows: [withSuggestion(5)], warnedRows: [], notChecked: 0 }) });
    show(<WorkbookActions engine={engine} info={sheetInfo} selection={undefined} />);
    click('Check changes');
    expect(await screen.findByText('Checked 4 rows: 2 will be updated, 1 will be added, 1 will fail. Nothing was uploaded; the Status column shows what an upload would do.')).toBeTruthy();
    expect(engine.checkChanges).toHaveBeenCalledWith(sheet, expect.any(Function), expect.anything()); // the third: Cancel's signal
    expect(engine.upload).not.toHaveBeenCalled();
  });

  it('when a failed row with a suggestion is picked, then "Use Retirees" fixes that cell, and the other button every cell with the typo', async () => {
    const rows = [withSuggestion(5), withSuggestion(9)];
    const engine = engineStub({ failedRows: async () => rows });
    show(<WorkbookActions engine={engine} info={sheetInfo} selection={undefined} />);
    const list = await screen.findByRole('list', { name: 'Failed rows' });
    fireEvent.click(within(list).getByRole('link', { name: /^Row 6:/ }));
    const group = await screen.findByRole('group', { name: 'Suggestions' });
    fireEvent.click(within(group).getByRole('button', { name: 'Use Retirees' }));
    await waitFor(() => expect(engine.useSuggestion).toHaveBeenCalledWith(sheet, rows[0], { column: 'benefitsGroup', value: 'Retirees' }, false));
    expect(await screen.findByText('Put "Retirees" in 1 cell. Upload changes (or Retry failed rows) to save.')).toBeTruthy();
    fireEvent.click(within(list).getByRole('link', { name: /^Row 6:/ }));
    fireEvent.click(within(await screen.findByRole('group', { name: 'Suggestions' })).getByRole('button', { name: 'Use Retirees in every Benefits Group cell with this typo' }));
    await waitFor(() => expect(engine.useSuggestion).toHaveBeenCalledWith(sheet, rows[0], { column: 'benefitsGroup', value: 'Retirees' }, true));
  });

  it('when there are failed rows, then Retry failed rows uploads only them; without failed rows it is disabled', async () => {
    let failed = [failedRow(5, 'Benefits Group', 'There is no benefits group named "Gold".')];
    const engine = engineStub({ failedRows: async () => failed, retryFailedRows: async () => ((failed = []), summary({ updated: 1 })) });
    show(<WorkbookActions engine={engine} info={sheetInfo} selection={undefined} />);
    await screen.findByRole('list', { name: 'Failed rows' });
    click('Retry failed rows');
    expect(await screen.findByText('1 row uploaded: 1 updated.')).toBeTruthy();
    expect(engine.retryFailedRows).toHaveBeenCalledWith(sheet, expect.any(Function));
    expect(engine.upload).not.toHaveBeenCalled();
    await waitFor(() => expect((screen.getByRole('button', { name: 'Retry failed rows' }) as HTMLButtonElement).disabled).toBe(true));
  });
});
