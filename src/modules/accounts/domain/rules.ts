import type { Role } from '../../../core/principal.ts';

/** Emails are unique regardless of case and surrounding space. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../../common/schemas/accounts.ts';

export { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH };

// The passwords that top every leaked-password list, plus the platform's own name.
const commonPasswords = new Set([
  '1234567890', '12345678910', '123456789a', '1q2w3e4r5t', 'qwertyuiop', 'password12', 'password123',
  'passw0rd12', 'iloveyou12', 'abcdefghij', 'abc1234567', '0123456789', '9876543210', '1111111111',
  'aaaaaaaaaa', 'qwerty1234', 'welcome123', 'letmein123', 'admin12345', 'makkah1234', 'madinah123',
  'manasik123', 'hajj123456', 'umrah12345',
]);

export type PasswordProblem = 'too_short' | 'too_long' | 'too_common' | 'contains_email';

/**
 * NIST SP 800-63B style: length matters, composition rules do not; refuse
 * known-common passwords and the account's own email.
 */
export function checkPassword(password: string, email: string): PasswordProblem | null {
  if (password.length < PASSWORD_MIN_LENGTH) return 'too_short';
  if (password.length > PASSWORD_MAX_LENGTH) return 'too_long';
  const lowered = password.toLowerCase();
  if (commonPasswords.has(lowered) || new Set(lowered).size <= 2) return 'too_common';
  const local = normalizeEmail(email).split('@')[0] ?? '';
  if (local.length >= 4 && lowered.includes(local)) return 'contains_email';
  return null;
}

/** After this many consecutive failed sign-ins, each further attempt waits longer. */
export const FREE_FAILURES = 5;
const BASE_LOCK_MS = 30_000;
const MAX_LOCK_MS = 15 * 60_000;

/**
 * How long an account stays locked after `failures` consecutive failed
 * sign-ins: nothing for the first five, then 30 s doubling up to 15 min.
 * An attacker gets a handful of guesses an hour; a pilgrim who mistyped
 * waits seconds.
 */
export function lockoutAfter(failures: number): number {
  if (failures < FREE_FAILURES) return 0;
  return Math.min(BASE_LOCK_MS * 2 ** (failures - FREE_FAILURES), MAX_LOCK_MS);
}

export type BindingProblem =
  | { code: 'account.binding_required'; binding: 'provider' | 'country' }
  | { code: 'account.binding_not_allowed'; binding: 'provider' | 'country' };

/**
 * Provider staff belong to exactly one provider, mission officers to exactly
 * one country; no other role is bound to either. (The database checks it too.)
 */
export function checkBinding(role: Role, providerId: string | null, countryCode: string | null): BindingProblem | null {
  if (role === 'provider_staff' && !providerId) return { code: 'account.binding_required', binding: 'provider' };
  if (role === 'mission_officer' && !countryCode) return { code: 'account.binding_required', binding: 'country' };
  if (role !== 'provider_staff' && providerId) return { code: 'account.binding_not_allowed', binding: 'provider' };
  if (role !== 'mission_officer' && countryCode) return { code: 'account.binding_not_allowed', binding: 'country' };
  return null;
}
