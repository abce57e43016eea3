import type { Selectable } from 'kysely';
import type { Clock } from '../core/clock.ts';
import type { RequestContext } from '../core/principal.ts';
import type { Db, Trx } from '../db/database.ts';
import { runOnce } from '../db/idempotency.ts';
import type { AuditContext } from '../modules/audit/index.ts';
import { presentBooking, type BookingService, type BookingsTable, type Released } from '../modules/bookings/index.ts';
import type { ApplicationService } from '../modules/applications/index.ts';
import type { CatalogueService } from '../modules/catalogue/index.ts';
import type { WalletService } from '../modules/wallet/index.ts';
import { bookingMoney } from './booking-money.ts';

/** Offers freed seats down the draw's waiting list (the draw module's cascade), in the caller's transaction. */
export type Cascade = (ctx: AuditContext, trx: Trx, released: Released) => Promise<number>;

export interface EndHoldDeps {
  db: Db;
  clock: Clock;
  bookings: Pick<BookingService, 'lockForPayer' | 'finish' | 'recordRefund' | 'claimDue' | 'notifyExpired'>;
  applications: Pick<ApplicationService, 'family'>;
  catalogue: Pick<CatalogueService, 'priceOf'>;
  wallet: Pick<WalletService, 'refundBooking'>;
  cascade: Cascade;
}

/**
 * A held offer ends — the family declines it, or its deadline passes — in one
 * transaction:
 *
 * 1. any instalment already paid goes back to the family's wallet (wallet,
 *    ledger): no money without a booking;
 * 2. the booking ends and gives its seats and quota back (bookings);
 * 3. the freed seats are offered to the next families on the waiting list, in
 *    draw order (draw's cascade).
 */
export function endHoldWorkflow(deps: EndHoldDeps) {
  const { db } = deps;

  async function end(ctx: AuditContext, trx: Trx, b: Selectable<BookingsTable>, how: 'expired' | 'declined', payerAccountId: string) {
    if (b.amount_paid > 0) {
      await deps.wallet.refundBooking(trx, payerAccountId, await bookingMoney(deps.catalogue, trx, b), b.amount_paid);
      await deps.bookings.recordRefund(ctx, trx, b.id, b.amount_paid);
    }
    const released = await deps.bookings.finish(ctx, trx, b, how);
    await deps.cascade(ctx, trx, released);
  }

  return {
    /** The family's admin gives up an offer; the seats go to the next family at once (once per Idempotency-Key). */
    decline: (ctx: RequestContext, bookingId: string) =>
      runOnce(deps, ctx, async (trx) => {
        const { booking, family } = await deps.bookings.lockForPayer(ctx, trx, bookingId);
        await end(ctx, trx, booking, 'declined', family.adminAccountId);
        return presentBooking({ ...booking, status: 'declined' });
      }),

    /** Expires held bookings past their deadline, one transaction each; several processes share the work (SKIP LOCKED). */
    async expireDue(limit = 50): Promise<number> {
      const system: AuditContext = { requestId: 'booking-expiry', actor: null };
      let done = 0;
      for (; done < limit; done++) {
        const expired = await db.kysely.transaction().execute(async (trx) => {
          const b = await deps.bookings.claimDue(trx);
          if (!b) return false;
          const family = await deps.applications.family(trx, b.application_id);
          await end(system, trx, b, 'expired', family!.adminAccountId);
          await deps.bookings.notifyExpired(trx, b);
          return true;
        });
        if (!expired) break;
      }
      return done;
    },
  };
}
export type EndHoldWorkflow = ReturnType<typeof endHoldWorkflow>;
