import type { Clock } from '../core/clock.ts';
import type { RequestContext } from '../core/principal.ts';
import type { Db } from '../db/database.ts';
import { runOnce } from '../db/idempotency.ts';
import type { BookingService } from '../modules/bookings/index.ts';
import type { CatalogueService } from '../modules/catalogue/index.ts';
import type { PilgrimService } from '../modules/pilgrims/index.ts';
import type { WalletService } from '../modules/wallet/index.ts';
import { bookingMoney } from './booking-money.ts';

export interface PayBookingDeps {
  db: Db;
  clock: Clock;
  bookings: Pick<BookingService, 'lockForPayer' | 'payable' | 'recordPayment'>;
  pilgrims: Pick<PilgrimService, 'assertStepReady'>;
  catalogue: Pick<CatalogueService, 'priceOf'>;
  wallet: Pick<WalletService, 'payForBooking' | 'viewIn'>;
}

/**
 * The family's admin pays towards a held booking from the wallet — in full by
 * default, or an instalment — in one transaction, once per Idempotency-Key.
 * Each fact is read once, and every check comes before anything changes:
 *
 * 1. the booking, locked, and its family (bookings);
 * 2. paying accepts the offer: every member's passport scan and photo approved (pilgrims);
 * 3. the amount: the booking held, its deadline not passed, no more than is owed (bookings' rule);
 * 4. the price: who is paid and how it splits into the provider's share and VAT (catalogue);
 * 5. the money: the wallet locked and its funds checked, then the two legs (wallet, ledger);
 * 6. the booking records the payment, confirmed when complete, its deadline moved when a step of the plan is done (bookings).
 */
export function payBookingWorkflow(deps: PayBookingDeps) {
  return (ctx: RequestContext, bookingId: string, amount?: number) =>
    runOnce(deps, ctx, async (trx) => {
      const { booking, family } = await deps.bookings.lockForPayer(ctx, trx, bookingId);
      await deps.pilgrims.assertStepReady(trx, family.members, 'accept_offer');
      const pay = deps.bookings.payable(booking, amount);
      const money = await bookingMoney(deps.catalogue, trx, booking);
      await deps.wallet.payForBooking(trx, family.adminAccountId, money, pay);
      const result = await deps.bookings.recordPayment(ctx, trx, booking, pay, money.providerId);
      return { booking: result, wallet: await deps.wallet.viewIn(trx, family.adminAccountId) };
    });
}
export type PayBooking = ReturnType<typeof payBookingWorkflow>;
