import { useState, type FormEvent } from 'react';
import { Button, Field, Input, MessageBar, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({ form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM } });

export interface SignInProps {
  /** Signs in; rejects with a message for people when it cannot. */
  onSignIn: (username: string, password: string) => Promise<void>;
  /** Why the user is here again, e.g. their session ended. */
  notice?: string;
  /** Single sign-on, when the server has it: the button's label and what it does. */
  singleSignOn?: { label: string; onSignIn: () => Promise<void> };
}

export function SignIn({ onSignIn, notice, singleSignOn }: SignInProps) {
  const styles = useStyles();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const attempt = async (signIn: () => Promise<void>) => {
    setBusy(true);
    setError(undefined);
    try {
      await signIn();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    return attempt(() => onSignIn(username, password));
  };
  return (
    <form className={styles.form} onSubmit={(e) => void submit(e)} aria-label="Sign in">
      {notice && !error && (
        <MessageBar intent="warning">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}
      <Field label="User name" required>
        <Input value={username} onChange={(_, d) => setUsername(d.value)} autoComplete="username" />
      </Field>
      <Field label="Password" required>
        <Input type="password" value={password} onChange={(_, d) => setPassword(d.value)} autoComplete="current-password" />
      </Field>
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      <Button appearance="primary" type="submit" disabled={busy || !username || !password}>
        Sign in
      </Button>
      {singleSignOn && (
        <Button appearance="secondary" type="button" disabled={busy} onClick={() => void attempt(singleSignOn.onSignIn)}>
          {singleSignOn.label}
        </Button>
      )}
    </form>
  );
}
