import { AppError } from '../../core/errors.ts';
import { definePolicy } from '../../core/policy.ts';
import type { PackageStatus } from './tables.ts';

/** A package as its provider's staff member sees it: its state, whether they edit packages, whether the provider trades today. */
export interface PackageResource {
  status: PackageStatus;
  /** The caller is an owner or manager of the package's provider. */
  editor: boolean;
  /** The provider is licensed and inside its licence dates today. */
  trading: boolean;
}

const editor = (p: PackageResource) => (p.editor ? null : new AppError('provider.member_role_required', { roles: ['owner', 'manager'] }));
const from = (status: PackageStatus, action: string) => (p: PackageResource) =>
  editor(p) ?? (p.status === status ? null : new AppError('package.transition_not_allowed', { status: p.status, action }));

/** What a provider's owners and managers may do with its packages: edit until closed, publish a draft while trading, close what is on sale. */
export const packagePolicy = definePolicy<PackageResource>()({
  update: { roles: ['provider_staff'], when: (p) => editor(p) ?? (p.status === 'closed' ? new AppError('package.transition_not_allowed', { status: p.status, action: 'update' }) : null) },
  publish: { roles: ['provider_staff'], when: (p) => from('draft', 'publish')(p) ?? (p.trading ? null : new AppError('provider.not_licensed', { status: 'outside_dates' })) },
  close: { roles: ['provider_staff'], when: from('published', 'close') },
});
