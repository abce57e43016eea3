import { registerErrors } from '../../core/errors.ts';

/** The error codes of this module (registered into the one registry, src/core/errors.ts). */
export const gatewayErrors = registerErrors({
  'gateway.payment_not_found': { status: 404 },
  'gateway.wrong_step': { status: 409 },
  'gateway.card_invalid': { status: 400 },
});

declare module '../../core/errors.ts' {
  interface ErrorCodes extends Record<keyof typeof gatewayErrors, true> {}
}
