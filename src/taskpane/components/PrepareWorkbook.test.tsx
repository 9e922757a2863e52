/** @jest-environment jsdom */
import { fireEvent, screen, waitFor } from '@testing-library/react';
import type { WorkbookDefinition } from '../../contract/api';
import { show } from '../test-support';
import { PrepareWorkbook } from './PrepareWorkbook';

const kind = (k: string, title: string, scope: WorkbookDefinition['scope']): WorkbookDefinition => ({ kind: k, title, description: '', scope, columns: [] });
const batchKind = kind('benefit-enrollments', 'Benefit Enrollments', 'batch');
const datedKind = kind('person-benefit-groups', 'Person Benefit Groups', 'effective-date');
const prepare = () => fireEvent.click(screen.getByRole('button', { name: 'Prepare in workbook' }));

describe('PrepareWorkbook', () => {
  it('when a batch workbook is chosen, then a batch name is asked instead of a date and prepared with the name as typed (trimmed)', async () => {
    const onPrepare = jest.fn();
    show(<PrepareWorkbook loadDefinitions={async () => [batchKind, datedKind]} onPrepare={onPrepare} busy={false} />);
    const name = await screen.findByLabelText(/Batch name/);
    expect(screen.queryByLabelText(/Session effective date/)).toBeNull();
    expect(screen.getByText('Enter a new name to start a batch, or an existing one to download its lines.')).toBeTruthy();
    fireEvent.change(name, { target: { value: '  Open enrollment 2026 ' } });
    prepare();
    expect(onPrepare).toHaveBeenCalledWith('benefit-enrollments', { batchName: 'Open enrollment 2026' });
  });

  it('when no batch name is typed, then an empty batch sheet is prepared (the name goes in the sheet)', async () => {
    const onPrepare = jest.fn();
    show(<PrepareWorkbook loadDefinitions={async () => [batchKind]} onPrepare={onPrepare} busy={false} />);
    await screen.findByLabelText(/Batch name/);
    prepare();
    expect(onPrepare).toHaveBeenCalledWith('benefit-enrollments', { batchName: undefined });
  });

  it('when an effective-dated workbook is chosen, then the session effective date is asked as before', async () => {
    const onPrepare = jest.fn();
    show(<PrepareWorkbook loadDefinitions={async () => [datedKind, batchKind]} onPrepare={onPrepare} busy={false} />);
    fireEvent.change(await screen.findByLabelText(/Session effective date/), { target: { value: '2026-03-01' } });
    expect(screen.queryByLabelText(/Batch name/)).toBeNull();
    prepare();
    await waitFor(() => expect(onPrepare).toHaveBeenCalledWith('person-benefit-groups', { effectiveDate: '2026-03-01' }));
  });
});
