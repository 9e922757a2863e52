/** @jest-environment jsdom */
import { fireEvent, screen } from '@testing-library/react';
import { show } from '../test-support';
import { ProgressStatus } from './ProgressStatus';

describe('ProgressStatus', () => {
  it('when an action can stop between chunks, then Cancel is offered, and once clicked it says the current chunk finishes first', () => {
    const onCancel = jest.fn();
    const { rerender } = show(<ProgressStatus label="Upload progress" progress={{ phase: 'Uploading rows', done: 2, total: 6, secondsLeft: 130 }} onCancel={onCancel} />);
    expect(screen.getByText('Uploading rows: 2 of 6 rows, about 2 minutes left')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onCancel).toHaveBeenCalled();
    rerender(<ProgressStatus label="Upload progress" progress={{ phase: 'Uploading rows', done: 2, total: 6 }} onCancel={onCancel} cancelling />);
    expect(screen.getByText('Uploading rows: 2 of 6 rows. Stopping after this chunk…')).toBeTruthy();
  });

  it('when an action cannot stop between chunks, then no Cancel is offered', () => {
    show(<ProgressStatus label="Download progress" progress={{ phase: 'Downloading rows', done: 0, total: 0 }} />);
    expect(screen.queryByRole('button', { name: 'Cancel' })).toBeNull();
  });
});
