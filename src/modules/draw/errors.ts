import { registerErrors, termSet } from '../../core/errors.ts';

/** The states of a draw. */
const drawStates = termSet('draw.drawStates');
const poolProblems = termSet('draw.poolProblems');

/** The error codes of this module (registered into the one registry, src/core/errors.ts). */
export const drawErrors = registerErrors({
  'draw.not_found': { status: 404 },
  'draw.wrong_state': { status: 409, terms: { state: drawStates, needed: drawStates } },
  'draw.already_frozen': { status: 409 },
  'draw.random_value_set': { status: 409 },
  'draw.bad_pools': { status: 400, terms: { problem: poolProblems } },
  'draw.no_quotas': { status: 409 },
  'draw.capacity_changed': { status: 409 },
  'draw.not_published': { status: 404 },
  'draw.retired_format': { status: 409 },
  'draw.unknown_beacon': { status: 400 },
  'draw.source_in_past': { status: 400, dates: ['at'] },
  'draw.round_required': { status: 400 },
  'draw.wrong_round': { status: 409 },
  'draw.round_not_published': { status: 409, dates: ['at'] },
  'draw.bad_signature': { status: 422 },
  'draw.value_required': { status: 400 },
  'draw.value_not_ascii': { status: 400 },
  'draw.value_not_published': { status: 409, dates: ['at'] },
  'draw.root_mismatch': { status: 500 },
  'draw.not_entered': { status: 404 },
});

declare module '../../core/errors.ts' {
  interface ErrorCodes extends Record<keyof typeof drawErrors, true> {}
}
