import { AppError } from '../../core/errors.ts';
import { definePolicy } from '../../core/policy.ts';
import { ministryRoles } from '../../core/principal.ts';
import type { DocumentStatus } from './tables.ts';

const pending = (d: { status: DocumentStatus }) => (d.status === 'pending' ? null : new AppError('document.already_reviewed', { status: d.status }));

/** Ministry reviewers approve or reject a document once, while it awaits review. */
export const reviewPolicy = definePolicy<{ status: DocumentStatus }>()({
  approve: { roles: ministryRoles, when: pending },
  reject: { roles: ministryRoles, when: pending },
});
