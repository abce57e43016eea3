import type { Selectable } from 'kysely';
import type { Clock } from '../core/clock.ts';
import { daysUntil } from '../core/dates.ts';
import type { RequestContext } from '../core/principal.ts';
import type { Db, Executor, Trx } from '../db/database.ts';
import { runOnce } from '../db/idempotency.ts';
import type { AuditContext } from '../modules/audit/index.ts';
import type { BookingService, BookingsTable } from '../modules/bookings/index.ts';
import type { CatalogueService } from '../modules/catalogue/index.ts';
import { refundFor } from '../modules/ledger/index.ts';
import type { SeasonService } from '../modules/seasons/index.ts';
import type { WalletService } from '../modules/wallet/index.ts';
import { bookingMoney } from './booking-money.ts';
import type { Cascade } from './end-hold.ts';

export interface CancelBookingDeps {
  db: Db;
  clock: Clock;
  bookings: Pick<BookingService, 'lockForPayer' | 'cancel' | 'refundSchedule'>;
  seasons: Pick<SeasonService, 'read'>;
  catalogue: Pick<CatalogueService, 'priceOf'>;
  wallet: Pick<WalletService, 'refundBooking' | 'viewIn'>;
  cascade: Cascade;
}

/**
 * Cancelling a booking, in one transaction:
 *
 * 1. the booking, locked, and the family paying for it (bookings);
 * 2. what comes back: the season's refund schedule by whole days before arrival
 *    (seasons, bookings' schedule, ledger's rule) — or everything, when the
 *    provider was suspended;
 * 3. the refund to the wallet that paid, provider's share and VAT in proportion (wallet, ledger);
 * 4. the booking cancelled, its seats and quota back (bookings);
 * 5. the freed seats offered down the waiting list (draw's cascade).
 */
export function cancelBookingWorkflow(deps: CancelBookingDeps) {
  const { db, clock } = deps;

  /** What cancelling now returns, and the rule that decides it. */
  async function refundOf(executor: Executor, b: Selectable<BookingsTable>, full: boolean) {
    const [season, schedule] = await Promise.all([deps.seasons.read(executor, b.season), deps.bookings.refundSchedule(executor, b.season)]);
    const daysBefore = daysUntil(season.arrivalDate, clock.now());
    const { refund, fee, rule } = full ? { refund: b.amount_paid, fee: 0, rule: null } : refundFor(b.amount_paid, daysBefore, schedule);
    return { paid: b.amount_paid, refund, fee, daysBefore, rule, reason: full ? ('provider_suspended' as const) : ('schedule' as const), schedule };
  }

  /** Refunds by the schedule (or in full) and cancels, in the caller's transaction. */
  async function cancel(ctx: AuditContext, trx: Trx, b: Selectable<BookingsTable>, payerAccountId: string, full: boolean) {
    const r = await refundOf(trx, b, full);
    if (r.refund > 0) await deps.wallet.refundBooking(trx, payerAccountId, await bookingMoney(deps.catalogue, trx, b), r.refund);
    const released = await deps.bookings.cancel(ctx, trx, b, r.refund, full ? 'provider_suspended' : 'pilgrim');
    await deps.cascade(ctx, trx, released);
    return r;
  }

  return {
    /** What cancelling now would give back, and why (read only). */
    preview: (ctx: RequestContext, bookingId: string) =>
      db.kysely.transaction().execute(async (trx) => refundOf(trx, (await deps.bookings.lockForPayer(ctx, trx, bookingId)).booking, false)),

    /** The family's admin cancels; the refund is in the wallet at once (once per Idempotency-Key). */
    cancel: (ctx: RequestContext, bookingId: string) =>
      runOnce(deps, ctx, async (trx) => {
        const { booking, family } = await deps.bookings.lockForPayer(ctx, trx, bookingId);
        const r = await cancel(ctx, trx, booking, family.adminAccountId, false);
        return { ...r, wallet: await deps.wallet.viewIn(trx, family.adminAccountId) };
      }),

    /** A step for other workflows: cancels a booking refunding everything paid (a provider's suspension). */
    cancelInFull: (ctx: AuditContext, trx: Trx, b: Selectable<BookingsTable>, payerAccountId: string) => cancel(ctx, trx, b, payerAccountId, true),
  };
}
export type CancelBookingWorkflow = ReturnType<typeof cancelBookingWorkflow>;
