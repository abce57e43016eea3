import { AppError } from '../../core/errors.ts';
import { definePolicy } from '../../core/policy.ts';
import type { Phase } from '../seasons/index.ts';

/** A family's application as its policy sees it: whether the caller is its admin, and the season's phase now. */
export interface ApplicationResource {
  isAdmin: boolean;
  phase: Phase;
}

const admin = (a: ApplicationResource) => (a.isAdmin ? null : new AppError('application.admin_only'));
const during = (phases: readonly Phase[]) => (a: ApplicationResource) => admin(a) ?? (phases.includes(a.phase) ? null : new AppError('season.phase_closed', { phase: a.phase }));

/**
 * Only the family's admin changes the application: members join and leave
 * during registration and the preference phase; packages are ranked during
 * the preference phase. Members read it; so do the ministry and the country's mission.
 */
export const applicationPolicy = definePolicy<ApplicationResource>()({
  add_member: { roles: ['pilgrim'], when: during(['registration', 'preference']) },
  remove_member: { roles: ['pilgrim'], when: during(['registration', 'preference']) },
  rank: { roles: ['pilgrim'], when: during(['preference']) },
});
