import { describe, expect, it } from 'vitest';
import { payableAmount } from './payable.ts';

const now = new Date('2026-05-10T00:00:00Z');
const held = { status: 'held' as const, holdDeadline: new Date('2026-05-12T00:00:00Z'), amountDue: 1000, amountPaid: 300 };
const refusal = (f: () => unknown) => {
  try {
    f();
  } catch (error) {
    return (error as { code: string }).code;
  }
  return null;
};

describe('what a payment towards a booking may be', () => {
  it.each([
    ['everything still owed, by default', held, undefined, 700],
    ['an instalment of it', held, 200, 200],
    ['exactly what is owed', held, 700, 700],
  ])('%s', (_name, b, requested, expected) => expect(payableAmount(b, requested, now)).toBe(expected));

  it.each([
    ['more than is owed', held, 701, 'booking.overpayment'],
    ['nothing', held, 0, 'booking.overpayment'],
    ['a booking not held', { ...held, status: 'confirmed' as const }, undefined, 'booking.not_held'],
    ['after the deadline', { ...held, holdDeadline: new Date('2026-05-09T00:00:00Z') }, undefined, 'booking.deadline_passed'],
  ])('refuses %s', (_name, b, requested, code) => expect(refusal(() => payableAmount(b, requested, now))).toBe(code));
});
