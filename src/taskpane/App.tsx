import { useEffect, useMemo, useState } from 'react';
import { Button, Divider, Text, makeStyles, tokens } from '@fluentui/react-components';
import { createWorkbookEngine } from '../engine/workbook-engine';
import type { OpenDialog } from '../excel/sign-in-dialog';
import type { WorkbookHost } from '../excel/workbook-host';
import { ActiveSheetPanel } from './components/ActiveSheetPanel';
import { PrepareOverDialog } from './components/PrepareOverDialog';
import { PrepareWorkbook } from './components/PrepareWorkbook';
import { RateChangePanel } from './components/RateChangePanel';
import { SignIn } from './components/SignIn';
import { ChangePassword } from './components/ChangePassword';
import { usePrepare } from './hooks/usePrepare';
import { RoleContext } from './hooks/useRole';
import { useSession } from './hooks/useSession';
import type { StoppedAction } from './resume';

const useStyles = makeStyles({
  pane: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, padding: tokens.spacingHorizontalL },
  header: { display: 'flex', justifyContent: 'space-between', alignItems: 'center' },
});

/** `chunkRows`: rows per upload chunk when smaller than the server's limit (the preview page, to try Cancel on demo data). */
export function App({ host, baseURL, chunkRows, openDialog }: { host: WorkbookHost; baseURL: string; chunkRows?: number; openDialog?: OpenDialog }) {
  const styles = useStyles();
  const { session, notice, api, signIn, signInWithSso, signOut } = useSession(baseURL);
  const [ssoLabel, setSsoLabel] = useState<string | undefined>();
  useEffect(() => {
    // Without single sign-on on the server (or with no dialog to open), the pane offers the password only.
    if (!openDialog) return;
    api.ssoConfig().then((c) => setSsoLabel(c.enabled ? c.label : undefined), () => setSsoLabel(undefined));
  }, [api, openDialog]);
  const engine = useMemo(() => createWorkbookEngine({ host, api, locale: navigator.language, chunkRows }), [host, api, chunkRows]);
  const prepare = usePrepare(engine);
  // While a sheet action runs, Prepare waits (it would replace or switch away from the sheet), and the other way round.
  const [sheetBusy, setSheetBusy] = useState(false);
  // Kept across a sign-in: the stopped upload is offered again, one click, on its sheet.
  const [stopped, setStopped] = useState<StoppedAction | undefined>();
  const [changingPassword, setChangingPassword] = useState(false);
  // A rate change preview prepares its own sheet: the sheet panel follows it as it follows Prepare.
  const [ratePrepared, setRatePrepared] = useState(0);
  return (
    <main className={styles.pane}>
      <div className={styles.header}>
        <Text as="h1" size={500} weight="semibold">
          Benefits Workbook
        </Text>
        {session && (
          <div>
            <Button appearance="subtle" onClick={() => setChangingPassword((v) => !v)}>
              Change password
            </Button>
            <Button appearance="subtle" onClick={signOut}>
              Sign out
            </Button>
          </div>
        )}
      </div>
      {!session ? (
        <SignIn onSignIn={signIn} notice={notice} singleSignOn={ssoLabel && openDialog ? { label: ssoLabel, onSignIn: () => signInWithSso(openDialog) } : undefined} />
      ) : (
        <>
          {changingPassword && <ChangePassword onChange={api.changePassword} onClose={() => setChangingPassword(false)} />}
          <PrepareWorkbook
            loadDefinitions={engine.definitions}
            loadBatches={engine.batches}
            busy={prepare.task.busy || sheetBusy}
            progress={prepare.task.progress}
            error={prepare.task.error}
            onCancel={prepare.task.cancel}
            cancelling={prepare.task.cancelling}
            onPrepare={(kind, scope) => void prepare.ask(kind, scope)}
          />
          <PrepareOverDialog pending={prepare.confirming} onConfirm={() => void prepare.confirm()} onCancel={prepare.cancel} />
          <Divider />
          <RoleContext.Provider value={session.role ?? 'viewer'}>
            <ActiveSheetPanel host={host} engine={engine} prepared={prepare.prepared + ratePrepared} locked={prepare.task.busy} onBusyChange={setSheetBusy} stopped={stopped} onStopped={setStopped} />
            <Divider />
            <RateChangePanel api={api} engine={engine} busy={prepare.task.busy || sheetBusy} onPrepared={() => setRatePrepared((n) => n + 1)} />
          </RoleContext.Provider>
        </>
      )}
    </main>
  );
}
