import { AppError } from '../../core/errors.ts';
import { newId } from '../../core/ids.ts';
import type { Trx } from '../../db/database.ts';
import type { AuditContext } from '../audit/index.ts';
import { writeAudit } from '../audit/index.ts';
import { publishEvent, publishEvents } from '../events/index.ts';
import type { BookingContext, Offer } from './context.ts';
import type { BookingSource } from './tables.ts';

/** Holding seats for families: one offer (a cascade, the open sale), or every winner of a draw at once. */
export function holdUseCases(c: BookingContext) {
  const { deps, repo, clock } = c;
  return {
    /**
     * Holds seats for one family until `deadline`, in the caller's transaction.
     * Answers the booking, or the reason there was no room.
     *
     * `seatsLast` (the open sale) takes the seats as the very last step, so the hot
     * rows stay locked only from that update to the commit (pretix's "lock late");
     * with it, no room throws and the caller's whole transaction rolls back. Without
     * it (the cascade, which tries family after family in one transaction) seats are
     * taken first and no room is an answer, not an error.
     */
    async hold(ctx: AuditContext, trx: Trx, o: Offer, source: BookingSource, deadline: Date, options: { seatsLast?: boolean } = {}) {
      const facts = (await deps.catalogue.packageFacts(trx, [o.packageId])).get(o.packageId);
      if (!facts) return { problem: 'not_on_sale' as const };
      if (!options.seatsLast) {
        const problem = await c.takeSeats(trx, o);
        if (problem) return { problem };
      }
      const now = clock.now();
      const row = { id: newId(), season: o.season, application_id: o.applicationId, package_id: o.packageId, package_version: facts.version, country: o.country, seats: o.seats, source, status: 'held' as const, hold_deadline: deadline, created_at: now, updated_at: now, amount_due: facts.total * o.seats, amount_paid: 0 };
      await repo.insert(trx, row);
      await writeAudit(trx, clock, ctx, { action: 'booking.held', subjectType: 'booking', subjectId: row.id, data: { applicationId: o.applicationId, packageId: o.packageId, seats: o.seats, source, deadline: deadline.toISOString() } });
      await c.notify(trx, o.adminAccountId, 'offered', { packageId: o.packageId, seats: o.seats, deadline, source });
      await publishEvent(trx, clock, c.bookingEvent('booking.created', row, facts.providerId, { deadline: deadline.toISOString() }));
      if (options.seatsLast) {
        // Package then quota, in one statement: the hot rows are locked for one round trip before the commit.
        const full = deps.guard === 'unguarded' ? await c.takeSeats(trx, o) : await repo.takeSeatAndQuota(trx, o);
        if (full) throw new AppError(full === 'quota_full' || full === 'second' ? 'booking.quota_full' : 'booking.sold_out');
      }
      return { booking: row };
    },

    /**
     * Holds for every winner of the draw at once (publication): seats and quotas per
     * package and country in one conditional update each, bookings with COPY.
     */
    async holdMany(ctx: AuditContext, trx: Trx, offers: Offer[], deadline: Date) {
      const perPackage = new Map<string, number>();
      const perCountry = new Map<string, number>();
      for (const o of offers) {
        perPackage.set(o.packageId, (perPackage.get(o.packageId) ?? 0) + o.seats);
        perCountry.set(o.country, (perCountry.get(o.country) ?? 0) + o.seats);
      }
      const season = offers[0]?.season;
      if (!season) return 0;
      const full = (await deps.catalogue.takeSeats(trx, [...perPackage].map(([packageId, seats]) => ({ packageId, seats }))))
        ?? (await deps.seasons.useQuota(trx, season, [...perCountry].map(([country, seats]) => ({ country, seats }))));
      if (full) throw new AppError('draw.capacity_changed', { key: full });
      const versions = await deps.catalogue.packageFacts(trx, [...perPackage.keys()]);
      const now = clock.now();
      const rows = offers.map((o) => ({
        id: newId(), season, application_id: o.applicationId, package_id: o.packageId, package_version: versions.get(o.packageId)?.version ?? 1,
        country: o.country, seats: o.seats, source: 'draw' as const, status: 'held' as const, hold_deadline: deadline, created_at: now, updated_at: now,
        amount_due: (versions.get(o.packageId)?.total ?? 0) * o.seats, amount_paid: 0,
      }));
      await repo.insertMany(trx, rows);
      await writeAudit(trx, clock, ctx, { action: 'booking.held_for_winners', subjectType: 'season', subjectId: season, data: { holds: rows.length, deadline: deadline.toISOString() } });
      await publishEvents(trx, clock, rows.map((r) => c.bookingEvent('booking.created', r, versions.get(r.package_id)!.providerId, { deadline: deadline.toISOString() })));
      return offers.length;
    },
  };
}
