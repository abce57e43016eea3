import type { Executor } from '../db/database.ts';
import { paidStatuses, type BookingService, type BookingStatus } from '../modules/bookings/index.ts';
import type { LedgerService } from '../modules/ledger/index.ts';

/**
 * Compares what each booking says it was paid with what the ledger moved for
 * it: equal for every booking, and equal to the price once the booking is paid
 * in full. Pure: the reading is the workflow's.
 */
export function bookingMismatches(
  bookings: readonly { id: string; status: BookingStatus; amount_paid: number; amount_due: number }[],
  ledgerPaid: ReadonlyMap<string, number>,
): string[] {
  const out: string[] = [];
  const paid = paidStatuses as readonly string[];
  for (const b of bookings) {
    const ledger = ledgerPaid.get(b.id) ?? 0;
    if (b.amount_paid !== ledger || (paid.includes(b.status) && b.amount_paid !== b.amount_due)) {
      out.push(`booking ${b.id} (${b.status}): paid ${b.amount_paid} of ${b.amount_due}, ledger says ${ledger}`);
    }
  }
  return out;
}

/**
 * `manasik ledger check`: the books hold when the ledger holds on its own
 * (transfers, holds, wallets) and every booking's paid amount is what the
 * ledger moved for it. An empty list is healthy.
 *
 * Steps, one snapshot each: the ledger's own check; the bookings' amounts; the
 * ledger's total per booking; the comparison.
 */
export async function checkBooks(deps: { ledger: Pick<LedgerService, 'check' | 'paidPerBooking'>; bookings: Pick<BookingService, 'amounts'> }, executor?: Executor) {
  const [ledger, bookings, paid] = await Promise.all([deps.ledger.check(executor), deps.bookings.amounts(executor), deps.ledger.paidPerBooking(executor)]);
  return [...ledger, ...bookingMismatches(bookings, paid)];
}
