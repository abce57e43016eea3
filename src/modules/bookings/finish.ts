import type { Selectable } from 'kysely';
import { AppError } from '../../core/errors.ts';
import type { Trx } from '../../db/database.ts';
import type { AuditContext } from '../audit/index.ts';
import { writeAudit } from '../audit/index.ts';
import { publishEvent } from '../events/index.ts';
import type { BookingContext, Released } from './context.ts';
import { cancellableStatuses, type BookingsTable } from './tables.ts';

/**
 * Ending a booking: it expires, is declined or is cancelled; its seats and
 * quota go back in the same transaction, and the caller learns what was freed
 * (the end-of-hold workflow offers it down the waiting list).
 */
export function finishUseCases(c: BookingContext) {
  const { deps, repo, clock } = c;

  async function finish(ctx: AuditContext, trx: Trx, b: Selectable<BookingsTable>, status: 'expired' | 'declined' | 'cancelled', refunded = 0, reason?: string): Promise<Released> {
    if (status === 'cancelled') await repo.cancel(trx, b.id, refunded, clock.now());
    else await repo.setStatus(trx, b.id, status, clock.now());
    await deps.catalogue.releaseSeats(trx, [{ packageId: b.package_id, seats: b.seats }]);
    await deps.seasons.releaseQuota(trx, b.season, [{ country: b.country, seats: b.seats }]);
    await writeAudit(trx, clock, ctx, { action: `booking.${status}`, subjectType: 'booking', subjectId: b.id, data: { packageId: b.package_id, seats: b.seats, ...(status === 'cancelled' ? { refunded, reason } : {}) } });
    const providerId = await c.providerOf(trx, b);
    if (providerId) await publishEvent(trx, clock, c.bookingEvent('booking.cancelled', b, providerId, { reason: status === 'cancelled' ? reason : status }));
    return { season: b.season, packageId: b.package_id, country: b.country };
  }

  return {
    /** Ends a held booking (expired or declined): its seats and quota go back. */
    finish: (ctx: AuditContext, trx: Trx, b: Selectable<BookingsTable>, status: 'expired' | 'declined') => {
      if (b.status !== 'held') throw new AppError('booking.not_held', { status: b.status });
      return finish(ctx, trx, b, status);
    },

    /** Cancels a held, confirmed or visa-ready booking after its refund moved in the ledger (same transaction); seats go back. */
    cancel(ctx: AuditContext, trx: Trx, b: Selectable<BookingsTable>, refunded: number, reason: 'pilgrim' | 'provider_suspended') {
      if (!(cancellableStatuses as readonly string[]).includes(b.status)) throw new AppError('booking.not_cancellable', { status: b.status });
      return finish(ctx, trx, b, 'cancelled', refunded, reason);
    },

    /** The next held booking past its deadline, locked (SKIP LOCKED: several processes expire side by side). */
    claimDue: async (trx: Trx) => (await repo.claimDue(trx, clock.now(), 1))[0] ?? null,

    /** Tells the family's admin that their offer expired, in their language. */
    async notifyExpired(trx: Trx, b: Selectable<BookingsTable>) {
      const family = await deps.applications.family(trx, b.application_id);
      if (family) await c.notify(trx, family.adminAccountId, 'expired', { packageId: b.package_id, seats: b.seats, deadline: b.hold_deadline ?? clock.now(), source: b.source });
    },

    /** Live bookings of these packages, locked (a provider's suspension). */
    liveForPackages: (trx: Trx, packageIds: string[]) => repo.liveForPackages(trx, packageIds),
  };
}
