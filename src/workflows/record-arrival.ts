import type { Clock } from '../core/clock.ts';
import { ageOn } from '../core/dates.ts';
import { AppError } from '../core/errors.ts';
import type { RequestContext } from '../core/principal.ts';
import type { Db } from '../db/database.ts';
import { runOnce } from '../db/idempotency.ts';
import { writeAudit } from '../modules/audit/index.ts';
import { paidStatuses, type BookingService } from '../modules/bookings/index.ts';
import type { ApplicationService } from '../modules/applications/index.ts';
import type { PilgrimService } from '../modules/pilgrims/index.ts';
import type { StatisticsService } from '../modules/statistics/index.ts';
import type { CatalogueService } from '../modules/catalogue/index.ts';
import { publishEvent } from '../modules/events/index.ts';

export interface RecordArrivalDeps {
  db: Db;
  clock: Clock;
  bookings: Pick<BookingService, 'find'>;
  applications: Pick<ApplicationService, 'family'>;
  pilgrims: Pick<PilgrimService, 'travelFactsFor'>;
  statistics: Pick<StatisticsService, 'checkArrivals' | 'recordArrivals'>;
  catalogue: Pick<CatalogueService, 'priceOf'>;
}

/**
 * The border records the arrival of a family of the direct programme — the
 * platform's own bookings — at a port of entry, once per Idempotency-Key:
 *
 * 1. the booking: paid (confirmed, visa-ready or completed), of this season (bookings);
 * 2. its family's members (applications);
 * 3. each member's nationality, gender, age on arrival and passport (pilgrims);
 * 4. one record per member, checked as an imported line is (port, date, the
 *    Makkah Route), refused whole if any of them is already recorded (statistics);
 * 5. the audit record, and the event `booking.arrived` for the provider's systems (it raises
 *    the arrival survey).
 */
export function recordArrivalWorkflow(deps: RecordArrivalDeps) {
  return (ctx: RequestContext, season: string, input: { bookingId: string; entryPort: string; arrivalDate: string; makkahRoute: boolean }) =>
    runOnce(deps, ctx, async (trx) => {
      const booking = await deps.bookings.find(trx, input.bookingId);
      if (!booking || booking.season !== season) throw new AppError('booking.not_found');
      if (!(paidStatuses as readonly string[]).includes(booking.status)) throw new AppError('statistics.booking_not_travelling', { status: booking.status });
      const family = (await deps.applications.family(trx, booking.application_id))!;
      const facts = await deps.pilgrims.travelFactsFor(trx, family.members);
      const members = family.members.filter((m) => facts.has(m));
      const lines = await deps.statistics.checkArrivals(trx, season, members.map((m, i) => {
        const f = facts.get(m)!;
        return {
          line: i + 1, passportKey: f.passportKey, residence: 'foreign', nationality: f.nationality, gender: f.gender,
          age: ageOn(f.dateOfBirth, input.arrivalDate), entry_port: input.entryPort, arrival_date: input.arrivalDate, makkah_route: input.makkahRoute,
        };
      }));
      const recorded = await deps.statistics.recordArrivals(trx, season, lines, 'direct', null);
      const providerId = (await deps.catalogue.priceOf(trx, booking.package_id, booking.package_version))?.providerId ?? null;
      await publishEvent(trx, deps.clock, { type: 'booking.arrived', providerId, subjectId: booking.id, payload: { bookingId: booking.id, season, packageId: booking.package_id, seats: booking.seats, entryPort: input.entryPort, arrivalDate: input.arrivalDate } });
      await writeAudit(trx, deps.clock, ctx, { action: 'statistics.arrival_recorded', subjectType: 'booking', subjectId: booking.id, data: { season, pilgrims: recorded, entryPort: input.entryPort } });
      return { bookingId: booking.id, recorded };
    });
}
