import { isIP } from 'node:net';

export type UrlProblem = 'not_a_url' | 'scheme' | 'private_address' | 'credentials';

const privateV4 = [/^10\./, /^127\./, /^169\.254\./, /^192\.168\./, /^172\.(1[6-9]|2\d|3[01])\./, /^0\./, /^100\.(6[4-9]|[7-9]\d|1[01]\d|12[0-7])\./];

/**
 * Where a provider may ask us to send its webhooks. In production only
 * https to a public host; `allowPrivate` (development, tests) also allows
 * http and loopback or private addresses. Host names are not resolved here,
 * so a name pointing at a private address is a known gap (see docs/webhooks.md).
 */
export function checkWebhookUrl(raw: string, allowPrivate: boolean): UrlProblem | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'not_a_url';
  }
  if (url.username || url.password) return 'credentials';
  if (url.protocol !== 'https:' && !(allowPrivate && url.protocol === 'http:')) return 'scheme';
  if (allowPrivate) return null;
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.internal')) return 'private_address';
  if (isIP(host) === 4 && privateV4.some((r) => r.test(host))) return 'private_address';
  if (isIP(host) === 6 && (host === '::1' || host.startsWith('fc') || host.startsWith('fd') || host.startsWith('fe80') || host === '::')) {
    return 'private_address';
  }
  return null;
}
