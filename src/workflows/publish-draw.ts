import type { Clock } from '../core/clock.ts';
import type { RequestContext } from '../core/principal.ts';
import type { Db } from '../db/database.ts';
import { runOnce } from '../db/idempotency.ts';
import type { BookingService } from '../modules/bookings/index.ts';
import type { DrawService } from '../modules/draw/index.ts';

export interface PublishDrawDeps {
  db: Db;
  clock: Clock;
  draw: Pick<DrawService, 'publication' | 'announce'>;
  bookings: Pick<BookingService, 'holdMany'>;
}

/**
 * Publishing a season's draw, once per Idempotency-Key, in one transaction:
 *
 * 1. the draw, locked and allowed to publish; the offers' deadline; every outcome (draw);
 * 2. a held booking for every winner, seats and quotas taken per package and country,
 *    refused whole if a package or a quota shrank below what the draw gives (bookings);
 * 3. every family told its outcome in its language; the draw published and audited (draw).
 */
export function publishDrawWorkflow(deps: PublishDrawDeps) {
  return (ctx: RequestContext, season: string) =>
    runOnce(deps, ctx, async (trx) => {
      const publication = await deps.draw.publication(ctx, trx, season);
      await deps.bookings.holdMany(ctx, trx, publication.offers, publication.deadline);
      return deps.draw.announce(ctx, trx, season, publication);
    });
}
export type PublishDraw = ReturnType<typeof publishDrawWorkflow>;
