/** @jest-environment jsdom */
import { fireEvent, screen, within } from '@testing-library/react';
import { show } from '../test-support';
import { DeleteDialog } from './DeleteDialog';

describe('DeleteDialog', () => {
  it('when it opens, then it names the count and each row by its person number, and warns that deleted data cannot be retrieved', () => {
    show(<DeleteDialog rows={['row 3 (P10001 Ann Lee)', 'row 7 (P10005 Bo Chen)', 'row 9 (Batch Line ID 12)']} open onConfirm={jest.fn()} onCancel={jest.fn()} />);
    const dialog = screen.getByRole('dialog', { name: 'Delete 3 rows?' });
    expect(within(dialog).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['row 3 (P10001 Ann Lee)', 'row 7 (P10005 Bo Chen)', 'row 9 (Batch Line ID 12)']);
    expect(dialog.textContent).toContain('Deleted data cannot be retrieved.');
  });

  it('when Cancel is clicked, then nothing is confirmed', () => {
    const onConfirm = jest.fn();
    const onCancel = jest.fn();
    show(<DeleteDialog rows={['row 3 (P10001)']} open onConfirm={onConfirm} onCancel={onCancel} />);
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onCancel).toHaveBeenCalled();
    expect(onConfirm).not.toHaveBeenCalled();
  });
});
