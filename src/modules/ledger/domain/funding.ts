/**
 * Payments from wallets are written in batches (group commit,
 * `transfer-writer.ts`): every payment that arrives while earlier batches are
 * being written joins the next one, and one transaction reads the batch's
 * wallets once. This pure rule decides each payment's fate within its batch,
 * in arrival order, exactly as if the payments had come one after the other:
 * a wallet never goes below zero, a payment sees the effect of those accepted
 * before it in the batch (the same wallet paying twice, or credited first),
 * and a refusal is that payment's alone.
 */

/** One movement of a payment. */
export interface FundingLeg {
  debit: string;
  credit: string;
  amount: number;
}

/** A payment as the batch judges it: its legs, and the wallet that must cover what it pays (none: not checked). */
export interface FundingRequest {
  payer: string | null;
  legs: readonly FundingLeg[];
}

export type FundingVerdict =
  | { ok: true }
  | { ok: false; code: 'wallet.insufficient_funds'; params: { missing: number; available: number; needed: number } }
  | { ok: false; code: 'ledger.not_a_wallet'; params: Record<string, never> };

/**
 * Judges a batch of payments in arrival order against the wallets' available
 * money (posted minus held) as read, locked, at the batch's start: a payment
 * is accepted when its wallet covers the sum of its legs that the wallet pays,
 * and then its legs move the available money of every wallet they touch (a
 * wallet credited by an earlier payment may spend it). A payer that is not a
 * wallet (absent from `available`) is refused `ledger.not_a_wallet`.
 *
 * @param available wallet id → halalas available; the only accounts whose money is followed
 */
export function judgeFunding(available: ReadonlyMap<string, number>, requests: readonly FundingRequest[]): FundingVerdict[] {
  const left = new Map(available);
  return requests.map((request): FundingVerdict => {
    if (request.payer !== null) {
      const has = left.get(request.payer);
      if (has === undefined) return { ok: false, code: 'ledger.not_a_wallet', params: {} };
      const need = request.legs.filter((l) => l.debit === request.payer).reduce((s, l) => s + l.amount, 0);
      if (has < need) return { ok: false, code: 'wallet.insufficient_funds', params: { missing: need - Math.max(has, 0), available: has, needed: need } };
    }
    for (const leg of request.legs) {
      const debit = left.get(leg.debit);
      if (debit !== undefined) left.set(leg.debit, debit - leg.amount);
      const credit = left.get(leg.credit);
      if (credit !== undefined) left.set(leg.credit, credit + leg.amount);
    }
    return { ok: true };
  });
}
