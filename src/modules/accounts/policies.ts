import { AppError } from '../../core/errors.ts';
import { definePolicy } from '../../core/policy.ts';

/** A staff account as an admin sees it in the staff list. */
export interface AccountResource {
  id: string;
  status: 'active' | 'disabled';
}

/** Ministry admins create staff and disable or enable accounts, never their own. */
export const accountPolicy = definePolicy<AccountResource>()({
  disable: { roles: ['ministry_admin'], when: (a, p) => (p?.accountId === a.id ? new AppError('account.cannot_disable_self') : a.status === 'active' ? null : new AppError('request.conflict')) },
  enable: { roles: ['ministry_admin'], when: (a) => (a.status === 'disabled' ? null : new AppError('request.conflict')) },
});
