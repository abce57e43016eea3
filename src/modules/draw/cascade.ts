import type { Clock } from '../../core/clock.ts';
import type { Trx } from '../../db/database.ts';
import type { AuditContext } from '../audit/index.ts';
import type { BookingService, Released } from '../bookings/index.ts';
import type { CatalogueService } from '../catalogue/index.ts';
import type { SeasonService } from '../seasons/index.ts';
import { createDrawRepository } from './repository.ts';

const BATCH = 200;

/**
 * The offer cascade (docs/algorithms/draw.md, "Offers and the cascade"): when
 * held seats are released during the offer phase, the waiting list is walked
 * in draw order and each family that has never had an offer gets its
 * highest-ranked package that now has seats for the whole family and room in
 * its country's quota. A family that does not fit keeps its place; a smaller
 * family behind it may take the seats. Runs inside the transaction that
 * released the seats, under the draw's row lock, so two cascades never
 * interleave.
 */
export function createCascade(deps: {
  clock: Clock;
  seasons: Pick<SeasonService, 'read' | 'quotaUsage'>;
  catalogue: Pick<CatalogueService, 'packageFacts'>;
  bookings: Pick<BookingService, 'hold' | 'offered'>;
}) {
  const repo = createDrawRepository();
  return async function cascade(ctx: AuditContext, trx: Trx, released: Released): Promise<number> {
    const draw = await repo.find(trx, released.season, true);
    if (!draw || draw.status !== 'published') return 0;
    const season = await deps.seasons.read(trx, released.season);
    if (season.phase !== 'offers') return 0; // after the offer phase, free seats wait for the open sale
    const now = deps.clock.now().getTime();
    const deadline = new Date(Math.min(now + draw.offer_hours * 3_600_000, new Date(season.offersClose).getTime()));
    const quotaLeft = new Map((await deps.seasons.quotaUsage(trx, released.season)).map((q) => [q.country, q.seats - q.seats_used]));
    const seatsLeft = new Map<string, number>();
    let offered = 0;
    let after = -1;
    for (;;) {
      const batch = await repo.waitingCandidates(trx, released.season, released.packageId, released.country, after, BATCH);
      if (batch.length === 0) break;
      after = batch[batch.length - 1]!.position;
      const already = await deps.bookings.offered(trx, released.season, batch.map((c) => c.application_id));
      const unknown = [...new Set(batch.flatMap((c) => c.choices))].filter((id) => !seatsLeft.has(id));
      const facts = await deps.catalogue.packageFacts(trx, unknown);
      for (const id of unknown) seatsLeft.set(id, facts.get(id)?.seatsLeft ?? 0);
      for (const c of batch) {
        if (already.has(c.application_id) || (quotaLeft.get(c.country) ?? 0) < c.family_size) continue;
        for (const packageId of c.choices) {
          if ((seatsLeft.get(packageId) ?? 0) < c.family_size) continue;
          // The in-memory figures only skip hopeless attempts; the conditional updates in `hold` decide.
          const held = await deps.bookings.hold(ctx, trx, { season: released.season, applicationId: c.application_id, adminAccountId: c.admin_account_id, packageId, seats: c.family_size, country: c.country }, 'cascade', deadline);
          if ('booking' in held) {
            seatsLeft.set(packageId, seatsLeft.get(packageId)! - c.family_size);
            quotaLeft.set(c.country, quotaLeft.get(c.country)! - c.family_size);
            offered += 1;
            break;
          }
          if (held.problem === 'quota_full') {
            quotaLeft.set(c.country, 0);
            break;
          }
          seatsLeft.set(packageId, 0);
        }
      }
      if ((seatsLeft.get(released.packageId) ?? 0) <= 0 && (quotaLeft.get(released.country) ?? 0) <= 0) break;
    }
    return offered;
  };
}
