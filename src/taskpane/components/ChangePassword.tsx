import { useState, type FormEvent } from 'react';
import { Button, Field, Input, MessageBar, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({ form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM } });

export interface ChangePasswordProps {
  /** Changes the password on the server; resolves with the server's message, rejects with one for people. */
  onChange: (currentPassword: string, newPassword: string) => Promise<string>;
  onClose: () => void;
}

/** Current, new and repeated password; the server's own answer is shown (too short, current one not right, done). */
export function ChangePassword({ onChange, onClose }: ChangePasswordProps) {
  const styles = useStyles();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [answer, setAnswer] = useState<{ text: string; failed: boolean } | undefined>();
  const [busy, setBusy] = useState(false);
  const mismatch = repeat !== '' && repeat !== next;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setAnswer(undefined);
    try {
      setAnswer({ text: await onChange(current, next), failed: false });
      setCurrent('');
      setNext('');
      setRepeat('');
    } catch (e) {
      setAnswer({ text: e instanceof Error ? e.message : String(e), failed: true });
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className={styles.form} onSubmit={(e) => void submit(e)} aria-label="Change password">
      <Field label="Current password" required>
        <Input type="password" value={current} onChange={(_, d) => setCurrent(d.value)} autoComplete="current-password" />
      </Field>
      <Field label="New password" required hint="At least 12 characters; a few words in a row make a good one.">
        <Input type="password" value={next} onChange={(_, d) => setNext(d.value)} autoComplete="new-password" />
      </Field>
      <Field label="Repeat new password" required validationMessage={mismatch ? 'The two new passwords are not the same. Type the new one again.' : undefined}>
        <Input type="password" value={repeat} onChange={(_, d) => setRepeat(d.value)} autoComplete="new-password" />
      </Field>
      {answer && (
        <MessageBar intent={answer.failed ? 'error' : 'success'}>
          <MessageBarBody>{answer.text}</MessageBarBody>
        </MessageBar>
      )}
      <Button appearance="primary" type="submit" disabled={busy || !current || !next || repeat !== next}>
        Change password
      </Button>
      <Button appearance="secondary" type="button" onClick={onClose}>
        Close
      </Button>
    </form>
  );
}
