import { useEffect, useMemo, useState } from 'react';
import { Button, Divider, Text, makeStyles, tokens } from '@fluentui/react-components';
import { createWorkbookEngine } from '../engine/workbook-engine';
import type { OpenDialog } from '../excel/sign-in-dialog';
import type { WorkbookHost } from '../excel/workbook-host';
import { ActiveSheetPanel } from './components/ActiveSheetPanel';
import { PrepareWorkbook } from './components/PrepareWorkbook';
import { SignIn } from './components/SignIn';
import { RoleContext } from './hooks/useRole';
import { useSession } from './hooks/useSession';
import { useTask } from './hooks/useTask';

const useStyles = makeStyles({
  pane: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, padding: tokens.spacingHorizontalL },
  header: { display: 'flex', justifyContent: 'space-between', alignItems: 'center' },
});

export function App({ host, baseURL, openDialog }: { host: WorkbookHost; baseURL: string; openDialog?: OpenDialog }) {
  const styles = useStyles();
  const { session, notice, api, signIn, signInWithSso, signOut } = useSession(baseURL);
  const [ssoLabel, setSsoLabel] = useState<string | undefined>();
  useEffect(() => {
    // Without single sign-on on the server (or with no dialog to open), the pane offers the password only.
    if (!openDialog) return;
    api.ssoConfig().then((c) => setSsoLabel(c.enabled ? c.label : undefined), () => setSsoLabel(undefined));
  }, [api, openDialog]);
  const engine = useMemo(() => createWorkbookEngine({ host, api, locale: navigator.language }), [host, api]);
  const [prepared, setPrepared] = useState(0);
  const prepare = useTask<'prepare'>();
  return (
    <main className={styles.pane}>
      <div className={styles.header}>
        <Text as="h1" size={500} weight="semibold">
          Benefits Workbook
        </Text>
        {session && (
          <Button appearance="subtle" onClick={signOut}>
            Sign out
          </Button>
        )}
      </div>
      {!session ? (
        <SignIn onSignIn={signIn} notice={notice} singleSignOn={ssoLabel && openDialog ? { label: ssoLabel, onSignIn: () => signInWithSso(openDialog) } : undefined} />
      ) : (
        <>
          <PrepareWorkbook
            loadDefinitions={engine.definitions}
            loadBatches={engine.batches}
            busy={prepare.busy}
            progress={prepare.progress}
            error={prepare.error}
            onPrepare={(kind, scope) => void prepare.run('prepare', (p) => engine.prepare(kind, scope, p)).then(() => setPrepared((n) => n + 1))}
          />
          <Divider />
          <RoleContext.Provider value={session.role ?? 'viewer'}>
            <ActiveSheetPanel host={host} engine={engine} prepared={prepared} />
          </RoleContext.Provider>
        </>
      )}
    </main>
  );
}
