import { createHmac, generateKeyPairSync, randomUUID, sign, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { keyIdOf, signClaim, verifyClaim, verifyLegacyClaim } from './tokens.ts';

const k = generateKeyPairSync('ed25519');
const other = generateKeyPairSync('ed25519');
const signer = (key = k) => ({ keyId: 4, sign: (p: Uint8Array) => new Uint8Array(sign(null, p, key.privateKey)) });
const check = (keyId: number, signed: Uint8Array, sig: Uint8Array) => keyId === 4 && verify(null, signed, k.publicKey, sig);
const claim = { kind: 'pilgrim' as const, bookingId: randomUUID(), accountId: randomUUID(), season: '1448H' };
const at = new Date('2026-05-01T08:00:00Z');

describe('document tokens (Ed25519, key ids)', () => {
  it('carry their claim and the key that signed them', () => {
    const token = signClaim(signer(), claim, at);
    expect(verifyClaim(check, token)).toEqual({ ...claim, keyId: 4 });
    expect(keyIdOf(token)).toBe(4);
    const booking = { kind: 'booking' as const, bookingId: randomUUID(), season: '1448H' };
    expect(verifyClaim(check, signClaim(signer(), booking, at))).toEqual({ ...booking, keyId: 4 });
  });
  const token = signClaim(signer(), claim, at);
  const flip = (t: string, i: number) => {
    const b = Buffer.from(t, 'base64url');
    b[i]! ^= 1;
    return b.toString('base64url');
  };
  it.each([
    ['signed by another key', () => verifyClaim(check, signClaim(signer(other), claim, at))],
    ['altered by one byte', () => verifyClaim(check, flip(token, 10))],
    ['a cut signature', () => verifyClaim(check, token.slice(0, -4))],
    ['garbage', () => verifyClaim(check, 'hello')],
  ])('refuse %s', (_n, run) => expect(run()).toBeNull());

  it('still check the HMAC codes printed before the move, online only', () => {
    const secret = 's'.repeat(43);
    const payload = Buffer.from(JSON.stringify(['booking', 'b1', null, '1448H'])).toString('base64url');
    const legacy = `mnsk1.${payload}.${createHmac('sha256', secret).update(`mnsk1.${payload}`).digest('base64url')}`;
    expect(verifyLegacyClaim(secret, legacy)).toEqual({ kind: 'booking', bookingId: 'b1', season: '1448H' });
    expect(verifyLegacyClaim('x'.repeat(43), legacy)).toBeNull();
  });
});
