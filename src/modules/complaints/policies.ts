import { AppError } from '../../core/errors.ts';
import { definePolicy } from '../../core/policy.ts';
import { ministryRoles, type Principal } from '../../core/principal.ts';
import { sees } from './context.ts';
import { step, type ComplaintAction, type ComplaintActor, type ComplaintFacts } from './domain/lifecycle.ts';
import type { ComplaintRow } from './repository.ts';

/** A complaint as its policy sees it: who may see it, its lifecycle facts, and the time now. */
export interface ComplaintResource {
  row: Pick<ComplaintRow, 'complainant_id' | 'provider_id' | 'country_code' | 'rating' | 'state'>;
  facts: ComplaintFacts;
  now: Date;
}

const actorKind = (p: Principal | null): ComplaintActor =>
  !p ? 'system' : p.role === 'pilgrim' ? 'pilgrim' : p.role === 'care_agent' ? 'agent' : p.role === 'provider_staff' ? 'provider' : 'ministry';

/** Seeing it at all (a provider reading another's complaint is refused and audited by the service), then the lifecycle's table. */
const lifecycle = (action: ComplaintAction) => (r: ComplaintResource, p: Principal | null) => {
  if (!sees(p, r.row)) return new AppError(p?.role === 'provider_staff' ? 'auth.forbidden' : 'complaint.not_found');
  const s = step(r.facts, action, actorKind(p), r.now);
  return s.ok ? null : new AppError(s.code, s.code === 'complaint.reopen_expired' ? { until: s.params.until.toISOString() } : s.params);
};
const visible = (r: ComplaintResource, p: Principal | null) => (sees(p, r.row) ? null : new AppError(p?.role === 'provider_staff' ? 'auth.forbidden' : 'complaint.not_found'));

/**
 * Who may do what with a complaint: the pilgrim (or a care-centre agent for the caller) files,
 * replies, accepts, escalates, reopens and rates; the provider complained about answers and asks;
 * the ministry holds what is escalated; missions read their country's.
 */
export const complaintPolicy = definePolicy<ComplaintResource>()({
  read: { roles: ['pilgrim', 'care_agent', 'provider_staff', 'mission_officer', ...ministryRoles], when: visible },
  comment: { roles: ['pilgrim', 'care_agent', 'provider_staff', ...ministryRoles], when: (r, p) => visible(r, p) ?? (r.row.state === 'closed' ? new AppError('complaint.step_not_allowed', { action: 'respond', state: 'closed' }) : null) },
  respond: { roles: ['provider_staff'], when: lifecycle('respond') },
  ask_pilgrim: { roles: ['provider_staff', ...ministryRoles], when: lifecycle('ask_pilgrim') },
  reply: { roles: ['pilgrim', 'care_agent'], when: lifecycle('pilgrim_replies') },
  escalate: { roles: ['pilgrim', 'care_agent', 'provider_staff', ...ministryRoles], when: lifecycle('escalate') },
  resolve: { roles: ['pilgrim', 'care_agent', ...ministryRoles], when: lifecycle('resolve') },
  reopen: { roles: ['pilgrim', 'care_agent'], when: lifecycle('reopen') },
  rate: {
    roles: ['pilgrim'],
    when: (r, p) => visible(r, p) ?? (r.row.state !== 'resolved' && r.row.state !== 'closed' ? new AppError('complaint.not_resolved') : r.row.rating !== null ? new AppError('complaint.already_rated') : null),
  },
});
export type ComplaintPolicyAction = (typeof complaintPolicy.actions)[number];

/** Filing: pilgrims for themselves, care-centre agents for a caller. The ministry configures deadlines. */
export const complaintDeskPolicy = definePolicy<null>()({
  file: { roles: ['pilgrim', 'care_agent'] },
  list_all: { roles: ['care_agent', ...ministryRoles] },
  configure: { roles: [...ministryRoles] },
});
