import type { components } from './openapi';

/** An RFC 9457 problem as the server answers it; `status` 0 and code `network` when the server could not be reached. */
export type Problem = components['schemas']['Problem'];

export const NETWORK_CODE = 'network';

export const isProblem = (value: unknown): value is Problem =>
  typeof value === 'object' && value !== null && typeof (value as Problem).code === 'string' && typeof (value as Problem).status === 'number';

/** Whatever a call failed with, as a problem the page can show. */
export function toProblem(error: unknown): Problem {
  if (isProblem(error)) return error;
  // What `call` threw carries the server's answer: it is that problem, not a lost connection.
  if (error instanceof ProblemError) return error.problem;
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
