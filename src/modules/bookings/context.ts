import type { Selectable } from 'kysely';
import type { Clock } from '../../core/clock.ts';
import type { GuardMode } from '../../db/counters.ts';
import type { Db, Executor } from '../../db/database.ts';
import type { AccountService } from '../accounts/index.ts';
import type { ApplicationService } from '../applications/index.ts';
import type { DomainEvent } from '../events/index.ts';
import type { CatalogueService } from '../catalogue/index.ts';
import type { NotificationService } from '../notifications/index.ts';
import type { SeasonService } from '../seasons/index.ts';
import { bookingEmails } from './emails.ts';
import { createBookingsRepository } from './repository.ts';
import type { BookingSource, BookingsTable } from './tables.ts';

export type BookingDeps = {
  db: Db;
  clock: Clock;
  catalogue: Pick<CatalogueService, 'takeSeats' | 'releaseSeats' | 'packageFacts' | 'titles' | 'titlesInAnyLanguage' | 'priceOf'>;
  seasons: Pick<SeasonService, 'useQuota' | 'releaseQuota' | 'read' | 'assertMay'>;
  applications: Pick<ApplicationService, 'family'>;
  accounts: Pick<AccountService, 'contacts'>;
  notifications: Pick<NotificationService, 'enqueue' | 'enqueueInsert'>;
  /** Only the concurrency test's control run changes this (see db/counters.ts). */
  guard?: GuardMode;
};

/** One family's offer of seats in a package. */
export interface Offer {
  season: string;
  applicationId: string;
  adminAccountId: string;
  packageId: string;
  seats: number;
  country: string;
}

/** Seats freed by a booking that ended: what the draw's cascade offers on. */
export interface Released {
  season: string;
  packageId: string;
  country: string;
}

/**
 * What every use case of the bookings module shares: its dependencies, its
 * repository, and the few helpers several of them need (a family told of an
 * offer or its expiry, the event a provider's systems receive, the seats and
 * quota taken in order).
 */
export function createBookingContext(deps: BookingDeps) {
  const repo = createBookingsRepository();
  const { clock } = deps;

  async function notify(trx: Executor, accountId: string, template: 'offered' | 'expired', p: { packageId: string; seats: number; deadline: Date; source: BookingSource }) {
    const contact = (await deps.accounts.contacts(trx, [accountId])).get(accountId);
    if (!contact) return;
    const locale = contact.locale;
    const params = { ...p, title: (await deps.catalogue.titles(trx, [p.packageId], locale)).get(p.packageId) ?? '' };
    const email = template === 'offered' ? bookingEmails.offered(locale, { name: contact.name, ...params }) : bookingEmails.expired(locale, { name: contact.name, title: params.title });
    await deps.notifications.enqueue(trx, { to: contact.email, locale, template: `booking_${template}`, ...email });
  }

  /**
   * The offer emails of many families at once, read before any seat is locked (two reads
   * at once, whatever their number): answers the statement that queues
   * the emails of the offers that were held, for a writer's one statement.
   */
  async function offerEmails(trx: Executor, offers: { accountId: string; packageId: string; seats: number; deadline: Date; source: BookingSource }[]) {
    if (offers.length === 0) return () => [];
    const [contacts, title] = await Promise.all([
      deps.accounts.contacts(trx, [...new Set(offers.map((o) => o.accountId))]),
      deps.catalogue.titlesInAnyLanguage(trx, [...new Set(offers.map((o) => o.packageId))]),
    ]);
    return (held: readonly number[]) => {
      const emails = held.flatMap((i) => {
        const o = offers[i]!;
        const contact = contacts.get(o.accountId);
        if (!contact) return [];
        const email = bookingEmails.offered(contact.locale, { name: contact.name, ...o, title: title(o.packageId, contact.locale) });
        return [{ to: contact.email, locale: contact.locale, template: 'booking_offered', ...email }];
      });
      return emails.length ? [deps.notifications.enqueueInsert(emails)] : [];
    };
  }

  /** What a provider's systems learn of a booking (no personal data: the manifest has the names). */
  const bookingEvent = (type: 'booking.created' | 'booking.confirmed' | 'booking.cancelled' | 'booking.arrived' | 'booking.completed', b: Pick<Selectable<BookingsTable>, 'id' | 'package_id' | 'seats' | 'source' | 'amount_due' | 'season'>, providerId: string, extra: Record<string, unknown> = {}): DomainEvent =>
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

  return { deps, db: deps.db, clock, repo, notify, offerEmails, bookingEvent, providerOf, takeSeats };
}
export type BookingContext = ReturnType<typeof createBookingContext>;
