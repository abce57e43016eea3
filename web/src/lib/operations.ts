import { $api } from '../api/client.ts';
import type { paths } from '../api/openapi';
import { useSession } from './session.tsx';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
/** "POST /api/v1/wallet/bank-statements": an operation of the API, checked against the generated paths. */
export type Operation = `${Method} ${keyof paths & string}`;

/**
 * Whether the signed-in account may call an operation, as the server's route
 * policies say (GET /me/operations): pages and buttons that need a role appear
 * from this one source, never from a copy of the rule in the web.
 */
export function useOperations() {
  const { account } = useSession();
  const query = $api.useQuery('get', '/api/v1/me/operations', {}, { enabled: !!account, staleTime: 5 * 60_000 });
  const allowed = new Set(account ? (query.data?.operations ?? []) : []);
  return { can: (op: Operation) => allowed.has(op), loading: !!account && query.isPending };
}
