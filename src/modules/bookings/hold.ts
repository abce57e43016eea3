import { AppError } from '../../core/errors.ts';
import { newId } from '../../core/ids.ts';
import type { Executor, Trx } from '../../db/database.ts';
import type { RawBuilder, Selectable } from 'kysely';
import type { AuditContext } from '../audit/index.ts';
import { auditInsert, writeAudit } from '../audit/index.ts';
import { publishEvent, publishEvents, publishEventsInsert } from '../events/index.ts';
import { fitInOrder, seatTotals, type SeatOutcome } from './domain/sale-batch.ts';
import type { BookingContext, Offer } from './context.ts';
import type { BookingSource, BookingsTable } from './tables.ts';

/** A booking just held (what is not yet set: confirmation, end, later versions). */
export type HeldRow = Omit<Selectable<BookingsTable>, 'confirmed_at' | 'ended_at' | 'version'>;
/** A booking held, or why there was no room. */
export type HoldOutcome = HeldRow | Exclude<SeatOutcome, 'held'>;

/** Holding seats for families: one offer (the cascade), the bookings of the open sale that arrive together, or every winner of a draw at once. */
export function holdUseCases(c: BookingContext) {
  const { deps, repo, clock } = c;
  return {
    /**
     * Holds seats for one family until `deadline`, in the caller's transaction
     * (the draw's cascade, which tries family after family in one transaction).
     * Answers the booking, or the reason there was no room.
     */
    async hold(ctx: AuditContext, trx: Trx, o: Offer, source: BookingSource, deadline: Date) {
      const facts = (await deps.catalogue.packageFacts(trx, [o.packageId])).get(o.packageId);
      if (!facts) return { problem: 'not_on_sale' as const };
      const problem = await c.takeSeats(trx, o);
      if (problem) return { problem };
      const now = clock.now();
      const row = { id: newId(), season: o.season, application_id: o.applicationId, package_id: o.packageId, package_version: facts.version, country: o.country, seats: o.seats, source, status: 'held' as const, hold_deadline: deadline, created_at: now, updated_at: now, amount_due: facts.total * o.seats, amount_paid: 0 };
      await repo.insert(trx, row);
      await writeAudit(trx, clock, ctx, { action: 'booking.held', subjectType: 'booking', subjectId: row.id, data: { applicationId: o.applicationId, packageId: o.packageId, seats: o.seats, source, deadline: deadline.toISOString() } });
      await c.notify(trx, o.adminAccountId, 'offered', { packageId: o.packageId, seats: o.seats, deadline, source });
      await publishEvent(trx, clock, c.bookingEvent('booking.created', row, facts.providerId, { deadline: deadline.toISOString() }));
      return { booking: row };
    },

    /**
     * Holds seats for families whose bookings arrived together (the open sale's
     * group commit, docs/algorithms/open-sale.md), in the caller's transaction:
     * the packages' and quotas' rows are locked and read, the offers take their
     * seats in order of arrival as many as fit (`fitInOrder`), and the seats, the
     * bookings, their audit records, events and emails, and the caller's own
     * `inserts` (made from the outcomes: its idempotency records) are written in
     * one statement. Every writer locks packages before quotas, each in sorted
     * order, so none can deadlock with another. Answers, per offer, its booking
     * or why there was no room.
     */
    async holdInOrder(trx: Trx, season: string, offers: readonly { ctx: AuditContext; offer: Offer }[], source: BookingSource, deadline: Date, o: {
      /** The packages' facts (`catalogue.packageFacts`), read by the caller. */
      facts: Map<string, { version: number; total: number; providerId: string }>;
      /** The offers' emails, prepared before the transaction (`prepareOfferEmails`): the statements for the held ones. */
      emails: (held: readonly number[]) => RawBuilder<unknown>[];
      /** The caller's own inserts, made from the outcomes (its idempotency records). */
      inserts: (outcomes: HoldOutcome[]) => RawBuilder<unknown>[];
    }): Promise<HoldOutcome[]> {
      const { facts, emails, inserts } = o;
      const requests = offers.map(({ offer }) => offer);
      const mode = deps.guard ?? 'conditional';
      const left = await repo.seatsLeft(trx, season, [...new Set(requests.map((o) => o.packageId))], [...new Set(requests.map((o) => o.country))], mode);
      const fits = fitInOrder(requests, left.packages, left.quotas);
      const now = clock.now();
      const outcomes: HoldOutcome[] = requests.map((r, i) => {
        const f = facts.get(r.packageId);
        if (fits[i] !== 'held' || !f) return fits[i] === 'quota_full' ? 'quota_full' : 'sold_out';
        return { id: newId(), season, application_id: r.applicationId, package_id: r.packageId, package_version: f.version, country: r.country, seats: r.seats, source, status: 'held', hold_deadline: deadline, created_at: now, updated_at: now, amount_due: f.total * r.seats, amount_paid: 0 } satisfies HeldRow;
      });
      const heldIndex = outcomes.flatMap((out, i) => (typeof out === 'string' ? [] : [i]));
      const rows = heldIndex.map((i) => outcomes[i] as HeldRow);
      const totals = seatTotals(requests, outcomes.map((out) => (typeof out === 'string' ? out : 'held')));
      const written = await repo.writeHolds(trx, {
        season, seats: totals.packages, quota: totals.countries, left, mode, rows,
        inserts: [
          ...(rows.length ? [
            auditInsert(clock, heldIndex.map((i) => ({ ctx: offers[i]!.ctx, entry: { action: 'booking.held', subjectType: 'booking', subjectId: (outcomes[i] as HeldRow).id, data: { applicationId: requests[i]!.applicationId, packageId: requests[i]!.packageId, seats: requests[i]!.seats, source, deadline: deadline.toISOString() } } }))),
            publishEventsInsert(clock, rows.map((r) => c.bookingEvent('booking.created', r, facts.get(r.package_id)!.providerId, { deadline: deadline.toISOString() }))),
          ] : []),
          ...emails(heldIndex),
          ...inserts(outcomes),
        ],
      });
      // Under the rows' locks the counts cannot differ; if they ever do, nothing of the batch commits.
      if (written.seats !== totals.packages.size || written.quota !== totals.countries.size) throw new Error(`open sale: ${written.seats}/${totals.packages.size} packages and ${written.quota}/${totals.countries.size} quotas moved`);
      return outcomes;
    },

    /**
     * The emails offers would send, read before a group commit's transaction (contacts and
     * titles): answers the statement that queues those of the offers that were held.
     */
    prepareOfferEmails: (executor: Executor, offers: readonly Offer[], source: BookingSource, deadline: Date) =>
      c.offerEmails(executor, offers.map((r) => ({ accountId: r.adminAccountId, packageId: r.packageId, seats: r.seats, deadline, source }))),

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
