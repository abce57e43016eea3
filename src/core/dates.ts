/**
 * Calendar arithmetic on `YYYY-MM-DD` strings, never on instants: a date of
 * birth or a passport expiry is a day, not a moment, and must not move with
 * the server's or the browser's time zone (the real platform once rejected
 * pilgrims a day early because of exactly that).
 */
import { dateTimeFormat } from '../common/date-format.ts';
import { intlLocale, type Locale } from '../common/i18n.ts';

export type IsoDate = string;

function parts(d: IsoDate): [number, number, number] {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(d);
  if (!m) throw new RangeError(`not a date: ${d}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const daysInMonth = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** Whole years from `birth` to `on`. Someone born on 29 February comes of age on 1 March in common years. */
export function ageOn(birth: IsoDate, on: IsoDate): number {
  const [by, bm, bd] = parts(birth);
  const [y, m, d] = parts(on);
  const hadBirthday = m > bm || (m === bm && d >= bd);
  return y - by - (hadBirthday ? 0 : 1);
}

/** `date` plus `months`, clamped to the month's last day (31 Aug + 6 months = 28/29 Feb). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const [y, m, d] = parts(date);
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  return `${pad(ny, 4)}-${pad(nm)}-${pad(Math.min(d, daysInMonth(ny, nm)))}`;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const [y, m, d] = parts(date);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

export function isValidDate(date: string): boolean {
  try {
    const [y, m, d] = parts(date);
    return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------------------
// The ministry's day and the Umm al-Qura calendar. Saudi Arabia keeps one
// offset all year (UTC+3, no daylight saving), and Hijri dates come from Intl's
// `islamic-umalqura` calendar: one helper for both, used by every module.

export const RIYADH = 'Asia/Riyadh';
const riyadhFormat = new Intl.DateTimeFormat('en-CA', { timeZone: RIYADH, year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar date in Saudi Arabia at `instant` (the ministry's day, whatever the server's zone). */
export function riyadhDate(instant: Date): IsoDate {
  return riyadhFormat.format(instant);
}

/** The instant a Saudi calendar day begins (00:00 in Riyadh). */
export function riyadhMidnight(day: IsoDate): Date {
  return new Date(`${day}T00:00:00+03:00`);
}

/** Whole days from `now` until `day` begins in Riyadh; negative once it has begun. */
export function daysUntil(day: IsoDate, now: Date): number {
  return Math.floor((riyadhMidnight(day).getTime() - now.getTime()) / 86_400_000);
}

const hijriNumeric = new Intl.DateTimeFormat('en-u-ca-islamic-umalqura-nu-latn', { timeZone: 'UTC', year: 'numeric', month: 'numeric', day: 'numeric' });

/** A day's Umm al-Qura date as numbers, e.g. 2027-05-15 → { year: 1448, month: 12, day: 9 }. */
export function hijriOf(day: IsoDate): { year: number; month: number; day: number } {
  const [y, m, d] = parts(day);
  const fields = Object.fromEntries(hijriNumeric.formatToParts(new Date(Date.UTC(y, m - 1, d))).map((p) => [p.type, p.value]));
  return { year: Number.parseInt(fields.year!, 10), month: Number(fields.month), day: Number(fields.day) };
}

/**
 * The Gregorian day of an Umm al-Qura date (a Hijri month has 29 or 30 days,
 * so the answer is found by stepping from an estimate, not by a formula).
 *
 * @example gregorianOf(1448, 12, 9) // '2027-05-15' (the Day of Arafah 1448H)
 */
export function gregorianOf(year: number, month: number, day: number): IsoDate {
  // A Hijri year is about 354.37 days; 1 Muharram 1400 was 1979-11-21.
  let guess = addDays('1979-11-21', Math.round(((year - 1400) * 12 + (month - 1)) * 29.530589 + (day - 1)));
  const key = (h: { year: number; month: number; day: number }) => h.year * 400 + h.month * 31 + h.day;
  const want = key({ year, month, day });
  for (let i = 0; i < 60; i++) {
    const got = key(hijriOf(guess));
    if (got === want) return guess;
    guess = addDays(guess, got < want ? 1 : -1);
  }
  throw new RangeError(`no such Hijri date: ${year}-${month}-${day}`);
}

/** Formats an instant in the Umm al-Qura (Hijri) calendar, e.g. "25 ذو القعدة 1447 هـ". */
export function formatHijri(date: Date, locale: Locale, timeZone = RIYADH): string {
  return dateTimeFormat(intlLocale(locale, 'islamic-umalqura'), { day: 'numeric', month: 'long', year: 'numeric', timeZone }).format(date);
}

/**
 * An instant as a person reads it: the Gregorian day (and time) in Saudi
 * Arabia, then its Umm al-Qura date, both in the reader's language and digits.
 *
 * @example formatInstant(deadline, 'en') // '15 May 2027 at 09:00 (9 Dhuʻl-Hijjah 1448 AH)'
 */
export function formatInstant(d: Date, locale: Locale, options: Intl.DateTimeFormatOptions = { dateStyle: 'long', timeStyle: 'short' }): string {
  const gregorian = dateTimeFormat(intlLocale(locale, 'gregory'), { timeZone: RIYADH, ...options }).format(d);
  return `${gregorian} (${formatHijri(d, locale)})`;
}

export { dateTimeFormat };
