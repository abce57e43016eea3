import type { Clock } from '../core/clock.ts';
import type { RequestContext } from '../core/principal.ts';
import type { Db } from '../db/database.ts';
import { runOnce } from '../db/idempotency.ts';
import type { ApplicationService } from '../modules/applications/index.ts';
import type { BookingService } from '../modules/bookings/index.ts';
import type { CatalogueService } from '../modules/catalogue/index.ts';
import type { ProviderService } from '../modules/providers/index.ts';
import type { CancelBookingWorkflow } from './cancel-booking.ts';

export interface DecideLicenceDeps {
  db: Db;
  clock: Clock;
  providers: Pick<ProviderService, 'decide'>;
  catalogue: Pick<CatalogueService, 'packageIdsOf'>;
  bookings: Pick<BookingService, 'liveForPackages'>;
  applications: Pick<ApplicationService, 'family'>;
  cancellation: Pick<CancelBookingWorkflow, 'cancelInFull'>;
}

/**
 * A ministry decision on a provider's licence, once per Idempotency-Key, in one
 * transaction:
 *
 * 1. the licence moves (providers): approve, reject, suspend or reinstate;
 * 2. a suspension takes every package off sale at once (the catalogue sells only
 *    while the licence is valid) and cancels every live booking of its packages,
 *    each refunded in full to the wallet that paid and its seats offered on
 *    (bookings, wallet, ledger, draw's cascade).
 */
export function decideLicenceWorkflow(deps: DecideLicenceDeps) {
  return (ctx: RequestContext, providerId: string, action: Parameters<ProviderService['decide']>[3], input: Parameters<ProviderService['decide']>[4]) =>
    runOnce(deps, ctx, async (trx) => {
      const view = await deps.providers.decide(ctx, trx, providerId, action, input);
      if (action === 'suspend') {
        const live = await deps.bookings.liveForPackages(trx, await deps.catalogue.packageIdsOf(trx, providerId));
        for (const b of live) {
          const family = await deps.applications.family(trx, b.application_id);
          if (family) await deps.cancellation.cancelInFull(ctx, trx, b, family.adminAccountId);
        }
      }
      return view;
    });
}
export type DecideLicence = ReturnType<typeof decideLicenceWorkflow>;
