import { registerErrors, termSet } from '../../core/errors.ts';

/** The names of a season's dates, for messages about its calendar. */
const calendarFieldTerms = termSet('seasons.calendarFieldTerms');
/** A season's phases. */
export const phaseTerms = termSet('seasons.phaseTerms');
const quotaCsvProblems = termSet('seasons.quotaCsvProblems');

/** The error codes of this module (registered into the one registry, src/core/errors.ts). */
export const seasonErrors = registerErrors({
  'season.not_found': { status: 404 },
  'season.calendar_out_of_order': { status: 400, terms: { earlier: calendarFieldTerms, later: calendarFieldTerms } },
  'season.wrong_hijri_year': { status: 400 },
  'season.invalid_date': { status: 400 },
  'season.phase_closed': { status: 409, terms: { phase: phaseTerms } },
  'season.country_not_in_programme': { status: 400 },
  'season.country_has_quota': { status: 409 },
  'season.invalid_csv': { status: 400, terms: { problem: quotaCsvProblems } },
});

declare module '../../core/errors.ts' {
  interface ErrorCodes extends Record<keyof typeof seasonErrors, true> {}
}
