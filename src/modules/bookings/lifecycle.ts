import type { RequestContext } from '../../core/principal.ts';
import type { AuditContext } from '../audit/index.ts';
import { writeAudit } from '../audit/index.ts';
import { publishEvents } from '../events/index.ts';
import type { BookingContext } from './context.ts';

/** After payment: the mission's visa submission, and the season's completion once it is over. */
export function lifecycleUseCases(c: BookingContext) {
  const { deps, repo, clock, db } = c;
  return {
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
        // Each completed booking tells its provider's systems (and raises the season's survey).
        const events = [];
        for (const id of moved) {
          const b = (await repo.find(trx, id))!;
          events.push(c.bookingEvent('booking.completed', b, (await c.providerOf(trx, b))!));
        }
        await publishEvents(trx, clock, events);
        await writeAudit(trx, clock, ctx, { action: 'season.completed', subjectType: 'season', subjectId: season, data: { completed: moved.length } });
        return { completed: moved.length };
      });
    },
  };
}
