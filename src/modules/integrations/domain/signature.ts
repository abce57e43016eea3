import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Webhook signatures, documented for receivers in docs/webhooks.md:
 *
 *   Manasik-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>
 *
 * Signing the timestamp with the body lets a receiver refuse replays older
 * than its tolerance (5 minutes is the usual choice).
 */
export function signatureHeader(secret: string, timestamp: number, body: string): string {
  return `t=${timestamp},v1=${hmac(secret, timestamp, body)}`;
}

function hmac(secret: string, timestamp: number, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}

export type SignatureProblem = 'malformed' | 'too_old' | 'mismatch';

/** What a receiver does: parse, check the age, compare in constant time. */
export function verifySignature(
  header: string,
  secret: string,
  body: string,
  nowSeconds: number,
  toleranceSeconds = 300,
): SignatureProblem | null {
  const parts = Object.fromEntries(header.split(',').map((p) => p.trim().split('=', 2) as [string, string]));
  const timestamp = Number(parts.t);
  if (!Number.isInteger(timestamp) || !parts.v1 || !/^[0-9a-f]{64}$/.test(parts.v1)) return 'malformed';
  if (Math.abs(nowSeconds - timestamp) > toleranceSeconds) return 'too_old';
  const expected = Buffer.from(hmac(secret, timestamp, body), 'hex');
  return timingSafeEqual(expected, Buffer.from(parts.v1, 'hex')) ? null : 'mismatch';
}

/** Delay before attempt `n + 1` after `n` failures: 30 s doubling, at most 6 hours. */
export function retryDelaySeconds(failures: number): number {
  return Math.min(30 * 2 ** Math.max(0, failures - 1), 6 * 3600);
}
export const MAX_WEBHOOK_ATTEMPTS = 10;
