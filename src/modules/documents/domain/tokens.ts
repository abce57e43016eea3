import { createHmac, timingSafeEqual } from 'node:crypto';
import { decodeToken, encodeDocument, tokenText, type DocumentClaim } from '../../../common/permits/token.ts';
import type { SignatureCheck } from '../../../common/permits/gate.ts';

/**
 * What a QR code on a booking confirmation or a pilgrim card carries: the
 * booking (and, on a card, the pilgrim), signed with the platform's Ed25519
 * key (the same compact layout and key ring as permits: src/common/permits,
 * docs/algorithms/permits.md). A gate needs only the public key to check one,
 * so a gate can never make one.
 */
export type { DocumentClaim };

export interface ClaimInput {
  kind: 'booking' | 'pilgrim';
  bookingId: string;
  accountId?: string;
  /** e.g. 1448H */
  season: string;
}

/** Signs a claim: `signer` is the active key (src/modules/signing). */
export function signClaim(signer: { keyId: number; sign: (payload: Uint8Array) => Uint8Array }, claim: ClaimInput, issuedAt: Date): string {
  const payload = encodeDocument({
    keyId: signer.keyId,
    kind: claim.kind,
    bookingId: claim.bookingId,
    seasonYear: Number.parseInt(claim.season, 10),
    issuedAt: Math.floor(issuedAt.getTime() / 1000),
    ...(claim.accountId ? { accountId: claim.accountId } : {}),
  });
  return tokenText(payload, signer.sign(payload));
}

/** The claim of a booking or card token whose signature holds under `check`, or null. */
export function verifyClaim(check: SignatureCheck, token: string): (ClaimInput & { keyId: number }) | null {
  const d = decodeToken(token);
  if (!d || d.type === 'permit' || !check(d.claim.keyId, d.signed, d.signature)) return null;
  const c = d.claim;
  return { keyId: c.keyId, kind: c.kind, bookingId: c.bookingId, season: `${c.seasonYear}H`, ...(c.accountId ? { accountId: c.accountId } : {}) };
}

/** The key id a token names, without checking anything (to load that key). */
export const keyIdOf = (token: string): number | null => {
  const d = decodeToken(token);
  return d && d.type !== 'permit' ? d.claim.keyId : null;
};

/**
 * Codes printed before the move to Ed25519 (`mnsk1.<payload>.<HMAC>`): still
 * checked online, by the server that holds the secret, so documents already
 * printed keep working; nothing new is signed this way.
 */
export function verifyLegacyClaim(secret: string, token: string): ClaimInput | null {
  const [prefix, payload, signature, extra] = token.split('.');
  if (prefix !== 'mnsk1' || !payload || !signature || extra !== undefined) return null;
  const expected = Buffer.from(createHmac('sha256', secret).update(`mnsk1.${payload}`).digest('base64url'));
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
