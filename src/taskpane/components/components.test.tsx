/** @jest-environment jsdom */
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import type { ReactElement } from 'react';
import { DeleteDialog } from './DeleteDialog';
import { FailedRowsSummary } from './FailedRowsSummary';
import { RowErrors } from './RowErrors';
import { SignIn } from './SignIn';
import { summaryText } from '../hooks/useWorkbookActions';

// jsdom has no ResizeObserver, which Fluent's MessageBar uses for its layout; an inert one fills that gap of the test DOM.
globalThis.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
};

const show = (ui: ReactElement) => render(<FluentProvider theme={webLightTheme}>{ui}</FluentProvider>);
const failed = { row: 13, excelRow: 14, status: 'Upload Failed', errors: [{ column: 'benefitsGroup', header: 'Benefits Group', message: 'There is no benefits group named "Gold".' }] };

describe('task pane components', () => {
  it('when sign-in fails, then the error is shown; when it succeeds, then the credentials were passed on', async () => {
    const onSignIn = jest.fn().mockRejectedValueOnce(new Error('The user name or password is not right.')).mockResolvedValueOnce(undefined);
    show(<SignIn onSignIn={onSignIn} />);
    fireEvent.change(screen.getByLabelText(/User name/), { target: { value: 'demo' } });
    fireEvent.change(screen.getByLabelText(/Password/), { target: { value: 'bad' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText('The user name or password is not right.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(onSignIn).toHaveBeenLastCalledWith('demo', 'bad'));
  });

  it('when the delete dialog opens, then it warns that deleted data cannot be retrieved, and Cancel deletes nothing', () => {
    const onConfirm = jest.fn();
    const onCancel = jest.fn();
    show(<DeleteDialog count={3} open onConfirm={onConfirm} onCancel={onCancel} />);
    expect(screen.getByRole('dialog').textContent).toContain('Deleted data cannot be retrieved.');
    expect(screen.getByText('Delete 3 rows?')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onCancel).toHaveBeenCalled();
    expect(onConfirm).not.toHaveBeenCalled();
  });

  it('when a failed row in the summary is clicked, then that sheet row is selected', () => {
    const onSelect = jest.fn();
    show(<FailedRowsSummary rows={[failed]} onSelect={onSelect} />);
    fireEvent.click(screen.getByText(/Row 14: Benefits Group: There is no benefits group/));
    expect(onSelect).toHaveBeenCalledWith(13);
  });

  it('when the selected row failed, then its errors are listed by column header', () => {
    show(<RowErrors failed={failed} />);
    const region = screen.getByRole('region', { name: 'Errors in the selected row' });
    expect(region.textContent).toContain('Row 14: Upload Failed');
    expect(region.textContent).toContain('Benefits Group: There is no benefits group named "Gold".');
  });

  it('when an upload ends, then the summary says what happened in plain words', () => {
    expect(summaryText('uploaded', { inserted: 1, updated: 2, deleted: 0, failed: 1, unchanged: 5, failedRows: [] })).toBe('3 rows uploaded: 1 inserted, 2 updated. 1 row failed: select a row to see why.');
    expect(summaryText('uploaded', { inserted: 0, updated: 0, deleted: 0, failed: 0, unchanged: 5, failedRows: [] })).toBe('No changed rows to upload.');
  });
});
