import type { Executor } from '../db/database.ts';
import type { ApplicationService } from '../modules/applications/index.ts';
import type { BookingService } from '../modules/bookings/index.ts';
import type { CatalogueService } from '../modules/catalogue/index.ts';
import type { PermitService } from '../modules/permits/index.ts';
import type { PilgrimService } from '../modules/pilgrims/index.ts';
import type { ProviderService } from '../modules/providers/index.ts';

export interface JourneyDeps {
  bookings: Pick<BookingService, 'find' | 'ofApplications'>;
  applications: Pick<ApplicationService, 'family' | 'applicationsOfAccount'>;
  catalogue: Pick<CatalogueService, 'priceOf'>;
  pilgrims: Pick<PilgrimService, 'factsFor' | 'travelFactsFor'>;
  permits: Pick<PermitService, 'bookingFacts'>;
  providers: Pick<ProviderService, 'isLicensed' | 'contact'>;
}

/**
 * What the Voice of the Guest needs to know of a pilgrim's journey, read through the modules
 * that own it (bookings, applications, catalogue, pilgrims, permits, providers): the composition
 * root gives this to complaints and surveys, which import none of those modules.
 */
export function journeyFacts(deps: JourneyDeps) {
  const booking = async (executor: Executor, bookingId: string) => {
    const b = await deps.bookings.find(executor, bookingId);
    if (!b) return null;
    const [family, price] = await Promise.all([deps.applications.family(executor, b.application_id), deps.catalogue.priceOf(executor, b.package_id, b.package_version)]);
    if (!family || !price) return null;
    return { providerId: price.providerId, packageId: b.package_id, season: b.season, members: family.members };
  };
  return {
    booking,
    async providersBookedBy(executor: Executor, accountId: string) {
      const apps = await deps.applications.applicationsOfAccount(executor, accountId);
      const bookings = await deps.bookings.ofApplications(executor, apps);
      const providers = await Promise.all(bookings.map((b) => deps.catalogue.priceOf(executor, b.package_id, b.package_version)));
      return [...new Set(providers.flatMap((p) => (p ? [p.providerId] : [])))];
    },
    permitBookingOwner: async (executor: Executor, id: string) => (await deps.permits.bookingFacts(executor, id))?.accountId ?? null,
    permitBooking: (executor: Executor, id: string) => deps.permits.bookingFacts(executor, id),
    async residence(executor: Executor, accountIds: string[]) {
      const [facts, travel] = await Promise.all([deps.pilgrims.factsFor(executor, accountIds), deps.pilgrims.travelFactsFor(executor, accountIds)]);
      const out = new Map<string, { country: string; nationality: string }>();
      for (const id of accountIds) {
        const f = facts.get(id);
        const t = travel.get(id);
        if (f && t) out.set(id, { country: f.residenceCountry, nationality: t.nationality });
      }
      return out;
    },
    licensedProvider: (executor: Executor, providerId: string) => deps.providers.isLicensed(executor, providerId),
    providerContact: (executor: Executor, providerId: string) => deps.providers.contact(executor, providerId),
  };
}
export type JourneyFactsService = ReturnType<typeof journeyFacts>;
