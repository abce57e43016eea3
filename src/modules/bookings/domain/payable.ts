import { AppError } from '../../../core/errors.ts';
import type { BookingStatus } from '../tables.ts';

/**
 * How much a payment towards a booking will be, or why it cannot be made —
 * checked before any money moves: the booking must be held and its deadline
 * not passed, and the payment (everything still owed by default) must be
 * positive and no more than what is owed.
 */
export function payableAmount(b: { status: BookingStatus; holdDeadline: Date | null; amountDue: number; amountPaid: number }, requested: number | undefined, now: Date): number {
  if (b.status !== 'held') throw new AppError('booking.not_held', { status: b.status });
  if (b.holdDeadline && b.holdDeadline <= now) throw new AppError('booking.deadline_passed');
  const outstanding = b.amountDue - b.amountPaid;
  const pay = requested ?? outstanding;
  if (pay <= 0 || pay > outstanding) throw new AppError('booking.overpayment', { outstanding });
  return pay;
}
