import { AppError } from '../../../core/errors.ts';
import type { SeasonFigures } from '../../../common/statistics.ts';
import { largestRemainder } from './apportion.ts';
import { seasonDays } from './season.ts';

/**
 * A season's figures as a marginals file gives them (the format of
 * data/hajj-seasons.json): the total, and any of the breakdowns.
 */
export type Marginals = Pick<SeasonFigures, 'season' | 'total'> & Partial<Omit<SeasonFigures, 'season' | 'total'>>;

const parts = {
  residence: ['foreign', 'domestic'],
  gender: ['male', 'female'],
  foreignByRegion: ['arab', 'asia', 'africa', 'europeAmericasOceania'],
  foreignByArrival: ['air', 'land', 'sea'],
} as const;
type Breakdown = keyof typeof parts;

const count = (value: unknown, field: string): number => {
  if (!Number.isSafeInteger(value) || (value as number) < 0) throw new AppError('statistics.bad_figures', { problem: 'bad_field', field });
  return value as number;
};
const sumOf = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0);

/**
 * Reads one season's entry from a marginals file and refuses it unless every
 * breakdown it has adds up to its total, naming the breakdown and the
 * difference (a published sea-arrivals figure of 4,741 where only 4,714 makes
 * the parts add up is refused here).
 */
export function readMarginals(text: string, season: string): Marginals {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    throw new AppError('statistics.bad_figures', { problem: 'not_json' });
  }
  const seasons = (doc as { seasons?: unknown })?.seasons;
  if (!Array.isArray(seasons)) throw new AppError('statistics.bad_figures', { problem: 'no_seasons' });
  const entry = seasons.find((s) => (s as { season?: unknown })?.season === season) as Record<string, unknown> | undefined;
  if (!entry) throw new AppError('statistics.bad_figures', { problem: 'season_missing', season });
  return checkMarginals(entry, season);
}

/** Checks an entry's shape and that every breakdown adds up (see `readMarginals`). */
export function checkMarginals(entry: Record<string, unknown>, season: string): Marginals {
  const known = new Set(['season', 'gregorianYear', 'total', 'makkahRoute', ...Object.keys(parts)]);
  for (const key of Object.keys(entry)) if (!known.has(key)) throw new AppError('statistics.bad_figures', { problem: 'unknown_field', field: key });
  const out: Marginals = { season, total: count(entry.total, 'total') };
  if (entry.gregorianYear !== undefined) {
    const year = count(entry.gregorianYear, 'gregorianYear');
    if (year !== seasonDays(season).gregorianYear) throw new AppError('statistics.bad_figures', { problem: 'wrong_year', field: year, season });
    out.gregorianYear = year;
  }
  for (const breakdown of Object.keys(parts) as Breakdown[]) {
    const value = entry[breakdown];
    if (value === undefined) continue;
    if (typeof value !== 'object' || value === null) throw new AppError('statistics.bad_figures', { problem: 'bad_field', field: breakdown });
    for (const key of Object.keys(value)) if (!(parts[breakdown] as readonly string[]).includes(key)) throw new AppError('statistics.bad_figures', { problem: 'unknown_field', field: `${breakdown}.${key}` });
    (out as Record<string, unknown>)[breakdown] = Object.fromEntries(parts[breakdown].map((k) => [k, count((value as Record<string, unknown>)[k], `${breakdown}.${k}`)]));
  }
  if (entry.makkahRoute !== undefined) out.makkahRoute = count(entry.makkahRoute, 'makkahRoute');
  checkSums(out);
  return out;
}

function refuse(breakdown: string, sum: number, total: number, expected: string): never {
  const difference = sum - total;
  throw new AppError('statistics.figures_do_not_add_up', { breakdown, sum, total, expected, difference: difference > 0 ? `+${difference}` : String(difference) });
}

/** Every breakdown adds up to what it breaks down: the total, or the foreign total. */
function checkSums(m: Marginals) {
  if (m.residence && sumOf(m.residence) !== m.total) refuse('residence', sumOf(m.residence), m.total, 'total');
  if (m.gender && sumOf(m.gender) !== m.total) refuse('gender', sumOf(m.gender), m.total, 'total');
  // The foreign total: the residence breakdown's, else the first foreign breakdown's, which the other must match.
  const foreign = m.residence?.foreign ?? (m.foreignByRegion ? sumOf(m.foreignByRegion) : m.foreignByArrival ? sumOf(m.foreignByArrival) : undefined);
  for (const b of ['foreignByRegion', 'foreignByArrival'] as const) {
    const part = m[b];
    if (part && sumOf(part) !== foreign) refuse(b, sumOf(part), foreign!, 'foreign');
    if (part && sumOf(part) > m.total) refuse(b, sumOf(part), m.total, 'total');
  }
  if (m.makkahRoute !== undefined) {
    const air = m.foreignByArrival?.air ?? foreign ?? m.total;
    if (m.makkahRoute > air) refuse('makkahRoute', m.makkahRoute, air, m.foreignByArrival ? 'air' : foreign !== undefined ? 'foreign' : 'total');
  }
}

/**
 * The full figures a simulation builds: the breakdowns given, and for each one
 * missing a plausible one consistent with the rest (shares of the 1444H
 * season's kind; `regionWeights` spreads the foreign total over the regions).
 */
export function completeFigures(m: Marginals, regionWeights: Record<keyof SeasonFigures['foreignByRegion'], number>): SeasonFigures {
  const split = <K extends string>(total: number, keys: readonly K[], weights: number[]) =>
    Object.fromEntries(largestRemainder(total, weights).map((n, i) => [keys[i]!, n])) as Record<K, number>;
  const foreign = m.residence?.foreign ?? (m.foreignByRegion ? sumOf(m.foreignByRegion) : m.foreignByArrival ? sumOf(m.foreignByArrival) : Math.round(m.total * 0.9));
  const foreignByArrival = m.foreignByArrival ?? split(foreign, parts.foreignByArrival, [0.96, 0.035, 0.005]);
  return {
    season: m.season,
    gregorianYear: m.gregorianYear ?? seasonDays(m.season).gregorianYear,
    total: m.total,
    residence: m.residence ?? { foreign, domestic: m.total - foreign },
    gender: m.gender ?? split(m.total, parts.gender, [0.53, 0.47]),
    foreignByRegion: m.foreignByRegion ?? split(foreign, parts.foreignByRegion, parts.foreignByRegion.map((r) => regionWeights[r])),
    foreignByArrival,
    makkahRoute: m.makkahRoute ?? Math.round(foreignByArrival.air * 0.15),
  };
}

/** The breakdowns a marginals file gives, for comparing `stats` with it. */
export function givenPart(figures: SeasonFigures, m: Marginals): Partial<SeasonFigures> {
  return Object.fromEntries(Object.entries(figures).filter(([k]) => k in m || k === 'gregorianYear')) as Partial<SeasonFigures>;
}
