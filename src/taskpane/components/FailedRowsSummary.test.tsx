/** @jest-environment jsdom */
import { fireEvent, screen, within } from '@testing-library/react';
import { failedRow, show } from '../test-support';
import { FailedRowsSummary } from './FailedRowsSummary';

describe('FailedRowsSummary', () => {
  it('when a failed row is clicked, then that sheet row is selected', () => {
    const onSelect = jest.fn();
    show(<FailedRowsSummary rows={[failedRow(13, 'Benefits Group', 'There is no benefits group named "Gold".'), failedRow(20, 'Person Number', 'Required.')]} onSelect={onSelect} />);
    const list = screen.getByRole('list', { name: 'Failed rows' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(2);
    fireEvent.click(within(list).getByRole('link', { name: 'Row 14: Benefits Group: There is no benefits group named "Gold".' }));
    expect(onSelect).toHaveBeenCalledWith(expect.objectContaining({ row: 13, excelRow: 14 }));
  });

  it('when a row has a long message, then it is one list item whose text wraps as text under its bullet (a link, not a button box)', () => {
    show(<FailedRowsSummary rows={[failedRow(13, 'Benefits Group', 'There is no benefits group named "Gold". '.repeat(5))]} onSelect={jest.fn()} />);
    const item = within(screen.getByRole('list', { name: 'Failed rows' })).getByRole('listitem');
    expect(within(item).getByRole('link').tagName).toBe('A');
    expect(within(item).queryByRole('button')).toBeNull();
  });

  it('when no row failed, then nothing is shown', () => {
    show(<FailedRowsSummary rows={[]} onSelect={jest.fn()} />);
    expect(screen.queryByRole('list', { name: 'Failed rows' })).toBeNull();
  });
});
