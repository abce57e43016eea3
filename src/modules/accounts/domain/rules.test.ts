import { describe, expect, it } from 'vitest';
import { checkBinding, checkPassword, lockoutAfter, normalizeEmail } from './rules.ts';

describe('normalizeEmail', () => {
  it.each([
    ['Amina@Example.COM', 'amina@example.com'],
    ['  amina@example.com ', 'amina@example.com'],
  ])('treats %j as %j', (input, expected) => expect(normalizeEmail(input)).toBe(expected));
});

describe('checkPassword', () => {
  it.each([
    ['short1', 'a@b.co', 'too_short'],
    ['x'.repeat(129), 'a@b.co', 'too_long'],
    ['1234567890', 'a@b.co', 'too_common'],
    ['Password123', 'a@b.co', 'too_common'],
    ['ababababab', 'a@b.co', 'too_common'],
    ['fatima.rahman-2026', 'fatima.rahman@example.com', 'contains_email'],
    ['correct horse battery', 'a@b.co', null],
    ['كلمة مرور طويلة جدا', 'a@b.co', null],
  ])('rejects %j for %j as %j', (password, email, expected) => expect(checkPassword(password, email)).toBe(expected));
});

describe('lockoutAfter', () => {
  it.each([
    [0, 0],
    [4, 0],
    [5, 30_000],
    [6, 60_000],
    [8, 240_000],
    [10, 900_000],
    [50, 900_000],
  ])('locks for the right time after %i failures', (failures, ms) => expect(lockoutAfter(failures)).toBe(ms));
});

describe('checkBinding', () => {
  it.each([
    ['pilgrim', null, null, null],
    ['provider_staff', 'p1', null, null],
    ['provider_staff', null, null, { code: 'account.binding_required', binding: 'provider' }],
    ['mission_officer', null, 'ID', null],
    ['mission_officer', null, null, { code: 'account.binding_required', binding: 'country' }],
    ['ministry_officer', 'p1', null, { code: 'account.binding_not_allowed', binding: 'provider' }],
    ['gate_officer', null, 'FR', { code: 'account.binding_not_allowed', binding: 'country' }],
  ] as const)('binds %s with provider=%s country=%s', (role, provider, country, expected) =>
    expect(checkBinding(role, provider, country)).toEqual(expected),
  );
});
