import { useCallback, useMemo, useState } from 'react';
import { createApiClient, type ApiClient } from '../../api/api-client';

const STORAGE_KEY = 'benefitsWorkbook.session';

interface Session {
  token: string;
  displayName: string;
}

function stored(): Session | undefined {
  try {
    const raw = sessionStorage.getItem(STORAGE_KEY);
    return raw ? (JSON.parse(raw) as Session) : undefined;
  } catch {
    return undefined;
  }
}

/** The signed-in user and the API client that carries their token. */
export function useSession(baseURL: string) {
  const [session, setSession] = useState<Session | undefined>(stored);
  const api: ApiClient = useMemo(() => {
    let token = session?.token;
    const client = createApiClient({ baseURL, getToken: () => token });
    return {
      ...client,
      async signIn(username, password) {
        const result = await client.signIn(username, password);
        token = result.token;
        return result;
      },
    };
  }, [baseURL, session?.token]);
  const signIn = useCallback(
    async (username: string, password: string) => {
      const result = await api.signIn(username, password);
      const next = { token: result.token, displayName: result.user.displayName };
      sessionStorage.setItem(STORAGE_KEY, JSON.stringify(next));
      setSession(next);
    },
    [api],
  );
  const signOut = useCallback(() => {
    sessionStorage.removeItem(STORAGE_KEY);
    setSession(undefined);
  }, []);
  return { session, api, signIn, signOut };
}
