import type { Locale } from '../common/i18n.ts';

import { roles, staffRoles, type Role } from '../common/roles.ts';

export { roles, staffRoles, type Role };

/** The ministry's staff: officers and admins (who read every provider, package, document and application). */
export const ministryRoles = ['ministry_officer', 'ministry_admin'] as const satisfies readonly Role[];
export const isMinistry = (p: Pick<Principal, 'role'> | null | undefined) => p != null && (ministryRoles as readonly Role[]).includes(p.role);

/** Who is calling: resolved from a session cookie or a bearer token. */
export interface Principal {
  accountId: string;
  role: Role;
  /** Set for provider staff: the only provider whose data they may see. */
  providerId: string | null;
  /** Set for mission officers: the only country whose data they may see. */
  countryCode: string | null;
  locale: Locale;
  /** Hash of the credential used, so that sign-out revokes exactly that one. */
  credentialHash: string;
  credentialKind: 'cookie' | 'bearer' | 'api_key';
  /** Set when the caller is a provider's API key: it acts for its creator, within these scopes. */
  apiKey?: { id: string; scopes: string[] };
}

/**
 * What a service needs to know about the request it serves: who acts, in
 * which language to answer, and the id that ties logs to audit records.
 */
export interface RequestContext {
  actor: Principal | null;
  locale: Locale;
  requestId: string;
  /**
   * Set when the caller sent an `Idempotency-Key` to an operation that takes one:
   * the operation runs at most once per key (`runOnce`, src/db/idempotency.ts).
   * `fingerprint` identifies the request (method, route, parameters, body), so the
   * same key with another request is refused; `replayed` is set when an earlier
   * answer is given again.
   */
  idempotency?: { key: string; operation: string; fingerprint: string; replayed?: boolean };
  /**
   * Work the platform does itself (the CLI, the demo seed, scheduled jobs), with
   * no caller: policies let it through. Never set for an HTTP request.
   */
  system?: true;
}

/** A context for work done by the platform itself (CLI, scheduled jobs). */
export function systemContext(requestId = 'system', locale: Locale = 'en'): RequestContext {
  return { actor: null, locale, requestId, system: true };
}

/**
 * A context acting as an existing account without a credential: for the
 * platform's own scripted work (demo seed, benchmarks, tests) that goes through
 * the services as a person would. Defaults to a pilgrim.
 *
 * @example await services.providers.apply(actingAs(ownerId), application)
 */
export function actingAs(accountId: string, extra: Partial<Principal> = {}, requestId = 'system'): RequestContext {
  const locale = extra.locale ?? 'en';
  return {
    actor: { accountId, role: 'pilgrim', providerId: null, countryCode: null, locale, credentialHash: requestId, credentialKind: 'bearer', ...extra },
    locale,
    requestId,
  };
}
