import type { TransferFlags } from '../../ledger/index.ts';

/** A ledger transfer as the wallet's history reads it. */
export interface TransferLine {
  id: string;
  created_at: Date;
  kind: string;
  flags: TransferFlags;
  pending_id: string | null;
  amount: number;
  debit_account: string;
  credit_account: string;
  booking_id: string | null;
}

/** One movement of money as a pilgrim sees it: a hold and its outcome are one line. */
export interface Movement {
  id: string;
  at: string;
  kind: string;
  /** `pending`: authorised, not yet spendable; `posted`: in the balance; `voided`: never arrived. */
  state: 'pending' | 'posted' | 'voided';
  /** Halalas, positive into the wallet. */
  amount: number;
  bookingId: string | null;
  /** When a pending movement was captured or voided. */
  settledAt: string | null;
}

/**
 * The wallet's history: each posted transfer is a movement; a hold (a card
 * payment authorised, then captured or voided) is one movement whose state is
 * its outcome, dated when it was authorised, not a line per step. A resolution
 * whose hold is beyond the page stands as its own line. Newest first, as given.
 */
export function movements(lines: readonly TransferLine[], walletId: string): Movement[] {
  const resolutions = new Map<string, TransferLine>();
  for (const l of lines) if (l.pending_id) resolutions.set(l.pending_id, l);
  const listed = new Set(lines.map((l) => l.id));
  const out: Movement[] = [];
  for (const l of lines) {
    if (l.pending_id && listed.has(l.pending_id)) continue; // folded into its hold
    const outcome = l.flags === 'pending' ? resolutions.get(l.id) : l;
    const state = !outcome || outcome.flags === 'pending' ? 'pending' : outcome.flags === 'void_pending' ? 'voided' : 'posted';
    out.push({
      id: l.id,
      at: l.created_at.toISOString(),
      kind: l.kind,
      state,
      amount: l.credit_account === walletId ? l.amount : -l.amount,
      bookingId: l.booking_id,
      settledAt: l.flags === 'pending' && outcome && outcome !== l ? outcome.created_at.toISOString() : null,
    });
  }
  return out;
}
