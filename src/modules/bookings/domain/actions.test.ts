import { describe, expect, it } from 'vitest';
import { allowedBookingActions } from './actions.ts';

const now = new Date('2026-05-10T00:00:00Z');
const held = { status: 'held' as const, holdDeadline: new Date('2026-05-12T00:00:00Z'), amountDue: 1000, amountPaid: 0 };
const admin = { isFamilyAdmin: true };

describe('what a family may do with a booking', () => {
  it.each([
    ['the admin pays, declines or cancels a held offer before its deadline', held, admin, ['pay', 'decline', 'cancel']],
    ['a member who is not the admin does nothing', held, { isFamilyAdmin: false }, []],
    ['an offer past its deadline can only be cancelled (expiry is on its way)', { ...held, holdDeadline: new Date('2026-05-09T00:00:00Z') }, admin, ['cancel']],
    ['an offer paid in part is paid on or declined', { ...held, amountPaid: 400 }, admin, ['pay', 'decline', 'cancel']],
    ['a confirmed booking can only be cancelled', { ...held, status: 'confirmed' as const, amountPaid: 1000 }, admin, ['cancel']],
    ['a completed pilgrimage allows nothing', { ...held, status: 'completed' as const, amountPaid: 1000 }, admin, []],
    ['a declined offer allows nothing', { ...held, status: 'declined' as const }, admin, []],
  ])('%s', (_name, booking, caller, expected) => expect(allowedBookingActions(booking, caller, now)).toEqual(expected));
});
