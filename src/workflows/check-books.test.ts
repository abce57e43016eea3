import { describe, expect, it } from 'vitest';
import { bookingMismatches } from './check-books.ts';

const b = (id: string, status: 'held' | 'confirmed' | 'cancelled', paid: number, due = 1000) => ({ id, status, amount_paid: paid, amount_due: due });

describe('a booking and its money agree', () => {
  it.each([
    ['a held booking paid in part, as the ledger says', [b('a', 'held', 400)], [['a', 400]], []],
    ['a held booking nobody paid has no entries', [b('a', 'held', 0)], [], []],
    ['a confirmed booking paid in full', [b('a', 'confirmed', 1000)], [['a', 1000]], []],
    ['a cancelled booking refunded in part keeps the fee', [b('a', 'cancelled', 250)], [['a', 250]], []],
    ['a booking that says more than the ledger moved', [b('a', 'held', 500)], [['a', 400]], ['booking a (held): paid 500 of 1000, ledger says 400']],
    ['a confirmed booking not paid in full', [b('a', 'confirmed', 900)], [['a', 900]], ['booking a (confirmed): paid 900 of 1000, ledger says 900']],
  ] as const)('%s', (_name, bookings, ledger, expected) => {
    expect(bookingMismatches(bookings, new Map(ledger as readonly (readonly [string, number])[] as [string, number][]))).toEqual(expected);
  });
});
