import { registerErrors, termSet } from '../../core/errors.ts';

const registrationFields = termSet('providers.registrationFields');
/** A licence's states. */
export const licenceStatuses = termSet('providers.licenceStatuses');
const licenceActions = termSet('providers.licenceActions');
const memberRoles = termSet('providers.memberRoles');

/** The error codes of this module (registered into the one registry, src/core/errors.ts). */
export const providerErrors = registerErrors({
  'provider.applicant_not_eligible': { status: 409 },
  'provider.duplicate_registration': { status: 409, terms: { field: registrationFields } },
  'provider.not_found': { status: 404 },
  'provider.transition_not_allowed': { status: 409, terms: { status: licenceStatuses, action: licenceActions } },
  'provider.invalid_licence_dates': { status: 400 },
  'provider.not_licensed': { status: 409, terms: { status: licenceStatuses } },
  'provider.member_role_required': { status: 403, terms: { roles: memberRoles } },
});

declare module '../../core/errors.ts' {
  interface ErrorCodes extends Record<keyof typeof providerErrors, true> {}
}
