import { useQueryClient } from '@tanstack/react-query';
import { $api, call, client, type Problem } from '../api/client.ts';
import type { components } from '../api/openapi';
import { applyLanguage, deviceLanguage } from '../i18n/index.ts';
import { forgetPersonalData } from './offline-data.ts';

export type Account = components['schemas']['Account'];
export type Role = Account['role'];

/**
 * Who is signed in, read from GET /auth/session: being signed out is a state
 * (account null), not an error, so signed-out pages log nothing.
 */
export function useSession() {
  const queryClient = useQueryClient();
  const query = $api.useQuery('get', '/api/v1/auth/session', {}, { staleTime: 60_000 });
  const account = query.data?.account ?? null;

  /** Forget every cached answer, in memory and on the device: they belonged to the previous person. */
  const reset = async () => {
    queryClient.clear();
    await forgetPersonalData();
    await query.refetch();
  };

  return {
    account,
    loading: query.isPending,
    async signIn(email: string, password: string): Promise<Account> {
      const { account: signedIn } = await call(client.POST('/api/v1/auth/session', { body: { email, password } }));
      // A language chosen on this device wins; otherwise the account's own.
      if (!deviceLanguage()) applyLanguage(signedIn.locale);
      await reset();
      return signedIn;
    },
    async signOut() {
      await client.DELETE('/api/v1/auth/session');
      await reset();
    },
    refresh: () => query.refetch(),
  };
}

export type { Problem };
