import { describe, expect, it } from 'vitest';
import { mayTrade, nextStatus } from './licensing.ts';

describe('nextStatus', () => {
  it.each([
    ['pending', 'approve', 'licensed'],
    ['pending', 'reject', 'rejected'],
    ['licensed', 'suspend', 'suspended'],
    ['suspended', 'reinstate', 'licensed'],
    ['licensed', 'approve', null],
    ['rejected', 'approve', null],
    ['suspended', 'suspend', null],
    ['pending', 'suspend', null],
    ['licensed', 'reinstate', null],
  ] as const)('%s --%s--> %s', (from, action, to) => expect(nextStatus(from, action)).toBe(to));
});

describe('mayTrade', () => {
  const licensed = { status: 'licensed' as const, licenceValidFrom: '2026-01-01', licenceValidTo: '2026-12-31' };
  it.each([
    [licensed, '2026-06-01', true],
    [licensed, '2026-01-01', true],
    [licensed, '2026-12-31', true],
    [licensed, '2025-12-31', false],
    [licensed, '2027-01-01', false],
    [{ ...licensed, status: 'suspended' as const }, '2026-06-01', false],
    [{ ...licensed, status: 'pending' as const }, '2026-06-01', false],
  ])('%o on %s: %s', (provider, today, expected) => expect(mayTrade(provider, today)).toBe(expected));
});
