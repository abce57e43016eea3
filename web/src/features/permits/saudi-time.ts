import { intlLocale } from '../../../../src/common/i18n.ts';
import { currentLanguage } from '../../i18n/index.ts';

/**
 * Days and times as the permits pages show them: Saudi time (Asia/Riyadh,
 * UTC+3 all year), the Gregorian date beside the Umm al-Qura Hijri one.
 */
const RIYADH = 'Asia/Riyadh';
const DAY = 86_400_000;

/** Today's Saudi calendar day, YYYY-MM-DD. */
export function saudiToday(now = Date.now()): string {
  return new Date(now + 3 * 3_600_000).toISOString().slice(0, 10);
}

/** The Saudi day of an instant. */
export const saudiDayOf = (iso: string) => saudiToday(Date.parse(iso));

/** A day moved by `n` days. */
export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);
}

/** "21:00" in Saudi time, in the page's digits. */
export function clock(iso: string | number): string {
  return new Intl.DateTimeFormat(intlLocale(currentLanguage(), 'gregory'), { timeZone: RIYADH, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));
}

/** "21:00–21:20" */
export const timeRange = (from: string, to: string) => `${clock(from)}–${clock(to)}`;

/** A day as a short heading: "Sat 14 Mar 2026 · 25 Ramadan 1447". */
export function dayHeading(day: string): string {
  const date = new Date(`${day}T12:00:00Z`);
  const lang = currentLanguage();
  const g = new Intl.DateTimeFormat(intlLocale(lang, 'gregory'), { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
  const h = new Intl.DateTimeFormat(intlLocale(lang, 'islamic-umalqura'), { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
  return `${g} · ${h}`;
}

/** The Hijri year and month of a Saudi day (Umm al-Qura). */
export function hijriOfDay(day: string): { year: number; month: number; day: number } {
  const parts = new Intl.DateTimeFormat('en-SA-u-ca-islamic-umalqura-nu-latn', { year: 'numeric', month: 'numeric', day: 'numeric', timeZone: 'UTC' }).formatToParts(new Date(`${day}T12:00:00Z`));
  const get = (type: string) => Number.parseInt(parts.find((p) => p.type === type)?.value ?? '0', 10);
  return { year: get('year'), month: get('month'), day: get('day') };
}

/** Minutes after midnight as "HH:MM" (24 h, Western digits: these are typed back in). */
export const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** "HH:MM" back to minutes after midnight; NaN when it is not a time (24:00 is the end of the day). */
export function minutesOf(text: string): number {
  const m = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
  if (!m) return Number.NaN;
  const h = Number(m[1]);
  const min = Number(m[2]);
  return h > 24 || min > 59 || (h === 24 && min > 0) ? Number.NaN : h * 60 + min;
}
