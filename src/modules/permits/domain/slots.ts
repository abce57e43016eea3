import { addDays, gregorianOf, hijriOf, riyadhMidnight, type IsoDate } from '../../../core/dates.ts';
import type { Hours, Section } from '../tables.ts';

/**
 * Windows generated in bulk from a template, for a date range chosen in the
 * Gregorian or the Umm al-Qura calendar (a whole Ramadan at once): for every
 * day and section, back-to-back windows of the template's length through each
 * of the section's opening hours (Saudi time), each released for booking at
 * its release time.
 */
export type HijriDay = { year: number; month: number; day: number };
export type DateRange =
  | { calendar: 'gregorian'; from: IsoDate; to: IsoDate }
  | { calendar: 'hijri'; from: HijriDay; to: HijriDay }
  /** A whole Hijri month (29 or 30 days, as Umm al-Qura has it). */
  | { calendar: 'hijri_month'; year: number; month: number };

/** When windows are released: `daysBefore` their day, at `atMinute` (Saudi time); or all at one instant. */
export type Release = { daysBefore: number; atMinute: number } | { at: Date };

export interface TemplateShape {
  windowMinutes: number;
  capacity: number;
}

export const MAX_DAYS = 400;

/** The last day of a Hijri month (the 29th or the 30th). */
function monthEnd(year: number, month: number): IsoDate {
  const d29 = gregorianOf(year, month, 29);
  return hijriOf(addDays(d29, 1)).month === month ? addDays(d29, 1) : d29;
}

/** The days of a range, in order; a Hijri 30th that the month does not have is read as its last day. Null when backwards or too long. */
export function daysOf(range: DateRange): IsoDate[] | null {
  let from: IsoDate;
  let to: IsoDate;
  try {
    if (range.calendar === 'gregorian') [from, to] = [range.from, range.to];
    else if (range.calendar === 'hijri_month') [from, to] = [gregorianOf(range.year, range.month, 1), monthEnd(range.year, range.month)];
    else {
      from = range.from.day >= 30 ? monthEnd(range.from.year, range.from.month) : gregorianOf(range.from.year, range.from.month, range.from.day);
      to = range.to.day >= 30 ? monthEnd(range.to.year, range.to.month) : gregorianOf(range.to.year, range.to.month, range.to.day);
    }
  } catch {
    return null;
  }
  if (to < from) return null;
  const days: IsoDate[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) {
    days.push(d);
    if (days.length > MAX_DAYS) return null;
  }
  return days;
}

export interface GeneratedWindow {
  section: Section;
  startsAt: Date;
  endsAt: Date;
  releaseAt: Date;
}

export function generateWindows(days: readonly IsoDate[], sections: readonly { section: Section; hours: readonly Hours[] }[], t: TemplateShape, release: Release): GeneratedWindow[] {
  const out: GeneratedWindow[] = [];
  const MIN = 60_000;
  for (const day of days) {
    const midnight = riyadhMidnight(day).getTime();
    const releaseAt = 'at' in release ? release.at : new Date(riyadhMidnight(addDays(day, -release.daysBefore)).getTime() + release.atMinute * MIN);
    for (const s of sections) {
      for (const h of s.hours) {
        for (let m = h.from; m + t.windowMinutes <= h.to; m += t.windowMinutes) {
          out.push({ section: s.section, startsAt: new Date(midnight + m * MIN), endsAt: new Date(midnight + (m + t.windowMinutes) * MIN), releaseAt });
        }
      }
    }
  }
  return out;
}

/** Hours are minutes after midnight, ordered, not overlapping, within the day. */
export function hoursProblem(hours: readonly Hours[]): string | null {
  for (const [i, h] of hours.entries()) {
    if (!(h.from >= 0 && h.to <= 1440 && h.from < h.to)) return 'bad_interval';
    if (i > 0 && h.from < hours[i - 1]!.to) return 'overlapping';
  }
  return null;
}
