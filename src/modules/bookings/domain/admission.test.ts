import { describe, expect, it } from 'vitest';
import { admittedUpTo, estimatedWaitSeconds, signAdmission, signPlace, verifyAdmission, verifyPlace } from './admission.ts';

const rate = { firstBatch: 100, admitPerMinute: 60 };

describe('waiting-room admission', () => {
  it.each([
    [-1, 0],
    [0, 100],
    [999, 100],
    [1000, 101],
    [60_000, 160],
    [600_000, 700],
  ])('%i ms after the opening admits %i places', (elapsed, admitted) => expect(admittedUpTo(rate, elapsed)).toBe(admitted));

  it.each([
    [50, 0, 0],
    [100, 0, 0],
    [101, 0, 1],
    [160, 0, 60],
    [160, 30_000, 30],
    [160, 60_000, 0],
    [5, -10_000, 10], // before the opening: waits for the opening itself
  ])('place %i at %i ms waits %i s', (position, elapsed, wait) => expect(estimatedWaitSeconds(rate, position, elapsed)).toBe(wait));
});

describe('admission tokens', () => {
  const secret = 'k'.repeat(43);
  const token = signAdmission(secret, { season: '1448H', accountId: 'a1', expiresAt: 10_000 });

  it('carries the admission until it expires', () => {
    expect(verifyAdmission(secret, token, 9_999)).toEqual({ season: '1448H', accountId: 'a1', expiresAt: 10_000 });
    expect(verifyAdmission(secret, token, 10_000)).toBeNull();
  });

  it.each([
    ['another secret', (t: string) => t, 'x'.repeat(43)],
    ['a changed payload', (t: string) => Buffer.from(JSON.stringify(['1448H', 'a2', 10_000])).toString('base64url') + '.' + t.split('.')[1], secret],
    ['a truncated signature', (t: string) => t.slice(0, -2), secret],
    ['no signature', (t: string) => t.split('.')[0]!, secret],
    ['garbage', () => 'not-a-token', secret],
    ['an extra part', (t: string) => `${t}.x`, secret],
  ])('refuses %s', (_name, change, key) => expect(verifyAdmission(key, change(token), 0)).toBeNull());
});

describe('place tokens (polling the waiting room without a session or a database read)', () => {
  const secret = 'k'.repeat(43);
  const token = signPlace(secret, { season: '1448H', accountId: 'a1', position: 42 });

  it('carries the place', () => expect(verifyPlace(secret, token)).toEqual({ season: '1448H', accountId: 'a1', position: 42 }));

  it.each([
    ['another secret', (t: string) => t, 'x'.repeat(43)],
    ['a changed place', (t: string) => Buffer.from(JSON.stringify(['1448H', 'a1', 1])).toString('base64url') + '.' + t.split('.')[1], secret],
    ['a truncated signature', (t: string) => t.slice(0, -2), secret],
    ['garbage', () => 'not-a-token', secret],
    ['an extra part', (t: string) => `${t}.x`, secret],
  ])('refuses %s', (_name, change, key) => expect(verifyPlace(key, change(token))).toBeNull());

  it('never passes for an admission, nor an admission for a place (domain separation)', () => {
    const admission = signAdmission(secret, { season: '1448H', accountId: 'a1', expiresAt: 10_000 });
    expect(verifyPlace(secret, admission)).toBeNull();
    expect(verifyAdmission(secret, token, 0)).toBeNull();
  });

  it.each([[0], [-3], [1.5], ['7']])('refuses a correctly signed place of %s', (position) => {
    const signed = signPlace(secret, { season: '1448H', accountId: 'a1', position: position as number });
    expect(verifyPlace(secret, signed)).toBeNull();
  });
});
