import { QueryClient } from '@tanstack/react-query';
import createFetchClient, { type Middleware } from 'openapi-fetch';
import createQueryClient from 'openapi-react-query';
import { currentLanguage } from '../i18n/index.ts';
import type { components, paths } from './openapi';

/**
 * The one way the web app talks to the API: openapi-fetch typed by the types
 * generated from the server's OpenAPI document (`npm run client`), and
 * TanStack Query through openapi-react-query for loading, caching and
 * refetching. Nothing here knows a response shape by hand.
 */

/** An RFC 9457 problem as the server answers it; `status` 0 and code `network` when the server could not be reached. */
export type Problem = components['schemas']['Problem'];

const NETWORK_CODE = 'network';

/** Every request asks for messages in the language on screen. */
const language: Middleware = {
  onRequest({ request }) {
    request.headers.set('accept-language', currentLanguage());
    return request;
  },
  // A request that never got an answer becomes a problem like any other, so one display handles both.
  onError() {
    const problem: Problem = { type: 'about:blank', title: '', status: 0, code: NETWORK_CODE };
    return new Response(JSON.stringify(problem), { status: 599, headers: { 'content-type': 'application/problem+json' } });
  },
};

export const client = createFetchClient<paths>({ baseUrl: globalThis.location?.origin ?? 'http://localhost', credentials: 'same-origin' });
client.use(language);

/** Typed hooks: `$api.useQuery('get', '/api/v1/wallet')`, `$api.useMutation('post', '/api/v1/bookings/{id}/pay')`. */
export const $api = createQueryClient(client);

export const isProblem = (value: unknown): value is Problem =>
  typeof value === 'object' && value !== null && typeof (value as Problem).code === 'string' && typeof (value as Problem).status === 'number';

/** Whatever a call failed with, as a problem the page can show. */
export function toProblem(error: unknown): Problem {
  if (isProblem(error)) return error;
  return { type: 'about:blank', title: error instanceof Error ? error.message : '', status: 0, code: NETWORK_CODE };
}

export const isNetworkProblem = (p: Problem) => p.code === NETWORK_CODE;

/** Thrown by `call` so that `catch` blocks and TanStack Query see a real Error that carries the problem. */
export class ProblemError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.title || problem.code);
  }
}

/**
 * Awaits an openapi-fetch call and returns its data, or throws a ProblemError.
 *
 * @example const wallet = await call(client.GET('/api/v1/wallet'));
 */
export async function call<T>(request: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error } = await request;
  if (error !== undefined) throw new ProblemError(toProblem(error));
  return data as T;
}

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A problem answer is the server's considered reply: retrying it changes nothing. A lost connection is retried.
      retry: (failures, error) => (isProblem(error) && !isNetworkProblem(error) ? false : failures < 2),
      staleTime: 5_000,
      refetchOnWindowFocus: false,
    },
  },
});
