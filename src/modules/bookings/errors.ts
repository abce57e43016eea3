import { registerErrors, termSet } from '../../core/errors.ts';
import { rankingProblems } from '../applications/index.ts';

/** A booking's states. */
const bookingStatuses = termSet('bookings.bookingStatuses');
const planProblems = termSet('bookings.planProblems');

/** The error codes of this module (registered into the one registry, src/core/errors.ts). */
export const bookingErrors = registerErrors({
  'booking.price_missing': { status: 500 },
  'booking.not_found': { status: 404 },
  'booking.not_held': { status: 409, terms: { status: bookingStatuses } },
  'booking.deadline_passed': { status: 409 },
  'booking.sold_out': { status: 409 },
  'booking.quota_full': { status: 409 },
  'booking.already_booked': { status: 409 },
  'booking.package_unsuitable': { status: 409, terms: { problem: rankingProblems } },
  'booking.not_eligible': { status: 409 },
  'sale.not_open': { status: 409, dates: ['opensAt'] },
  'sale.place_token_invalid': { status: 403 },
  'sale.admission_required': { status: 403 },
  'booking.not_confirmed': { status: 409 },
  'booking.bad_plan': { status: 400, terms: { problem: planProblems } },
  'booking.season_not_over': { status: 409, dates: ['end'] },
  'booking.not_cancellable': { status: 409, terms: { status: bookingStatuses } },
  'booking.overpayment': { status: 400, money: ['outstanding'] },
});

declare module '../../core/errors.ts' {
  interface ErrorCodes extends Record<keyof typeof bookingErrors, true> {}
}
