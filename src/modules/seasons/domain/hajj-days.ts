import { gregorianOf, hijriOf, riyadhDate, type IsoDate } from '../../../core/dates.ts';
import type { SeasonDays } from './calendar.ts';

/**
 * The days of the Hajj of Hijri year `year` on the Umm al-Qura calendar:
 * arrivals from 25 Dhu al-Qa'dah, the Day of Arafah (9 Dhu al-Hijjah) as the
 * reference day, the season over on 20 Dhu al-Hijjah.
 *
 * @example hajjDays(1448) // { arrivalDate: '2027-05-01', referenceDate: '2027-05-15', seasonEnd: '2027-05-26' }
 */
export function hajjDays(year: number): SeasonDays {
  return { arrivalDate: gregorianOf(year, 11, 25), referenceDate: gregorianOf(year, 12, 9), seasonEnd: gregorianOf(year, 12, 20) };
}

/** The first Hajj whose arrivals begin after `day`: its season code and days. */
export function firstHajjAfter(day: IsoDate): { code: string; year: number } & SeasonDays {
  for (let year = hijriOf(day).year; ; year++) {
    const days = hajjDays(year);
    if (days.arrivalDate > day) return { code: `${year}H`, year, ...days };
  }
}

/** Day offsets from now of a season's seven phase boundaries. */
export type PhaseOffsets = Record<'registrationOpens' | 'preferenceOpens' | 'preferenceCloses' | 'drawAt' | 'offersClose' | 'openSaleAt' | 'visaCutoff', number>;

/**
 * A season whose phases sit at `offsets` days from `now` and whose Hajj is the
 * first after the visa cut-off, so the calendar is consistent on whatever day
 * it is built (the demo, browser tests and benchmarks run on today's date).
 * `yearsLater` picks a Hajj that many years further on.
 */
export function seasonAround(now: Date, offsets: PhaseOffsets, yearsLater = 0) {
  const at = (days: number) => new Date(now.getTime() + days * 86_400_000).toISOString();
  const calendar = Object.fromEntries(Object.entries(offsets).map(([k, d]) => [k, at(d)])) as Record<keyof PhaseOffsets, string>;
  const first = firstHajjAfter(riyadhDate(new Date(calendar.visaCutoff)));
  const year = first.year + yearsLater;
  const days = yearsLater ? hajjDays(year) : first;
  return { code: `${year}H`, input: { ...calendar, arrivalDate: days.arrivalDate, referenceDate: days.referenceDate, seasonEnd: days.seasonEnd } };
}
