import { QueryClient } from '@tanstack/react-query';
import createFetchClient, { type Middleware } from 'openapi-fetch';
import createQueryClient from 'openapi-react-query';
import { currentLanguage } from '../i18n/index.ts';
import type { paths } from './openapi';
import { NETWORK_CODE, ProblemError, call, isNetworkProblem, isProblem, toProblem, type Problem } from './problems.ts';

export { ProblemError, call, isNetworkProblem, isProblem, toProblem, type Problem };

/**
 * The one way the web app talks to the API: openapi-fetch typed by the types
 * generated from the server's OpenAPI document (`npm run client`), and
 * TanStack Query through openapi-react-query for loading, caching and
 * refetching. Nothing here knows a response shape by hand.
 */


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
