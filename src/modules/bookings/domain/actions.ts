import { cancellableStatuses, type BookingStatus } from '../tables.ts';

/** What a family may do with one of its bookings. */
export const bookingActions = ['pay', 'decline', 'cancel'] as const;
export type BookingAction = (typeof bookingActions)[number];

/**
 * The actions open to the caller on a booking, so that a client shows exactly
 * the buttons the API will accept: only the family's admin acts; a held offer
 * is paid (while its deadline has not passed and something is owed) or
 * declined; a held, confirmed or visa-ready booking may be cancelled.
 */
export function allowedBookingActions(
  b: { status: BookingStatus; holdDeadline: Date | null; amountDue: number; amountPaid: number },
  caller: { isFamilyAdmin: boolean },
  now: Date,
): BookingAction[] {
  if (!caller.isFamilyAdmin) return [];
  const out: BookingAction[] = [];
  const open = b.status === 'held' && (!b.holdDeadline || b.holdDeadline > now);
  if (open && b.amountPaid < b.amountDue) out.push('pay');
  if (open) out.push('decline');
  if ((cancellableStatuses as readonly string[]).includes(b.status)) out.push('cancel');
  return out;
}
