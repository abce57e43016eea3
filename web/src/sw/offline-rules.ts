/**
 * What the service worker keeps for reading without a network, as data: the
 * worker (service-worker.ts) routes by these rules, the page forgets the
 * personal cache at sign-out (lib/offline-data.ts), and a unit test reads
 * them. Nothing here touches a cache.
 *
 * Two caches of API answers, both network first (the cache only answers when
 * the network does not):
 * - `public`: the catalogue and the reference data its pages show; the same
 *   for everyone, kept across sign-outs.
 * - `personal`: the signed-in pilgrim's own reads (who is signed in, what the
 *   role may do, the family's bookings, the permits) and the PDFs of their
 *   bookings (confirmation, receipt, pilgrim cards, permits). Deleted at
 *   sign-in, at sign-out, and when the server says nobody or somebody else is
 *   signed in.
 *
 * Only GETs on these lists are kept, only complete answers (200), and never
 * an answer the server marks `Cache-Control: no-store` (passport scans,
 * complaint attachments, CSV exports, the revocation list: none of them is on
 * the lists either). Everything else under /api goes to the network as if
 * there were no worker.
 */
export const cacheNames = {
  public: 'manasik-api-public',
  personal: 'manasik-api-personal',
  /** Built files loaded but not precached (the charts' chunk). */
  assets: 'manasik-assets',
} as const;

/** The hand-written worker's cache (web/public/offline-sw.js, replaced by this one). */
export const legacyCaches = ['manasik-offline-v1'];

export type OfflineCache = 'public' | 'personal';

const publicReads = [
  /^\/api\/v1\/catalogue$/, // the list, every filter and page by its own query string
  /^\/api\/v1\/catalogue\/compare$/,
  /^\/api\/v1\/catalogue\/[^/]+$/,
  /^\/api\/v1\/meta\/(countries|server)$/,
  /^\/api\/v1\/permits\/sites$/,
];

const personalReads = [
  /^\/api\/v1\/auth\/session$/,
  /^\/api\/v1\/me\/operations$/,
  /^\/api\/v1\/me\/bookings$/,
  /^\/api\/v1\/me\/bookings\/[^/]+$/,
  /^\/api\/v1\/me\/permits$/,
  /^\/api\/v1\/bookings\/[^/]+\/(confirmation|receipt)\.pdf$/,
  /^\/api\/v1\/bookings\/[^/]+\/cards\/[^/]+\.pdf$/,
  /^\/api\/v1\/permits\/bookings\/[^/]+\/permit\.pdf$/,
];

/** Which API cache keeps the answer to a request, or null when none does. */
export function offlineCacheFor(url: URL, method: string, origin: string): OfflineCache | null {
  if (method !== 'GET' || url.origin !== origin) return null;
  if (publicReads.some((r) => r.test(url.pathname))) return 'public';
  if (personalReads.some((r) => r.test(url.pathname))) return 'personal';
  return null;
}

/** Whether an answer may be written to a cache: complete (200), and not marked `no-store` by the server. */
export function keepable(status: number, cacheControl: string | null): boolean {
  return status === 200 && !/(^|,)\s*no-store\s*(,|$)/i.test(cacheControl ?? '');
}

/** Paths that are not pages of the app: a navigation to them goes to the server, never to the app shell. */
export const serverPaths = [/^\/api\//, /^\/docs(\/|$)/, /^\/openapi\.json$/, /^\/(health|ready|metrics)$/];

/** The session answer's account id; null when nobody is signed in (or the body is not a session). */
export function sessionAccount(body: unknown): string | null {
  const account = (body as { account?: { id?: unknown } | null } | null)?.account;
  return account && typeof account.id === 'string' ? account.id : null;
}

/** How long the network has before a kept answer is shown instead, on a connection that hangs rather than fails. */
export const NETWORK_TIMEOUT_SECONDS = 6;
