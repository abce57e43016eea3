import { registerErrors } from '../../core/errors.ts';

/** The error codes of this module (registered into the one registry, src/core/errors.ts). */
export const paymentErrors = registerErrors({
  'payment.not_found': { status: 404 },
  'payment.bad_signature': { status: 401 },
  'payment.unknown': { status: 404 },
});

declare module '../../core/errors.ts' {
  interface ErrorCodes extends Record<keyof typeof paymentErrors, true> {}
}
