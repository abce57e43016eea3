import { registerErrors, termSet } from '../../core/errors.ts';

const familyProblems = termSet('applications.familyProblems');
/** Why a ranking (or a booking of one package) is refused; `{package}` and `{max}` come with the code. */
export const rankingProblems = termSet('applications.rankingProblems');

/** The error codes of this module (registered into the one registry, src/core/errors.ts). */
export const applicationErrors = registerErrors({
  'application.not_found': { status: 404 },
  'application.already_applied': { status: 409 },
  'application.admin_only': { status: 403 },
  'application.member_not_found': { status: 404 },
  'application.family_rule': { status: 409, terms: { problem: familyProblems } },
  'application.ranking_rule': { status: 400, terms: { problem: rankingProblems } },
  'application.version_conflict': { status: 409 },
});

declare module '../../core/errors.ts' {
  interface ErrorCodes extends Record<keyof typeof applicationErrors, true> {}
}
