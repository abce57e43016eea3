import type { Selectable } from 'kysely';
import type { Clock } from '../../core/clock.ts';
import { AppError } from '../../core/errors.ts';
import { newId } from '../../core/ids.ts';
import type { AuditContext } from '../audit/index.ts';
import type { RequestContext } from '../../core/principal.ts';
import type { GuardMode } from '../../db/counters.ts';
import type { Db, Executor } from '../../db/database.ts';
import { runOnce } from '../../db/idempotency.ts';
import type { AccountService } from '../accounts/index.ts';
import type { ApplicationService } from '../applications/index.ts';
import { writeAudit } from '../audit/index.ts';
import { publishEvent, publishEvents, type DomainEvent } from '../events/index.ts';
import type { CatalogueService } from '../catalogue/index.ts';
import type { NotificationService } from '../notifications/index.ts';
import type { SeasonService } from '../seasons/index.ts';
import { bookingEmails } from './emails.ts';
import { nextDeadline, payInFull, planProblem, schedule, type PlanStep } from './domain/instalments.ts';
import { createBookingsRepository } from './repository.ts';
import { cancellableStatuses, type BookingSource, type BookingsTable } from './tables.ts';

export interface Offer {
  season: string;
  applicationId: string;
  adminAccountId: string;
  packageId: string;
  seats: number;
  country: string;
}

/** Seats freed by a booking that ended; the draw's cascade listens for these. */
export interface Released {
  season: string;
  packageId: string;
  country: string;
}
type ReleaseListener = (trx: Executor, ctx: AuditContext, released: Released) => Promise<unknown>;

/** Fees by days before arrival when the ministry has set none: free until 60 days, 10 % until 30, 50 % until 7, then nothing back. */
export const defaultRefundSchedule = [{ minDaysBefore: 60, feeBps: 0 }, { minDaysBefore: 30, feeBps: 1000 }, { minDaysBefore: 7, feeBps: 5000 }];

/** The calendar day in Makkah (YYYY-MM-DD). */

export type BookingDeps = {
  db: Db;
  clock: Clock;
  catalogue: Pick<CatalogueService, 'takeSeats' | 'releaseSeats' | 'packageFacts' | 'titles' | 'priceOf'>;
  seasons: Pick<SeasonService, 'useQuota' | 'releaseQuota' | 'get' | 'assertMay'>;
  applications: Pick<ApplicationService, 'family'>;
  accounts: Pick<AccountService, 'contacts'>;
  notifications: Pick<NotificationService, 'enqueue'>;
  /** Only the concurrency test's control run changes this (see db/counters.ts). */
  guard?: GuardMode;
};

export const presentBooking = (b: Selectable<BookingsTable>) => ({
  id: b.id,
  season: b.season,
  applicationId: b.application_id,
  packageId: b.package_id,
  packageVersion: b.package_version,
  seats: b.seats,
  source: b.source,
  status: b.status,
  holdDeadline: b.hold_deadline?.toISOString() ?? null,
  createdAt: b.created_at.toISOString(),
  confirmedAt: b.confirmed_at?.toISOString() ?? null,
  amountDue: b.amount_due,
  amountPaid: b.amount_paid,
});

/**
 * Bookings: holds that occupy seats until a deadline, confirmation (the
 * wallet calls `confirm` once paid), decline and expiry that give the seats
 * back. Seats and quota move only through conditional updates in the same
 * transaction as the booking (docs/algorithms/capacity.md).
 */
