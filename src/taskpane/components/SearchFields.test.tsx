/** @jest-environment jsdom */
import { fireEvent, screen } from '@testing-library/react';
import type { WorkbookDefinition } from '../../contract/api';
import { show } from '../test-support';
import { PrepareWorkbook } from './PrepareWorkbook';

const groups: WorkbookDefinition = {
  kind: 'person-benefit-groups',
  title: 'Person Benefit Groups',
  description: '',
  scope: 'effective-date',
  columns: [],
  search: { group: { label: 'Benefits group', hint: 'Only this group.' } },
};
const batches: WorkbookDefinition = { kind: 'benefit-enrollments', title: 'Benefit Enrollments', description: '', scope: 'batch', columns: [], search: { status: { label: 'Line status' } } };
const prepareButton = () => screen.getByRole('button', { name: 'Prepare in workbook' }) as HTMLButtonElement;

describe('the search fields on Prepare', () => {
  it('when person numbers are pasted with line breaks and tabs, a name and the kind\'s group are typed, then Prepare asks for only those rows', async () => {
    const onPrepare = jest.fn();
    show(<PrepareWorkbook loadDefinitions={async () => [groups]} onPrepare={onPrepare} busy={false} />);
    fireEvent.change(await screen.findByLabelText(/Session effective date/), { target: { value: '2026-01-01' } });
    expect(screen.queryByLabelText(/Line status/)).toBeNull(); // this kind has no status
    fireEvent.change(screen.getByLabelText(/Person numbers/), { target: { value: 'P10001\r\nP10002\tP10003, P10001' } });
    fireEvent.change(screen.getByLabelText(/Name contains/), { target: { value: ' smi ' } });
    fireEvent.change(screen.getByLabelText(/Benefits group/), { target: { value: 'Executives' } });
    fireEvent.click(prepareButton());
    expect(onPrepare).toHaveBeenCalledWith('person-benefit-groups', {
      effectiveDate: '2026-01-01',
      search: { personNumbers: ['P10001', 'P10002', 'P10003'], name: 'smi', group: 'Executives' },
    });
  });

  it('when a pasted entry is not a person number, then the field says which in plain words and Prepare waits until it is fixed', async () => {
    const onPrepare = jest.fn();
    show(<PrepareWorkbook loadDefinitions={async () => [groups]} onPrepare={onPrepare} busy={false} />);
    const numbers = await screen.findByLabelText(/Person numbers/);
    fireEvent.change(numbers, { target: { value: 'P10001, P1X' } });
    expect(screen.getByText(/^P1X is not a person number/)).toBeTruthy();
    expect(numbers.getAttribute('aria-invalid')).toBe('true');
    expect(prepareButton().disabled).toBe(true);
    fireEvent.change(numbers, { target: { value: 'P10001, P10002' } });
    expect(screen.queryByText(/is not a person number/)).toBeNull();
    expect(prepareButton().disabled).toBe(false);
  });

  it('when a batch workbook has a line status, then it is offered and sent with the batch name', async () => {
    const onPrepare = jest.fn();
    show(<PrepareWorkbook loadDefinitions={async () => [batches]} onPrepare={onPrepare} busy={false} />);
    fireEvent.change(await screen.findByLabelText(/Batch name/), { target: { value: 'Open enrollment' } });
    fireEvent.change(screen.getByLabelText(/Line status/), { target: { value: 'ERROR' } });
    fireEvent.click(prepareButton());
    expect(onPrepare).toHaveBeenCalledWith('benefit-enrollments', { batchName: 'Open enrollment', search: { status: 'ERROR' } });
  });

  it('when a setup workbook holds no person\'s data, then it offers its own fields, not person numbers, and Prepare sends them', async () => {
    const rates: WorkbookDefinition = {
      ...groups,
      kind: 'benefit-rates',
      title: 'Benefit Rates',
      search: { persons: false, name: { label: 'Provider' }, group: { label: 'Benefit Category' }, status: { label: 'Coverage Type' } },
    };
    const onPrepare = jest.fn();
    show(<PrepareWorkbook loadDefinitions={async () => [rates]} onPrepare={onPrepare} busy={false} />);
    fireEvent.change(await screen.findByLabelText(/Session effective date/), { target: { value: '2027-01-01' } });
    expect(screen.queryByLabelText(/Person numbers/)).toBeNull();
    expect(screen.queryByLabelText(/^Name contains/)).toBeNull();
    fireEvent.change(screen.getByLabelText(/Provider contains/), { target: { value: 'blue' } });
    fireEvent.change(screen.getByLabelText(/Benefit Category/), { target: { value: 'Health' } });
    fireEvent.click(prepareButton());
    expect(onPrepare).toHaveBeenCalledWith('benefit-rates', { effectiveDate: '2027-01-01', search: { name: 'blue', group: 'Health' } });
  });

  it('when Prepare is downloading, then Cancel is offered beside its progress', async () => {
    const onCancel = jest.fn();
    show(<PrepareWorkbook loadDefinitions={async () => [groups]} onPrepare={jest.fn()} busy progress={{ phase: 'Downloading rows', done: 5000, total: 12000 }} onCancel={onCancel} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Cancel' }));
    expect(onCancel).toHaveBeenCalled();
  });
});
