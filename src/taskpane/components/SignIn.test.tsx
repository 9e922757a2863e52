/** @jest-environment jsdom */
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { show } from '../test-support';
import { SignIn } from './SignIn';

const fill = (label: RegExp, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });

describe('SignIn', () => {
  it('when sign-in fails, then the reason is shown and the user can try again', async () => {
    const onSignIn = jest.fn().mockRejectedValueOnce(new Error('The user name or password is not right.')).mockResolvedValueOnce(undefined);
    show(<SignIn onSignIn={onSignIn} />);
    fill(/User name/, 'demo');
    fill(/Password/, 'bad');
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText('The user name or password is not right.')).toBeTruthy();
    fill(/Password/, 'demo123');
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(onSignIn).toHaveBeenLastCalledWith('demo', 'demo123'));
    await waitFor(() => expect(screen.queryByText('The user name or password is not right.')).toBeNull());
  });

  it('when nothing is typed, then Sign in is disabled', () => {
    show(<SignIn onSignIn={jest.fn()} />);
    expect((screen.getByRole('button', { name: 'Sign in' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('when the session ended, then the user is told why they must sign in again', () => {
    show(<SignIn onSignIn={jest.fn()} notice="Your session has ended. Sign in again." />);
    expect(screen.getByText('Your session has ended. Sign in again.')).toBeTruthy();
  });
});
