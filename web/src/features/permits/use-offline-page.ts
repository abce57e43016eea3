import { $api, isNetworkProblem, toProblem } from '../../api/client.ts';
import { useOperations, type Operation } from '../../lib/operations.ts';
import { useOnline } from '../../lib/use-online.ts';
import type { Account } from '../../lib/session.tsx';

export type OfflinePageState = { state: 'loading' | 'signed-out' | 'forbidden' } | { state: 'offline' } | { state: 'ready'; account: Account };

/**
 * Who may see a page that must also open without a network (my permits, the
 * gate): the route has no guard, because offline there is no session to ask;
 * online, the session and the role's operations decide as everywhere else.
 */
export function useOfflinePage(needs: Operation): OfflinePageState {
  const online = useOnline();
  const session = $api.useQuery('get', '/api/v1/auth/session', {}, { staleTime: 60_000, enabled: online });
  const operations = useOperations();
  if (!online || (session.error && isNetworkProblem(toProblem(session.error)))) return { state: 'offline' };
  if (session.isPending) return { state: 'loading' };
  const account = session.data?.account ?? null;
  if (!account) return { state: 'signed-out' };
  if (operations.loading) return { state: 'loading' };
  if (!operations.can(needs)) return { state: 'forbidden' };
  return { state: 'ready', account };
}
