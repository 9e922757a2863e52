/** @jest-environment jsdom */
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { createOfficeHost } from '../../excel/office-host';
import { createSimulatedExcel } from '../../excel/simulated/excel-api';
import { engineStub, sheetInfo, show } from '../test-support';
import { ActiveSheetPanel } from './ActiveSheetPanel';

/** Two prepared sheets in a simulated workbook; the engine stub names whichever is active, as the engine does. */
async function twoPreparedSheets() {
  const excel = createSimulatedExcel();
  const host = createOfficeHost(excel);
  await host.createSheet('Groups');
  await host.createSheet('Habits'); // now on screen
  const infoOf = (sheet: string) => ({ ...sheetInfo, sheet, title: sheet });
  const engine = engineStub({ activeSheetInfo: async () => infoOf(await host.activeSheet()) });
  return { workbook: excel.workbook, host, engine };
}

const heading = (title: string) => screen.findByRole('heading', { name: new RegExp(`^${title} — `) });

describe('ActiveSheetPanel', () => {
  it('when the person switches sheet tabs, then the pane names the sheet on screen at once, without waiting for a selection', async () => {
    const { workbook, host, engine } = await twoPreparedSheets();
    show(<ActiveSheetPanel host={host} engine={engine} prepared={0} />);
    await heading('Habits');
    workbook.activate('Groups'); // a tab click: Excel raises onActivated, not onSelectionChanged
    await heading('Groups');
    expect(screen.queryByRole('heading', { name: /^Habits/ })).toBeNull();
  });

  it('when the pane names a sheet, then Upload and Mark act on that sheet, not another', async () => {
    const { workbook, host, engine } = await twoPreparedSheets();
    show(<ActiveSheetPanel host={host} engine={engine} prepared={0} />);
    await heading('Habits');
    workbook.activate('Groups');
    await heading('Groups');
    fireEvent.click(screen.getByRole('button', { name: 'Upload changes' }));
    await waitFor(() => expect(engine.upload).toHaveBeenCalledWith('Groups', expect.any(Function), expect.any(AbortSignal)));
    await waitFor(() => expect((screen.getByRole('button', { name: 'Mark selected rows for deletion' }) as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(screen.getByRole('button', { name: 'Mark selected rows for deletion' }));
    await waitFor(() => expect(engine.markSelectedRowsForDeletion).toHaveBeenCalledWith('Groups'));
    expect(engine.upload).not.toHaveBeenCalledWith('Habits', expect.anything());
  });
});
