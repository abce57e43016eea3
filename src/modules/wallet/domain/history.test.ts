import { describe, expect, it } from 'vitest';
import { movements, type TransferLine } from './history.ts';

const W = 'wallet';
const at = (minute: number) => new Date(Date.UTC(2026, 4, 1, 8, minute));
const line = (id: string, flags: TransferLine['flags'], minute: number, extra: Partial<TransferLine> = {}): TransferLine => ({
  id, created_at: at(minute), kind: 'top_up_card', flags, pending_id: null, amount: 40_000, debit_account: 'card', credit_account: W, booking_id: null, ...extra,
});

describe('the wallet history', () => {
  it('shows a card top-up that was authorised then captured as one movement, posted', () => {
    const history = movements([line('capture', 'post_pending', 5, { pending_id: 'auth' }), line('auth', 'pending', 1)], W);
    expect(history).toEqual([{ id: 'auth', at: at(1).toISOString(), kind: 'top_up_card', state: 'posted', amount: 40_000, bookingId: null, settledAt: at(5).toISOString() }]);
  });

  it('shows an authorisation still open as pending', () => {
    expect(movements([line('auth', 'pending', 1)], W).map((m) => m.state)).toEqual(['pending']);
  });

  it('shows a voided authorisation once, as voided', () => {
    const history = movements([line('void', 'void_pending', 9, { pending_id: 'auth' }), line('auth', 'pending', 1)], W);
    expect(history.map((m) => [m.id, m.state])).toEqual([['auth', 'voided']]);
  });

  it('keeps a capture whose authorisation is beyond the page as its own line', () => {
    expect(movements([line('capture', 'post_pending', 5, { pending_id: 'older' })], W).map((m) => [m.id, m.state])).toEqual([['capture', 'posted']]);
  });

  it('signs money leaving the wallet negative', () => {
    const pay = line('pay', 'posted', 3, { kind: 'booking_payment', debit_account: W, credit_account: 'payable', amount: 1_000, booking_id: 'b1' });
    expect(movements([pay], W)).toEqual([expect.objectContaining({ amount: -1_000, state: 'posted', bookingId: 'b1', settledAt: null })]);
  });
});
