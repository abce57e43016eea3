/**
 * How a payment towards a booking is split between the provider and VAT
 * (docs/algorithms/ledger.md). A booking owes `subtotal` to the provider and
 * `vat` to the tax authority; payments may come in parts (instalments). Each
 * part sends VAT in proportion, rounded down, and the part that completes the
 * booking sends exactly what is left, so the VAT of all parts adds up to the
 * booking's VAT to the halala.
 */
export interface Due {
  subtotal: number;
  vat: number;
}

export function paymentLegs(due: Due, paidBefore: number, amount: number): { provider: number; vat: number } {
  const total = due.subtotal + due.vat;
  if (!Number.isInteger(amount) || amount <= 0) throw new RangeError('a payment is a positive number of halalas');
  if (paidBefore + amount > total) throw new RangeError('a payment cannot exceed what is still owed');
  const vatBefore = total === 0 ? 0 : Math.floor((paidBefore * due.vat) / total);
  const vatAfter = paidBefore + amount === total ? due.vat : Math.floor(((paidBefore + amount) * due.vat) / total);
  const vat = vatAfter - vatBefore;
  return { provider: amount - vat, vat };
}

/** A refund's size under a schedule of fees by days before departure (data per season). */
export interface RefundRule {
  /** The rule applies when the cancellation is at least this many days before the season's arrival date. */
  minDaysBefore: number;
  /** The fee kept, in basis points of what was paid. */
  feeBps: number;
}

/**
 * What cancelling `daysBefore` days before arrival returns of `paid`, and the
 * rule that decides it: the rule with the largest `minDaysBefore` still met;
 * with none met (too close to arrival, or after it) everything paid is kept
 * (`rule` is null).
 */
export function refundFor(paid: number, daysBefore: number, schedule: RefundRule[]): { refund: number; fee: number; rule: RefundRule | null } {
  const rule = [...schedule].sort((a, b) => b.minDaysBefore - a.minDaysBefore).find((r) => daysBefore >= r.minDaysBefore) ?? null;
  const fee = rule ? Math.floor((paid * rule.feeBps) / 10_000) : paid;
  return { refund: paid - fee, fee, rule };
}
