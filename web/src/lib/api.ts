import type { Static } from '@sinclair/typebox';
import type { AccountSchema } from '../../../src/modules/accounts/schemas.ts';
import { currentLanguage } from '../i18n/index.ts';

export interface FieldProblem {
  pointer: string;
  message: string;
}

/** A problem+json answer from the server, in the UI's language. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fieldErrors: FieldProblem[] = [],
  ) {
    super(message);
  }
  /** The server's messages by top-level body field (`/body/makkah/hotel` counts for `makkah`). */
  byField(): Record<string, string> {
    return Object.fromEntries(this.fieldErrors.map((f) => [f.pointer.split('/')[2] ?? '', f.message]));
  }
}

/**
 * Calls the API with the session cookie, asking for messages in the UI's
 * language. Throws ApiError for any problem answer; code 'network' when the
 * server cannot be reached.
 */
export async function api<T>(path: string, options: { method?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`/api/v1${path}`, {
      method: options.method ?? 'GET',
      credentials: 'same-origin',
      headers: {
        'accept-language': currentLanguage(),
        ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...options.headers,
      },
      body: options.body !== undefined ? JSON.stringify(options.body) : undefined,
    });
  } catch {
    throw new ApiError(0, 'network', '');
  }
  if (response.status === 204) return undefined as T;
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new ApiError(response.status, body.code ?? 'unknown', body.title ?? response.statusText, body.errors ?? []);
  return body as T;
}

/** The account as the API returns it: the server's own response schema, so the two cannot drift. */
export type Account = Static<typeof AccountSchema>;
