/** @jest-environment jsdom */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { ConflictView } from '../../core/conflicts';
import { engineStub, sheetInfo, show, summary } from '../test-support';
import { ConflictPanel } from './ConflictPanel';
import { WorkbookActions } from './WorkbookActions';

const conflict = (c: Partial<ConflictView>): ConflictView => ({
  row: 6,
  excelRow: 7,
  key: 'pbg-000002',
  label: 'P10002 Jamal Ivanova',
  deleted: false,
  message: 'Someone else changed this row after you downloaded it.',
  cells: [{ column: 'benefitsGroup', header: 'Benefits Group', mine: 'Executives', downloaded: 'Hourly Employees', theirs: 'Retirees', changedByMe: true, changedByThem: true }],
  ...c,
});

describe('ConflictPanel', () => {
  it('when a row is in conflict, then each column shows yours, downloaded and the server’s value, and the buttons say which row they resolve', () => {
    const onResolve = jest.fn();
    show(<ConflictPanel conflicts={[conflict({}), conflict({ row: 9, excelRow: 10, key: 'k2', label: 'P10004' })]} busy={false} onResolve={onResolve} />);
    const row = screen.getByRole('region', { name: 'Row 7: P10002 Jamal Ivanova' });
    const cells = within(within(row).getByRole('table')).getAllByRole('row').map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent));
    expect(cells).toEqual([
      ['Column', 'Yours', 'Downloaded', 'On the server now'],
      ['Benefits Group', 'Executives', 'Hourly Employees', 'Retirees'],
    ]);
    fireEvent.click(within(row).getByRole('button', { name: 'Keep mine' }));
    expect(onResolve).toHaveBeenCalledWith(expect.objectContaining({ key: 'pbg-000002' }), 'mine');
    fireEvent.click(within(screen.getByRole('region', { name: 'Row 10: P10004' })).getByRole('button', { name: 'Take theirs' }));
    expect(onResolve).toHaveBeenLastCalledWith(expect.objectContaining({ key: 'k2' }), 'theirs');
  });

  it('when someone deleted the record, then the pane says so and the server column says deleted', () => {
    show(<ConflictPanel conflicts={[conflict({ deleted: true })]} busy={false} onResolve={jest.fn()} />);
    expect(screen.getByText(/Someone deleted this record/)).toBeTruthy();
    expect(screen.getByRole('cell', { name: '(deleted)' })).toBeTruthy();
  });

  it('when the sheet has conflicts, then the actions pane lists them and Keep mine resolves that row and says how the re-upload went', async () => {
    const engine = engineStub({
      conflicts: async () => [conflict({})],
      resolveConflict: async () => ({ choice: 'mine', excelRow: 7, summary: summary({ updated: 1 }) }),
    });
    show(<WorkbookActions engine={engine} info={sheetInfo} selection={undefined} />);
    const row = await screen.findByRole('region', { name: 'Row 7: P10002 Jamal Ivanova' });
    fireEvent.click(within(row).getByRole('button', { name: 'Keep mine' }));
    await waitFor(() => expect(engine.resolveConflict).toHaveBeenCalledWith('Person Benefit Groups', 6, 'pbg-000002', 'mine', expect.any(Function)));
    await screen.findByText('Kept your change to row 7. 1 row uploaded: 1 updated.');
  });
});
