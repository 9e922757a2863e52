/** @jest-environment jsdom */
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { show } from '../test-support';
import { ChangePassword } from './ChangePassword';

jest.setTimeout(30000); // jsdom on a loaded machine

const fill = (label: string, value: string) => fireEvent.change(screen.getByLabelText(new RegExp(`^${label}`)), { target: { value } });
const submit = () => screen.getByRole('button', { name: 'Change password' }) as HTMLButtonElement;

describe('ChangePassword', () => {
  it('when the repeated password differs, then it says so and the form cannot be sent', () => {
    show(<ChangePassword onChange={jest.fn()} onClose={jest.fn()} />);
    fill('Current password', 'old password here');
    fill('New password', 'a long new password');
    fill('Repeat new password', 'a long new passwort');
    expect(screen.getByText('The two new passwords are not the same. Type the new one again.')).toBeTruthy();
    expect(submit().disabled).toBe(true);
  });

  it('when the server refuses, then its message is shown; when it accepts, then its answer is shown and the fields are cleared', async () => {
    const onChange = jest.fn().mockRejectedValueOnce(new Error('Your current password is not right. Type it again.')).mockResolvedValueOnce('Your password is changed. Your other sessions have ended.');
    show(<ChangePassword onChange={onChange} onClose={jest.fn()} />);
    fill('Current password', 'wrong one');
    fill('New password', 'a long new password');
    fill('Repeat new password', 'a long new password');
    fireEvent.click(submit());
    expect(await screen.findByText('Your current password is not right. Type it again.')).toBeTruthy();
    expect(onChange).toHaveBeenLastCalledWith('wrong one', 'a long new password');
    fill('Current password', 'right one');
    fireEvent.click(submit());
    expect(await screen.findByText('Your password is changed. Your other sessions have ended.')).toBeTruthy();
    await waitFor(() => expect((screen.getByLabelText(/^Current password/) as HTMLInputElement).value).toBe(''));
    expect(screen.queryByText('Your current password is not right. Type it again.')).toBeNull();
  });
});
