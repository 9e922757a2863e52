import { useCallback, useMemo, useRef, useState } from 'react';
import { ApiError, createApiClient, type ApiClient } from '../../api/api-client';
import type { Role } from '../../contract/roles';
import type { SignInResponse } from '../../contract/api';
import type { OpenDialog } from '../../excel/sign-in-dialog';

const STORAGE_KEY = 'benefitsWorkbook.session';

export interface Session {
  token: string;
  displayName: string;
  /** Sessions stored before roles existed have none: treated as viewer until the next sign-in. */
  role?: Role;
}

function stored(): Session | undefined {
  try {
    const raw = sessionStorage.getItem(STORAGE_KEY);
    return raw ? (JSON.parse(raw) as Session) : undefined;
  } catch {
    return undefined;
  }
}

/** Every call but sign-in ends the session when the server says the token is no longer good. */
function endingSessionOn401(client: ApiClient, onEnded: (message: string) => void): ApiClient {
  const wrapped: Record<string, unknown> = { ...client };
  for (const [name, call] of Object.entries(client)) {
    if (name === 'signIn' || name === 'ssoSignIn' || typeof call !== 'function') continue;
    wrapped[name] = async (...args: unknown[]) => {
      try {
        return await (call as (...a: unknown[]) => Promise<unknown>)(...args);
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) onEnded(error.message);
        throw error;
      }
    };
  }
  return wrapped as unknown as ApiClient;
}

/** The signed-in user, and the one API client, which carries their token (kept in memory and in sessionStorage for pane reloads). */
export function useSession(baseURL: string) {
  const [session, setSession] = useState<Session | undefined>(stored);
  const [notice, setNotice] = useState<string | undefined>();
  const token = useRef(session?.token);
  const end = useCallback((message?: string) => {
    sessionStorage.removeItem(STORAGE_KEY);
    token.current = undefined;
    setSession(undefined);
    setNotice(message);
  }, []);
  const api = useMemo(() => endingSessionOn401(createApiClient({ baseURL, getToken: () => token.current }), end), [baseURL, end]);
  const begin = useCallback((result: SignInResponse) => {
    const next = { token: result.token, displayName: result.user.displayName, role: result.user.role };
    token.current = next.token;
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify(next));
    setNotice(undefined);
    setSession(next);
  }, []);
  const signIn = useCallback(async (username: string, password: string) => begin(await api.signIn(username, password)), [api, begin]);
  /** Single sign-on: the dialog page signs in at the provider and sends back the code, its PKCE verifier and the nonce. */
  const signInWithSso = useCallback(
    async (openDialog: OpenDialog) => {
      const message = JSON.parse(await openDialog(`${baseURL}/sso-dialog.html`)) as { error?: string; code: string; codeVerifier: string; nonce: string; redirectUri: string };
      if (message.error) throw new Error(message.error);
      begin(await api.ssoSignIn({ code: message.code, codeVerifier: message.codeVerifier, nonce: message.nonce, redirectUri: message.redirectUri }));
    },
    [api, baseURL, begin],
  );
  // The server ends the session too (the token stops working at once); the pane signs out even if it cannot be reached.
  const signOut = useCallback(() => {
    void api.signOut().catch(() => undefined);
    end();
  }, [api, end]);
  return { session, notice, api, signIn, signInWithSso, signOut };
}
