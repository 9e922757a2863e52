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

  it('when the selected row did not fail, then no error region is shown', () => {
    show(<RowErrors failed={undefined} />);
    expect(screen.queryByRole('region', { name: 'Errors in the selected row' })).toBeNull();
  });
});
