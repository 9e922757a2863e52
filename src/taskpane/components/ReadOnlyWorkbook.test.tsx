/** @jest-environment jsdom */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { WorkbookDefinition } from '../../contract/api';
import type { SheetInfo } from '../../engine/engine-types';
import { engineStub, sheetInfo, show } from '../test-support';
import { PrepareWorkbook } from './PrepareWorkbook';
import { WorkbookActions } from './WorkbookActions';

const REASON = 'It shows what the Upload Benefit Enrollments process created.';
const readOnlyInfo: SheetInfo = { sheet: 'Enrollment Results', kind: 'enrollment-results', title: 'Enrollment Results', scope: 'effective-date', effectiveDate: '2026-01-01', readOnly: REASON, filter: 'Open enrollment 2026' };
const resultsKind: WorkbookDefinition = {
  kind: 'enrollment-results',
  title: 'Enrollment Results',
  description: '',
  scope: 'effective-date',
  columns: [],
  readOnly: { reason: REASON },
  filter: { label: 'Batch name', hint: 'Only the participants with a line in this batch.' },
};
const groupsKind: WorkbookDefinition = { kind: 'person-benefit-groups', title: 'Person Benefit Groups', description: '', scope: 'effective-date', columns: [] };

describe('a read-only workbook in the pane', () => {
  it('when a read-only sheet is active, then Upload, Mark and Delete are not offered, the reason is said, and Download again still is', async () => {
    const engine = engineStub({ refresh: async () => readOnlyInfo });
    show(<WorkbookActions engine={engine} info={readOnlyInfo} selection={undefined} />);
    const buttons = within(screen.getByRole('region', { name: 'Workbook actions' })).getAllByRole('button').map((b) => b.textContent);
    expect(buttons).toEqual(['Download again']);
    expect(screen.getByText(/This workbook is read-only: nothing in it is uploaded\./).textContent).toContain(REASON);
    expect(screen.getByRole('heading', { name: 'Enrollment Results — Session effective date 2026-01-01 (Open enrollment 2026)' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Download again' }));
    const dialog = await screen.findByRole('dialog', { name: 'Download again?' });
    expect(dialog.textContent).not.toContain('Changes you have not uploaded will be lost.');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Download again' }));
    await waitFor(() => expect(engine.refresh).toHaveBeenCalledWith('Enrollment Results', expect.any(Function), expect.any(AbortSignal)));
    expect(engine.upload).not.toHaveBeenCalled();
  });

  it('when a sheet that can be changed is active, then Upload and Delete are offered as before', async () => {
    const engine = engineStub();
    show(<WorkbookActions engine={engine} info={sheetInfo} selection={undefined} />);
    await waitFor(() => expect(engine.failedRows).toHaveBeenCalled());
    expect(await screen.findByRole('button', { name: 'Upload changes' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Delete marked rows' })).toBeTruthy();
    expect(screen.queryByText(/read-only/)).toBeNull();
  });

  it('when a kind with a filter is chosen, then the optional filter is asked after the date and sent only when typed', async () => {
    const onPrepare = jest.fn();
    show(<PrepareWorkbook loadDefinitions={async () => [resultsKind, groupsKind]} onPrepare={onPrepare} busy={false} />);
    fireEvent.change(await screen.findByLabelText(/Session effective date/), { target: { value: '2026-03-01' } });
    const filter = screen.getByLabelText('Batch name (optional)');
    expect(screen.getByText('Only the participants with a line in this batch.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Prepare in workbook' }));
    expect(onPrepare).toHaveBeenLastCalledWith('enrollment-results', { effectiveDate: '2026-03-01' });
    fireEvent.change(filter, { target: { value: ' Open enrollment 2026 ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Prepare in workbook' }));
    expect(onPrepare).toHaveBeenLastCalledWith('enrollment-results', { effectiveDate: '2026-03-01', filter: 'Open enrollment 2026' });
  });
});