export function createBookingService(deps: BookingDeps) {
  const repo = createBookingsRepository();
  const { db, clock } = deps;
  const listeners: ReleaseListener[] = [];
  /** Told of every held booking that expires or is declined, before its seats move on (the wallet returns any instalment paid). */
  const endListeners: ((trx: Executor, ctx: AuditContext, b: Selectable<BookingsTable>) => Promise<unknown>)[] = [];

  async function notify(trx: Executor, accountId: string, template: 'offered' | 'expired', p: { packageId: string; seats: number; deadline: Date; source: BookingSource }) {
    const contact = (await deps.accounts.contacts(trx, [accountId])).get(accountId);
    if (!contact) return;
    const locale = contact.locale;
    const params = { ...p, title: (await deps.catalogue.titles(trx, [p.packageId], locale)).get(p.packageId) ?? '' };
    const email = template === 'offered' ? bookingEmails.offered[locale]({ name: contact.name, ...params }) : bookingEmails.expired[locale]({ name: contact.name, title: params.title });
    await deps.notifications.enqueue(trx, { to: contact.email, locale, template: `booking_${template}`, ...email });
  }

  /** What a provider's systems learn of a booking (no personal data: the manifest has the names). */
  const bookingEvent = (type: 'booking.created' | 'booking.confirmed' | 'booking.cancelled', b: Pick<Selectable<BookingsTable>, 'id' | 'package_id' | 'seats' | 'source' | 'amount_due' | 'season'>, providerId: string, extra: Record<string, unknown> = {}): DomainEvent =>
    ({ type, providerId, subjectId: b.id, payload: { bookingId: b.id, season: b.season, packageId: b.package_id, seats: b.seats, source: b.source, amountDue: b.amount_due, ...extra } });
  const providerOf = async (trx: Executor, b: Pick<Selectable<BookingsTable>, 'package_id' | 'package_version'>) => (await deps.catalogue.priceOf(trx, b.package_id, b.package_version))?.providerId ?? null;

  /** Takes package seats then quota (always in that order); answers the problem, or null when both were taken. */
  async function takeSeats(trx: Executor, o: Pick<Offer, 'season' | 'packageId' | 'country' | 'seats'>) {
    if (await deps.catalogue.takeSeats(trx, [{ packageId: o.packageId, seats: o.seats }], deps.guard)) return 'sold_out' as const;
    if (await deps.seasons.useQuota(trx, o.season, [{ country: o.country, seats: o.seats }], deps.guard)) {
      await deps.catalogue.releaseSeats(trx, [{ packageId: o.packageId, seats: o.seats }]);
      return 'quota_full' as const;
    }
    return null;
  }

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
  async function hold(trx: Executor, ctx: AuditContext, o: Offer, source: BookingSource, deadline: Date, options: { seatsLast?: boolean } = {}) {
    const facts = (await deps.catalogue.packageFacts(trx, [o.packageId])).get(o.packageId);
    if (!facts) return { problem: 'not_on_sale' as const };
    if (!options.seatsLast) {
      const problem = await takeSeats(trx, o);
      if (problem) return { problem };
    }
    const now = clock.now();
    const row = { id: newId(), season: o.season, application_id: o.applicationId, package_id: o.packageId, package_version: facts.version, country: o.country, seats: o.seats, source, status: 'held' as const, hold_deadline: deadline, created_at: now, updated_at: now, amount_due: facts.total * o.seats, amount_paid: 0 };
    await repo.insert(trx, row);
    await writeAudit(trx, clock, ctx, { action: 'booking.held', subjectType: 'booking', subjectId: row.id, data: { applicationId: o.applicationId, packageId: o.packageId, seats: o.seats, source, deadline: deadline.toISOString() } });
    await notify(trx, o.adminAccountId, 'offered', { packageId: o.packageId, seats: o.seats, deadline, source });
    await publishEvent(trx, clock, bookingEvent('booking.created', row, facts.providerId, { deadline: deadline.toISOString() }));
    if (options.seatsLast) {
      // Package then quota, in one statement: the hot rows are locked for one round trip before the commit.
      const full = deps.guard === 'unguarded' ? await takeSeats(trx, o) : await repo.takeSeatAndQuota(trx, o);
      if (full) throw new AppError(full === 'quota_full' || full === 'second' ? 'booking.quota_full' : 'booking.sold_out');
    }
    return { booking: row };
  }

  /** Ends a booking (expired, declined or cancelled), gives its seats back and tells the listeners, in one transaction. */
  async function end(trx: Executor, ctx: AuditContext, b: Selectable<BookingsTable>, status: 'expired' | 'declined' | 'cancelled', refunded = 0, reason?: string) {
    if (status === 'cancelled') await repo.cancel(trx, b.id, refunded, clock.now());
    else {
      for (const listener of endListeners) await listener(trx, ctx, b);
      await repo.setStatus(trx, b.id, status, clock.now());
    }
    await deps.catalogue.releaseSeats(trx, [{ packageId: b.package_id, seats: b.seats }]);
    await deps.seasons.releaseQuota(trx, b.season, [{ country: b.country, seats: b.seats }]);
    await writeAudit(trx, clock, ctx, { action: `booking.${status}`, subjectType: 'booking', subjectId: b.id, data: { packageId: b.package_id, seats: b.seats, ...(status === 'cancelled' ? { refunded, reason } : {}) } });
    const providerId = await providerOf(trx, b);
    if (providerId) await publishEvent(trx, clock, bookingEvent('booking.cancelled', b, providerId, { reason: status === 'cancelled' ? reason : status }));
    for (const listener of listeners) await listener(trx, ctx, { season: b.season, packageId: b.package_id, country: b.country });
  }

  /** Saves a per-season setting with its audit record; an unknown season is a 404, not a key violation. */
  async function saveSeasonSetting(ctx: RequestContext, season: string, action: string, data: Record<string, unknown>, save: (trx: Executor) => Promise<void>) {
    await db.kysely.transaction().execute(async (trx) => {
      await save(trx);
      await writeAudit(trx, clock, ctx, { action, subjectType: 'season', subjectId: season, data });
    }).catch((error: unknown) => {
      if ((error as { code?: string }).code === '23503') throw new AppError('season.not_found');
      throw error;
    });
  }

  async function instalmentPlan(executor: Executor, season: string): Promise<PlanStep[]> {
    return (await repo.instalmentPlan(executor, season))?.steps ?? payInFull;
  }
  async function scheduleLines(executor: Executor, b: Selectable<BookingsTable>) {
    const season = await deps.seasons.get(b.season, executor);
    return schedule(b.amount_due, await instalmentPlan(executor, b.season), season.arrivalDate);
  }

  async function ownBooking(trx: Executor, ctx: RequestContext, id: string) {
    const b = await repo.find(trx, id, true);
    const family = b && (await deps.applications.family(trx, b.application_id));
    if (!b || !family || !family.members.includes(ctx.actor!.accountId)) throw new AppError('booking.not_found');
    if (family.adminAccountId !== ctx.actor!.accountId) throw new AppError('application.admin_only');
    return b;
  }

  return {
    hold,
    takeSeats,
    onRelease: (listener: ReleaseListener) => listeners.push(listener),
    onEnded: (listener: (trx: Executor, ctx: AuditContext, b: Selectable<BookingsTable>) => Promise<unknown>) => endListeners.push(listener),
    /** Records money returned for a booking (the ledger legs are the caller's, same transaction). */
    async recordRefund(trx: Executor, ctx: AuditContext, id: string, amount: number) {
      await repo.addPayment(trx, id, -amount, clock.now());
      await writeAudit(trx, clock, ctx, { action: 'booking.refunded', subjectType: 'booking', subjectId: id, data: { amount } });
    },
    offered: (trx: Executor, season: string, applicationIds: string[]) => repo.offered(trx, season, applicationIds),
    live: (trx: Executor, season: string, applicationId: string) => repo.live(trx, season, applicationId),

    /**
     * Holds for every winner of the draw at once (publication): seats and quotas per
     * package and country in one conditional update each, bookings with COPY.
     */
    async holdMany(trx: Executor, ctx: AuditContext, offers: Offer[], deadline: Date) {
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
      await publishEvents(trx, clock, rows.map((r) => bookingEvent('booking.created', r, versions.get(r.package_id)!.providerId, { deadline: deadline.toISOString() })));
      return offers.length;
    },

    /**
     * Confirms a held booking once it is paid: the wallet calls this in its payment's
     * transaction. Refused after the deadline (the money stays in the wallet).
     */
    async confirm(executor: Executor, ctx: AuditContext, id: string) {
      const b = await repo.find(executor, id, true);
      if (!b) throw new AppError('booking.not_found');
      if (b.status !== 'held') throw new AppError('booking.not_held', { status: b.status });
      if (b.hold_deadline && b.hold_deadline <= clock.now()) throw new AppError('booking.deadline_passed');
      await repo.setStatus(executor, id, 'confirmed', clock.now());
      await writeAudit(executor, clock, ctx, { action: 'booking.confirmed', subjectType: 'booking', subjectId: id, data: { seats: b.seats } });
      const providerId = await providerOf(executor, b);
      if (providerId) await publishEvent(executor, clock, bookingEvent('booking.confirmed', b, providerId));
      return presentBooking({ ...b, status: 'confirmed', confirmed_at: clock.now() });
    },

    /** A booking the caller's family holds (any member may read it), with the family. */
    async readable(executor: Executor, ctx: RequestContext, id: string) {
      const b = await repo.find(executor, id);
      const family = b && (await deps.applications.family(executor, b.application_id));
      if (!b || !family || !family.members.includes(ctx.actor?.accountId ?? '')) throw new AppError('booking.not_found');
      return { booking: b, family };
    },
    find: (executor: Executor, id: string) => repo.find(executor, id),

    /** The caller's family's booking, locked, for paying it (the family's admin only). */
    lockForPayer: (trx: Executor, ctx: RequestContext, id: string) => ownBooking(trx, ctx, id),

    /**
     * Records money paid towards a held booking (the ledger transfers are the caller's, in
     * the same transaction); the payment that completes the price confirms it.
     */
    async recordPayment(trx: Executor, ctx: AuditContext, b: Selectable<BookingsTable>, amount: number) {
      if (b.status !== 'held') throw new AppError('booking.not_held', { status: b.status });
      if (b.hold_deadline && b.hold_deadline <= clock.now()) throw new AppError('booking.deadline_passed');
      const paid = b.amount_paid + amount;
      if (paid > b.amount_due) throw new AppError('booking.overpayment', { outstanding: b.amount_due - b.amount_paid });
      await repo.addPayment(trx, b.id, amount, clock.now());
      await writeAudit(trx, clock, ctx, { action: 'booking.paid', subjectType: 'booking', subjectId: b.id, data: { amount, paid, due: b.amount_due } });
      if (paid < b.amount_due) {
        // An instalment that completes a step of the season's plan holds the seats until the next step's date.
        const lines = await scheduleLines(trx, b);
        const next = nextDeadline(lines, paid, b.hold_deadline ?? clock.now());
        if (next && b.hold_deadline && next.getTime() !== b.hold_deadline.getTime()) {
          await repo.setDeadline(trx, b.id, next, clock.now());
          await writeAudit(trx, clock, ctx, { action: 'booking.deadline_moved', subjectType: 'booking', subjectId: b.id, data: { from: b.hold_deadline.toISOString(), to: next.toISOString() } });
        }
        return presentBooking({ ...b, amount_paid: paid, hold_deadline: next ?? b.hold_deadline });
      }
      await repo.setStatus(trx, b.id, 'confirmed', clock.now());
      await writeAudit(trx, clock, ctx, { action: 'booking.confirmed', subjectType: 'booking', subjectId: b.id, data: { seats: b.seats } });
      const providerId = await providerOf(trx, b);
      if (providerId) await publishEvent(trx, clock, bookingEvent('booking.confirmed', b, providerId));
      return presentBooking({ ...b, amount_paid: paid, status: 'confirmed', confirmed_at: clock.now() });
    },

    /** Confirmed bookings whose every member is ready for the visa become visa-ready (the mission submits them). */
    async markVisaReady(ctx: AuditContext, ids: string[]) {
      return db.kysely.transaction().execute(async (trx) => {
        const moved = await repo.advance(trx, ids, 'confirmed', 'visa_ready', clock.now());
        for (const id of moved) await writeAudit(trx, clock, ctx, { action: 'booking.visa_ready', subjectType: 'booking', subjectId: id });
        return moved.length;
      });
    },

    /** After the season's end, visa-ready bookings are completed. */
    async completeSeason(ctx: RequestContext, season: string) {
      await deps.seasons.assertMay(ctx, 'complete', season);
      return db.kysely.transaction().execute(async (trx) => {
        const moved = await repo.advance(trx, await repo.withStatus(trx, season, 'visa_ready'), 'visa_ready', 'completed', clock.now());
        await writeAudit(trx, clock, ctx, { action: 'season.completed', subjectType: 'season', subjectId: season, data: { completed: moved.length } });
        return { completed: moved.length };
      });
    },

    /** The season's instalment plan (pay in full when none is set). */
    instalmentPlan,
    planOf: (season: string) => instalmentPlan(db.kysely, season),
    async setInstalmentPlan(ctx: RequestContext, season: string, steps: PlanStep[]) {
      const problem = planProblem(steps);
      if (problem) throw new AppError('booking.bad_plan', { problem });
      await saveSeasonSetting(ctx, season, 'season.instalment_plan_set', { steps }, (trx) => repo.setInstalmentPlan(trx, season, steps, ctx.actor?.accountId ?? null, clock.now()));
      return steps;
    },
    /** A booking's payment schedule: each step's amount, its date, and whether it is paid. */
    async scheduleOf(ctx: RequestContext, id: string) {
      const b = await repo.find(db.kysely, id);
      const family = b && (await deps.applications.family(db.kysely, b.application_id));
      if (!b || !family || !family.members.includes(ctx.actor?.accountId ?? '')) throw new AppError('booking.not_found');
      const lines = await scheduleLines(db.kysely, b);
      return lines.map((l, i) => {
        const paid = b.amount_paid >= l.cumulative;
        return { step: i + 1, amount: l.amount, dueAt: (l.dueAt ?? (i === 0 && !paid ? b.hold_deadline : null))?.toISOString() ?? null, paid };
      });
    },

    /** The season's refund schedule (the default when none is set). */
    async refundSchedule(executor: Executor, season: string) {
      return (await repo.refundSchedule(executor, season))?.rules ?? defaultRefundSchedule;
    },
    async setRefundSchedule(ctx: RequestContext, season: string, rules: { minDaysBefore: number; feeBps: number }[]) {
      await saveSeasonSetting(ctx, season, 'season.refund_schedule_set', { rules }, (trx) => repo.setRefundSchedule(trx, season, rules, ctx.actor?.accountId ?? null, clock.now()));
      return rules;
    },
    /** Cancels a held or confirmed booking after its refund was moved in the ledger (same transaction); seats go back. */
    async cancel(trx: Executor, ctx: AuditContext, b: Selectable<BookingsTable>, refunded: number, reason: 'pilgrim' | 'provider_suspended') {
      if (!(cancellableStatuses as readonly string[]).includes(b.status)) throw new AppError('booking.not_cancellable', { status: b.status });
      await end(trx, ctx, b, 'cancelled', refunded, reason);
    },
    /** Live bookings of these packages, locked (a provider's suspension). */
    liveForPackages: (trx: Executor, packageIds: string[]) => repo.liveForPackages(trx, packageIds),

    /** The family's admin gives up an offer; the seats go to the cascade at once (once per Idempotency-Key). */
    async decline(ctx: RequestContext, id: string) {
      return runOnce(deps, ctx, async (trx) => {
        const b = await ownBooking(trx, ctx, id);
        if (b.status !== 'held') throw new AppError('booking.not_held', { status: b.status });
        await end(trx, ctx, b, 'declined');
        return presentBooking({ ...b, status: 'declined' });
      });
    },

    /** Expires held bookings past their deadline, one transaction each (seats, audit, cascade together). */
    async expireDue(limit = 50): Promise<number> {
      let done = 0;
      const system: AuditContext = { requestId: 'booking-expiry', actor: null };
      for (; done < limit; done++) {
        const expired = await db.kysely.transaction().execute(async (trx) => {
          const [b] = await repo.claimDue(trx, clock.now(), 1);
          if (!b) return false;
          await end(trx, system, b, 'expired');
          const family = await deps.applications.family(trx, b.application_id);
          if (family) await notify(trx, family.adminAccountId, 'expired', { packageId: b.package_id, seats: b.seats, deadline: b.hold_deadline ?? clock.now(), source: b.source });
          return true;
        });
        if (!expired) break;
      }
      return done;
    },

    /** The bookings of the caller's family for a season, newest first. */
    async forApplication(season: string, applicationId: string) {
      return (await repo.forApplication(db.kysely, season, applicationId)).map(presentBooking);
    },

    /** Held and confirmed bookings of one country's families (visa readiness). */
    liveForCountry: (season: string, country: string) => repo.liveForCountry(db.kysely, season, country),

    /** Families and seats per booking status for one country. */
    async countrySummary(season: string, country: string) {
      const rows = await repo.countrySummary(db.kysely, season, country);
      return Object.fromEntries(rows.map((r) => [r.status, { families: Number(r.families), seats: Number(r.seats ?? 0) }])) as Partial<Record<BookingsTable['status'], { families: number; seats: number }>>;
    },

    /** Every booking's status and amounts, for the books check (src/workflows/check-books.ts). */
    amounts: (executor: Executor = db.kysely) => repo.amounts(executor),

    /** Violations of the capacity invariant (an empty list is the healthy answer). */
    capacityViolations: (season: string) => repo.capacityViolations(db.kysely, season),
  };
}
export type BookingService = ReturnType<typeof createBookingService>;
