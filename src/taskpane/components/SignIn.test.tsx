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

  it('when the server has single sign-on, then a button signs in with the organisation account and a failure is shown', async () => {
    const onSso = jest.fn().mockRejectedValueOnce(new Error('The sign-in window was closed before the sign-in finished.'));
    show(<SignIn onSignIn={jest.fn()} singleSignOn={{ label: 'Sign in with your organisation account', onSignIn: onSso }} />);
    fireEvent.click(screen.getByRole('button', { name: 'Sign in with your organisation account' }));
    expect(await screen.findByText('The sign-in window was closed before the sign-in finished.')).toBeTruthy();
    expect(onSso).toHaveBeenCalledTimes(1);
  });

  it('when the server has no single sign-on, then only the password form is offered', () => {
    show(<SignIn onSignIn={jest.fn()} />);
    expect(screen.queryByRole('button', { name: /organisation account/ })).toBeNull();
  });
});
