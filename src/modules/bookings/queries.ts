import type { RequestContext } from '../../core/principal.ts';
import type { Executor } from '../../db/database.ts';
import { AppError } from '../../core/errors.ts';
import type { BookingContext } from './context.ts';
import { presentBooking } from './presenters.ts';
import type { BookingsTable } from './tables.ts';

/** What other modules and the pages read of bookings. */
export function bookingQueries(c: BookingContext) {
  const { deps, repo, db } = c;
  return {
    /** A booking the caller's family holds (any member may read it), with the family. */
    async readable(executor: Executor, ctx: RequestContext, id: string) {
      const b = await repo.find(executor, id);
      const family = b && (await deps.applications.family(executor, b.application_id));
      if (!b || !family || !family.members.includes(ctx.actor?.accountId ?? '')) throw new AppError('booking.not_found');
      return { booking: b, family };
    },
    find: (executor: Executor, id: string) => repo.find(executor, id),
    /** The live or completed bookings of some applications (any season). */
    ofApplications: (executor: Executor, applicationIds: string[]) => repo.ofApplications(executor, applicationIds),
    offered: (executor: Executor, season: string, applicationIds: string[]) => repo.offered(executor, season, applicationIds),

    /** The bookings of a family for a season, newest first. */
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
