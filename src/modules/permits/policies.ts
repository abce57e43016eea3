import { AppError } from '../../core/errors.ts';
import { definePolicy } from '../../core/policy.ts';
import { ministryRoles } from '../../core/principal.ts';

/** The ministry's side: configuring sites, gates, templates, windows, rules, closures; reading occupancy. */
export const permitConfigPolicy = definePolicy<null>()({
  configure: { roles: [...ministryRoles] },
  close_windows: { roles: [...ministryRoles] },
  read_occupancy: { roles: [...ministryRoles] },
});

/** A group's booking as its policy sees it: its state and whether its window has begun. */
export interface PermitBookingResource {
  status: 'active' | 'cancelled' | 'closed';
  started: boolean;
  ownerId: string;
}
const changeable = (b: PermitBookingResource) =>
  b.status !== 'active' ? new AppError('permit.not_changeable', { state: b.status }) : b.started ? new AppError('permit.not_changeable', { state: 'started' }) : null;
const own = (b: PermitBookingResource, p: { accountId: string } | null) => (p && p.accountId !== b.ownerId ? new AppError('permit.not_found') : null);

/**
 * What a pilgrim may do with a permit booking: cancel or move it (the whole group) while it is
 * active and its window has not begun; download it (PDF) while it is active.
 */
export const permitBookingPolicy = definePolicy<PermitBookingResource>()({
  reschedule: { roles: ['pilgrim'], when: (b, p) => own(b, p) ?? changeable(b) },
  cancel: { roles: ['pilgrim'], when: (b, p) => own(b, p) ?? changeable(b) },
  download: { roles: ['pilgrim'], when: (b, p) => own(b, p) ?? (b.status === 'active' ? null : new AppError('permit.not_changeable', { state: b.status })) },
});
export type PermitBookingAction = (typeof permitBookingPolicy.actions)[number];

/** A waiting-list entry: accept or decline an offer before its deadline; leave the line while waiting. */
export interface WaitResource {
  status: 'waiting' | 'offered' | 'accepted' | 'expired' | 'withdrawn' | 'cancelled';
  deadlinePassed: boolean;
  ownerId: string;
}
const offered = (w: WaitResource) => (w.status === 'offered' && !w.deadlinePassed ? null : new AppError('permit.offer_not_found'));
export const waitPolicy = definePolicy<WaitResource>()({
  accept: { roles: ['pilgrim'], when: (w, p) => (p && p.accountId !== w.ownerId ? new AppError('permit.offer_not_found') : offered(w)) },
  decline: { roles: ['pilgrim'], when: (w, p) => (p && p.accountId !== w.ownerId ? new AppError('permit.offer_not_found') : offered(w)) },
  leave: { roles: ['pilgrim'], when: (w, p) => (p && p.accountId !== w.ownerId ? new AppError('permit.offer_not_found') : w.status === 'waiting' ? null : new AppError('permit.offer_not_found')) },
});
export type WaitAction = (typeof waitPolicy.actions)[number];

/** Gates: a gate officer's device (or a turnstile's account) checks permits and uploads scans; it only verifies, never signs. */
export const gatePolicy = definePolicy<null>()({
  check_in: { roles: ['gate_officer'] },
  sync: { roles: ['gate_officer', ...ministryRoles] },
  read_doubles: { roles: [...ministryRoles] },
});
