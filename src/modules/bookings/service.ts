import { createBookingContext, type BookingDeps } from './context.ts';
import { finishUseCases } from './finish.ts';
import { holdUseCases } from './hold.ts';
import { lifecycleUseCases } from './lifecycle.ts';
import { paymentUseCases } from './payment.ts';
import { bookingQueries } from './queries.ts';
import { seasonSettingsUseCases } from './season-settings.ts';

export type { BookingDeps, Offer, Released } from './context.ts';
export { presentBooking } from './presenters.ts';
export { defaultRefundSchedule } from './season-settings.ts';

/**
 * Bookings: holds that occupy seats until a deadline, their payment and
 * confirmation, their end (expiry, decline, cancellation) that gives the seats
 * back, and the season's booking rules. Seats and quota move only through
 * conditional updates in the same transaction as the booking
 * (docs/algorithms/capacity.md). Processes that also move money or offer the
 * freed seats to the next family are workflows (src/workflows): this module
 * gives them its steps, each taking the caller's transaction.
 */
export function createBookingService(deps: BookingDeps) {
  const c = createBookingContext(deps);
  return {
    ...holdUseCases(c),
    ...paymentUseCases(c),
    ...finishUseCases(c),
    ...seasonSettingsUseCases(c),
    ...lifecycleUseCases(c),
    ...bookingQueries(c),
  };
}
export type BookingService = ReturnType<typeof createBookingService>;
