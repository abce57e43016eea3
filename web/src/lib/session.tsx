import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { applyLanguage, type Language } from '../i18n/index.ts';
import { api, ApiError, type Account } from './api.ts';

interface Session {
  account: Account | null;
  loading: boolean;
  signIn(email: string, password: string): Promise<Account>;
  signOut(): Promise<void>;
  refresh(): Promise<void>;
  setLanguage(language: Language): Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

/** The signed-in account (from the httpOnly cookie, via /me) and the actions that change it. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [account, setAccount] = useState<Account | null>(null);
  const [loading, setLoading] = useState(true);

  const refresh = useCallback(async () => {
    try {
      const me = await api<Account>('/me');
      setAccount(me);
      applyLanguage(me.locale);
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 401) console.error(error);
      setAccount(null);
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const value: Session = {
    account,
    loading,
    refresh,
    async signIn(email, password) {
      const { account: signedIn } = await api<{ account: Account }>('/auth/session', { method: 'POST', body: { email, password } });
      setAccount(signedIn);
      applyLanguage(signedIn.locale);
      return signedIn;
    },
    async signOut() {
      await api('/auth/session', { method: 'DELETE' }).catch(() => {});
      setAccount(null);
    },
    async setLanguage(language) {
      applyLanguage(language);
      if (account) setAccount(await api<Account>('/me', { method: 'PATCH', body: { locale: language } }));
    },
  };
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}
