import { existingPlatformSecret } from '../../db/platform-secrets.ts';
import { paidStatuses } from '../bookings/index.ts';
import type { DocumentContext } from './context.ts';
import { keyIdOf, verifyClaim, verifyLegacyClaim } from './domain/tokens.ts';

/** What a scanned document code says. */
export function verifyCodeUseCase(dc: DocumentContext) {
  const { deps, db } = dc;
  const use = {
    /**
     * What a scanned code says, checked against the signature (Ed25519, any key the platform
     * ever used: the state is read here, online) and the booking's current state. A code
     * printed before the move to Ed25519 (HMAC, `mnsk1.`) is still checked, online only.
     */
    async verify(token: string) {
      let claim: { kind: 'booking' | 'pilgrim'; bookingId: string; accountId?: string; season: string; keyId?: number } | null = null;
      if (token.startsWith('mnsk1.')) {
        const key = await existingPlatformSecret(db.kysely, 'document-token');
        claim = key ? verifyLegacyClaim(key, token) : null;
      } else {
        const keyId = keyIdOf(token);
        claim = keyId === null ? null : verifyClaim(await deps.signing.checker([keyId]), token);
      }
      if (!claim) return { valid: false as const };
      const b = await deps.bookings.find(db.kysely, claim.bookingId);
      return { valid: true as const, kind: claim.kind, bookingId: claim.bookingId, accountId: claim.accountId ?? null, season: claim.season, keyId: claim.keyId ?? null, status: b?.status ?? 'unknown', confirmed: Boolean(b && (paidStatuses as readonly string[]).includes(b.status)) };
    },
  };
  return use;
}
