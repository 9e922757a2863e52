/** @jest-environment jsdom */
import { screen } from '@testing-library/react';
import { failedRow, show } from '../test-support';
import { RowErrors } from './RowErrors';

describe('RowErrors', () => {
  it('when the selected row failed, then each error is listed by its column header', () => {
    show(<RowErrors failed={failedRow(13, 'Benefits Group', 'There is no benefits group named "Gold".')} />);
    const region = screen.getByRole('region', { name: 'Errors in the selected row' });
    expect(region.textContent).toContain('Row 14: Upload Failed');
    expect(screen.getByRole('listitem').textContent).toBe('Benefits Group: There is no benefits group named "Gold".');
  });

  it('when the selected row was saved with a warning, or Check says it would be, then it is listed as a warning, not an error', () => {
    const warned = (status: string) => ({ row: 4, excelRow: 5, status, errors: [{ column: 'basis', header: 'X of Salary or % of Salary', message: 'Check Benefit Level Limits.' }] });
    const { unmount } = show(<RowErrors failed={warned('Updated')} />);
    expect(screen.getByRole('region', { name: 'Warnings in the selected row' }).textContent).toContain('Row 5: Updated');
    unmount();
    show(<RowErrors failed={warned('Will update, with a warning: Check Benefit Level Limits.')} />);
    const region = screen.getByRole('region', { name: 'Warnings in the selected row' });
    expect(region.querySelector('.fui-MessageBarTitle')?.textContent).toBe('Row 5: Will update, with a warning');
    expect(screen.getByRole('listitem').textContent).toBe('X of Salary or % of Salary: Check Benefit Level Limits.');
    expect(screen.queryByRole('region', { name: 'Errors in the selected row' })).toBeNull();
  });

  it('when the selected row did not fail, then no error region is shown', () => {
    show(<RowErrors failed={undefined} />);
    expect(screen.queryByRole('region', { name: 'Errors in the selected row' })).toBeNull();
  });
});
