import { registerErrors, termSet } from '../../core/errors.ts';

const priceProblems = termSet('catalogue.priceProblems');
const packageStatuses = termSet('catalogue.packageStatuses');
const packageActions = termSet('catalogue.packageActions');

/** The error codes of this module (registered into the one registry, src/core/errors.ts). */
export const catalogueErrors = registerErrors({
  'package.not_found': { status: 404 },
  'package.invalid_price': { status: 400, terms: { problem: priceProblems } },
  'package.unknown_country': { status: 400 },
  'package.departure_city_rule': { status: 400 },
  'package.transition_not_allowed': { status: 409, terms: { status: packageStatuses, action: packageActions } },
  'package.capacity_below_taken': { status: 409 },
  'package.compare_limit': { status: 400 },
});

declare module '../../core/errors.ts' {
  interface ErrorCodes extends Record<keyof typeof catalogueErrors, true> {}
}
