import { termSet, type ErrorCodeSpec } from './error-spec.ts';

/** Why the service is not ready. */
const unavailableReasons = termSet('core.unavailableReasons');

/**
 * The codes of the HTTP layer (a request's shape, answered before any module
 * runs), of authentication and of idempotency. Each module keeps its own codes
 * in its `errors.ts`; all of them form one registry (src/core/errors.ts).
 */
export const coreErrors = {
  'request.validation_failed': { status: 400 },
  'request.malformed_json': { status: 400 },
  'request.body_too_large': { status: 413 },
  'request.unsupported_media_type': { status: 415 },
  'request.too_deep': { status: 400 },
  'request.ill_formed_text': { status: 400 },
  'request.malformed_multipart': { status: 400 },
  'request.header_too_large': { status: 431 },
  'request.timeout': { status: 408 },
  'request.unreadable': { status: 400 },
  'request.conflict': { status: 409 },
  'request.invalid_value': { status: 400 },
  'request.uri_too_long': { status: 414 },
  'request.bad_url': { status: 400 },
  'request.not_found': { status: 404 },
  'request.method_not_allowed': { status: 405 },
  'request.rate_limited': { status: 429 },
  'internal.unexpected': { status: 500 },
  'service.unavailable': { status: 503, terms: { reason: unavailableReasons } },
  'auth.unauthenticated': { status: 401 },
  'auth.invalid_credentials': { status: 401 },
  'auth.session_invalid': { status: 401 },
  'auth.forbidden': { status: 403 },
  'auth.email_not_verified': { status: 403 },
  'auth.account_disabled': { status: 403 },
  'auth.too_many_failures': { status: 429 },
  'auth.token_invalid': { status: 400 },
  'auth.api_scope_missing': { status: 403 },
  'idempotency.key_reused': { status: 422 },
  'idempotency.in_flight': { status: 409 },
  'idempotency.bad_key': { status: 400 },
} as const satisfies Record<string, ErrorCodeSpec>;

declare module './errors.ts' {
  interface ErrorCodes extends Record<keyof typeof coreErrors, true> {}
}
