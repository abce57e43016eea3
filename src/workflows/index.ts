import type { Clock } from '../core/clock.ts';
import type { Db } from '../db/database.ts';
import type { ApplicationService } from '../modules/applications/index.ts';
import type { BookingService } from '../modules/bookings/index.ts';
import type { CatalogueService } from '../modules/catalogue/index.ts';
import type { DrawService } from '../modules/draw/index.ts';
import type { PilgrimService } from '../modules/pilgrims/index.ts';
import type { ProviderService } from '../modules/providers/index.ts';
import type { SeasonService } from '../modules/seasons/index.ts';
import type { WalletService } from '../modules/wallet/index.ts';
import { cancelBookingWorkflow } from './cancel-booking.ts';
import { decideLicenceWorkflow } from './decide-licence.ts';
import { endHoldWorkflow, type Cascade } from './end-hold.ts';
import { payBookingWorkflow } from './pay-booking.ts';
import { publishDrawWorkflow } from './publish-draw.ts';
import { recordArrivalWorkflow } from './record-arrival.ts';
import type { StatisticsService } from '../modules/statistics/index.ts';

/**
 * The processes that span modules, each one file to read top to bottom
 * (docs/ARCHITECTURE.md, "Workflows"): its steps, in one transaction, each
 * module's step given that transaction. Modules never call a workflow; routes
 * and the CLI do.
 */
export function createWorkflows(deps: {
  db: Db;
  clock: Clock;
  bookings: BookingService;
  applications: ApplicationService;
  pilgrims: PilgrimService;
  catalogue: CatalogueService;
  seasons: SeasonService;
  wallet: WalletService;
  providers: ProviderService;
  draw: DrawService;
  cascade: Cascade;
  statistics: StatisticsService;
}) {
  const cancellation = cancelBookingWorkflow(deps);
  const holds = endHoldWorkflow(deps);
  return {
    payBooking: payBookingWorkflow(deps),
    cancellationPreview: cancellation.preview,
    cancelBooking: cancellation.cancel,
    declineOffer: holds.decline,
    expireHolds: holds.expireDue,
    decideLicence: decideLicenceWorkflow({ ...deps, cancellation }),
    publishDraw: publishDrawWorkflow(deps),
    recordArrival: recordArrivalWorkflow(deps),
  };
}
export type Workflows = ReturnType<typeof createWorkflows>;
