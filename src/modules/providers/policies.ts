import { AppError } from '../../core/errors.ts';
import { definePolicy } from '../../core/policy.ts';
import { ministryRoles } from '../../core/principal.ts';
import { nextStatus, type LicensingAction, type ProviderStatus } from './domain/licensing.ts';
import type { MemberRole } from './tables.ts';

const transition = (action: LicensingAction) => (p: { status: ProviderStatus }) =>
  nextStatus(p.status, action) ? null : new AppError('provider.transition_not_allowed', { status: p.status, action });

/**
 * The ministry's decisions on a licence, each open only from the states the
 * licence's state machine allows (domain/licensing.ts).
 */
export const licencePolicy = definePolicy<{ status: ProviderStatus }>()({
  approve: { roles: ministryRoles, when: transition('approve') },
  reject: { roles: ministryRoles, when: transition('reject') },
  suspend: { roles: ministryRoles, when: transition('suspend') },
  reinstate: { roles: ministryRoles, when: transition('reinstate') },
});

/** A provider's team as one of its staff sees it: their own role in it. */
export interface TeamResource {
  providerId: string;
  /** The caller's role in this provider (null when the caller is not its staff). */
  memberRole: MemberRole | null;
}
const member = (roles: readonly MemberRole[]) => (t: TeamResource) =>
  t.memberRole && roles.includes(t.memberRole) ? null : new AppError('provider.member_role_required', { roles });

/** What staff may do for their provider: owners and managers edit packages and invite colleagues; agents read. */
export const teamPolicy = definePolicy<TeamResource>()({
  invite_staff: { roles: ['provider_staff'], when: member(['owner', 'manager']) },
  manage_integrations: { roles: ['provider_staff'], when: member(['owner', 'manager']) },
  edit_packages: { roles: ['provider_staff'], when: member(['owner', 'manager']) },
  read: { roles: ['provider_staff'], when: member(['owner', 'manager', 'agent']) },
});
export const editorRoles = ['owner', 'manager'] as const satisfies readonly MemberRole[];
