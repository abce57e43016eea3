import { describe, expect, it } from 'vitest';
import { paymentLegs, refundFor } from './payment.ts';

describe('paymentLegs', () => {
  it.each([
    { due: { subtotal: 1000, vat: 150 }, parts: [1150], vat: [150] },
    { due: { subtotal: 1000, vat: 150 }, parts: [575, 575], vat: [75, 75] },
    { due: { subtotal: 1000, vat: 150 }, parts: [1, 1, 1148], vat: [0, 0, 150] },
    { due: { subtotal: 997, vat: 149 }, parts: [382, 382, 382], vat: [49, 50, 50] },
    { due: { subtotal: 500, vat: 0 }, parts: [200, 300], vat: [0, 0] },
  ])('splits $parts of $due with VAT $vat', ({ due, parts, vat }) => {
    let paid = 0;
    const legs = parts.map((amount) => {
      const leg = paymentLegs(due, paid, amount);
      paid += amount;
      expect(leg.provider + leg.vat).toBe(amount);
      return leg.vat;
    });
    expect(legs).toEqual(vat);
    expect(legs.reduce((a, b) => a + b, 0)).toBe(due.vat);
  });

  it('always adds up to the booking, whatever the instalments (property)', () => {
    for (let t = 0; t < 500; t++) {
      const subtotal = 1 + ((t * 7919) % 5_000_000);
      const due = { subtotal, vat: Math.floor(subtotal * 0.15) };
      let paid = 0;
      let vat = 0;
      const total = due.subtotal + due.vat;
      while (paid < total) {
        const amount = Math.min(total - paid, 1 + ((t * 104729 + paid) % Math.max(1, Math.floor(total / 3))));
        const leg = paymentLegs(due, paid, amount);
        expect(leg.vat).toBeGreaterThanOrEqual(0);
        vat += leg.vat;
        paid += amount;
      }
      expect(vat).toBe(due.vat);
    }
  });

  it.each([[0], [-5], [1.5], [1151]])('refuses a payment of %s', (amount) => {
    expect(() => paymentLegs({ subtotal: 1000, vat: 150 }, 0, amount)).toThrow(RangeError);
  });
});

describe('refundFor', () => {
  const schedule = [{ minDaysBefore: 60, feeBps: 0 }, { minDaysBefore: 30, feeBps: 1000 }, { minDaysBefore: 7, feeBps: 5000 }];
  it.each([
    [90, 10_000, 0, schedule[0]],
    [60, 10_000, 0, schedule[0]],
    [59, 9_000, 1_000, schedule[1]],
    [30, 9_000, 1_000, schedule[1]],
    [10, 5_000, 5_000, schedule[2]],
    [3, 0, 10_000, null],
    [-2, 0, 10_000, null], // after the arrival day: nothing comes back, and no rule is claimed
  ])('%i days before: refund %i, fee %i, by the rule %o', (days, refund, fee, rule) => expect(refundFor(10_000, days, schedule)).toEqual({ refund, fee, rule }));
});
