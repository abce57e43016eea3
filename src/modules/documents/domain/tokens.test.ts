import { describe, expect, it } from 'vitest';
import { signClaim, verifyClaim } from './tokens.ts';

const secret = 's'.repeat(43);
const claim = { kind: 'pilgrim' as const, bookingId: 'b1', accountId: 'a1', season: '1448H' };

describe('document tokens', () => {
  it('carry their claim', () => {
    expect(verifyClaim(secret, signClaim(secret, claim))).toEqual(claim);
    expect(verifyClaim(secret, signClaim(secret, { kind: 'booking', bookingId: 'b2', season: '1448H' }))).toEqual({ kind: 'booking', bookingId: 'b2', season: '1448H' });
  });
  const token = signClaim(secret, claim);
  it.each([
    ['another key', () => verifyClaim('k'.repeat(43), token)],
    ['a changed claim', () => verifyClaim(secret, `mnsk1.${Buffer.from(JSON.stringify(['pilgrim', 'b1', 'a2', '1448H'])).toString('base64url')}.${token.split('.')[2]}`)],
    ['a cut signature', () => verifyClaim(secret, token.slice(0, -4))],
    ['another prefix', () => verifyClaim(secret, token.replace('mnsk1', 'mnsk2'))],
    ['garbage', () => verifyClaim(secret, 'hello')],
  ])('refuse %s', (_n, check) => expect(check()).toBeNull());
});
