import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * What a QR code on a booking confirmation or a pilgrim card carries: the
 * booking (and, on a card, the pilgrim) with an HMAC-SHA256 signature, so a
 * gate or a provider can check it offline of any list and the platform can
 * check it online. `mnsk1.<base64url JSON>.<base64url signature>`.
 */
export interface DocumentClaim {
  kind: 'booking' | 'pilgrim';
  bookingId: string;
  accountId?: string;
  season: string;
}

const PREFIX = 'mnsk1';
const mac = (secret: string, payload: string) => createHmac('sha256', secret).update(`${PREFIX}.${payload}`).digest('base64url');

export function signClaim(secret: string, claim: DocumentClaim): string {
  const payload = Buffer.from(JSON.stringify([claim.kind, claim.bookingId, claim.accountId ?? null, claim.season])).toString('base64url');
  return `${PREFIX}.${payload}.${mac(secret, payload)}`;
}

export function verifyClaim(secret: string, token: string): DocumentClaim | null {
  const [prefix, payload, signature, extra] = token.split('.');
  if (prefix !== PREFIX || !payload || !signature || extra !== undefined) return null;
  const expected = Buffer.from(mac(secret, payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const [kind, bookingId, accountId, season] = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as [string, string, string | null, string];
    if ((kind !== 'booking' && kind !== 'pilgrim') || typeof bookingId !== 'string' || typeof season !== 'string') return null;
    return { kind, bookingId, season, ...(accountId ? { accountId } : {}) };
  } catch {
    return null;
  }
}
