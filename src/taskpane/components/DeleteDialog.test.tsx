/** @jest-environment jsdom */
import { fireEvent, screen } from '@testing-library/react';
import { show } from '../test-support';
import { DeleteDialog } from './DeleteDialog';

describe('DeleteDialog', () => {
  it('when it opens, then it names the count and warns that deleted data cannot be retrieved', () => {
    show(<DeleteDialog count={3} open onConfirm={jest.fn()} onCancel={jest.fn()} />);
    const dialog = screen.getByRole('dialog', { name: 'Delete 3 rows?' });
    expect(dialog.textContent).toContain('Deleted data cannot be retrieved.');
  });

  it('when Cancel is clicked, then nothing is confirmed', () => {
    const onConfirm = jest.fn();
    const onCancel = jest.fn();
    show(<DeleteDialog count={1} open onConfirm={onConfirm} onCancel={onCancel} />);
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onCancel).toHaveBeenCalled();
    expect(onConfirm).not.toHaveBeenCalled();
  });
});
