import { registerErrors, termSet } from '../../core/errors.ts';
import { roleTerms } from '../../core/terms.ts';

/** The places an account can be bound to. */
const bindings = termSet('accounts.bindings');

/** The error codes of this module (registered into the one registry, src/core/errors.ts). */
export const accountErrors = registerErrors({
  'account.email_taken': { status: 409 },
  'account.password_too_weak': { status: 400 },
  'account.not_found': { status: 404 },
  'account.binding_required': { status: 400, terms: { role: roleTerms, binding: bindings } },
  'account.binding_not_allowed': { status: 400, terms: { role: roleTerms, binding: bindings } },
  'account.unknown_country': { status: 400 },
  'account.cannot_disable_self': { status: 409 },
});

declare module '../../core/errors.ts' {
  interface ErrorCodes extends Record<keyof typeof accountErrors, true> {}
}
