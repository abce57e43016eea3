import { registerErrors } from '../../core/errors.ts';

/** The error codes of this module (registered into the one registry, src/core/errors.ts). */
export const ledgerErrors = registerErrors({
  'ledger.not_pending': { status: 409 },
  'ledger.not_a_wallet': { status: 500 },
  'ledger.already_resolved': { status: 409 },
});

declare module '../../core/errors.ts' {
  interface ErrorCodes extends Record<keyof typeof ledgerErrors, true> {}
}
