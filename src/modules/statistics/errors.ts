import { registerErrors, termSet } from '../../core/errors.ts';

/** The breakdowns of a season's figures (data/hajj-seasons.json), and the totals they add up to. */
export const breakdownTerms = termSet('statistics.breakdownTerms');
const lineProblems = termSet('statistics.lineProblems');
const figuresProblems = termSet('statistics.figuresProblems');

/** The error codes of this module (registered into the one registry, src/core/errors.ts). */
export const statisticsErrors = registerErrors({
  'statistics.bad_season': { status: 400 },
  'statistics.bad_figures': { status: 400, terms: { problem: figuresProblems } },
  'statistics.figures_do_not_add_up': {
    status: 400,
    terms: { breakdown: breakdownTerms, total: breakdownTerms },
  },
  'statistics.tables_do_not_add_up': { status: 500 },
  'statistics.makkah_route_infeasible': { status: 400 },
  'statistics.season_has_records': { status: 409 },
  'statistics.season_building': { status: 409 },
  'statistics.no_records': { status: 404 },
  'statistics.bad_line': { status: 400, terms: { problem: lineProblems } },
  'statistics.already_recorded': { status: 409 },
  'statistics.booking_not_travelling': { status: 409 },
  'statistics.no_umrah_year': { status: 400 },
});

declare module '../../core/errors.ts' {
  interface ErrorCodes extends Record<keyof typeof statisticsErrors, true> {}
}
