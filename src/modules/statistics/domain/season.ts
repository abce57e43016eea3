import { AppError } from '../../../core/errors.ts';
import { addDays, gregorianOf } from '../../../core/dates.ts';
import { hijriYearOf } from '../../../common/statistics.ts';

/** The Hijri years the Umm al-Qura calendar (and so a season) covers here. */
const FIRST_YEAR = 1300;
const LAST_YEAR = 1599;

/**
 * A season code's Hijri year, or `statistics.bad_season`: a season is a Hijri
 * year written like 1444H.
 *
 * @example seasonYear('1444H') // 1444
 */
export function seasonYear(season: string): number {
  const year = hijriYearOf(season);
  if (year === null || year < FIRST_YEAR || year > LAST_YEAR) throw new AppError('statistics.bad_season', { season });
  return year;
}

/**
 * The days of a season on the Umm al-Qura calendar: the Day of Arafah
 * (9 Dhu al-Hijjah), the first day arrivals are counted (1 Dhu al-Qa'dah) and
 * the Gregorian year the season is published under.
 *
 * @example seasonDays('1444H') // { arafah: '2023-06-27', arrivalsFrom: '2023-05-21', gregorianYear: 2023, … }
 */
export function seasonDays(season: string) {
  const year = seasonYear(season);
  const arafah = gregorianOf(year, 12, 9);
  return {
    year,
    arafah,
    arrivalsFrom: gregorianOf(year, 11, 1),
    /** The last day departures are counted: 60 days after the Day of Arafah. */
    departuresUntil: addDays(arafah, 60),
    gregorianYear: Number(arafah.slice(0, 4)),
  };
}
