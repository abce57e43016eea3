import { intlLocale } from '../../../src/common/i18n.ts';
import { currentLanguage } from '../i18n/index.ts';

const RIYADH = 'Asia/Riyadh';

/** An instant as pilgrims read it, in Saudi time: the Gregorian date (and time) and the Umm al-Qura Hijri date. */
export function formatDate(iso: string, options: { time?: boolean } = {}): string {
  const date = new Date(iso);
  const lang = currentLanguage();
  const gregorian = new Intl.DateTimeFormat(intlLocale(lang, 'gregory'), { dateStyle: 'long', ...(options.time ? { timeStyle: 'short' } : {}), timeZone: RIYADH }).format(date);
  const hijri = new Intl.DateTimeFormat(intlLocale(lang, 'islamic-umalqura'), { dateStyle: 'long', timeZone: RIYADH }).format(date);
  return `${gregorian} (${hijri})`;
}

/** A calendar day (YYYY-MM-DD, no time zone) in both calendars. */
export function formatDay(day: string): string {
  const date = new Date(`${day}T12:00:00Z`);
  const lang = currentLanguage();
  const gregorian = new Intl.DateTimeFormat(intlLocale(lang, 'gregory'), { dateStyle: 'long', timeZone: 'UTC' }).format(date);
  const hijri = new Intl.DateTimeFormat(intlLocale(lang, 'islamic-umalqura'), { dateStyle: 'long', timeZone: 'UTC' }).format(date);
  return `${gregorian} (${hijri})`;
}

/** Month names of the Gregorian year in the language on screen, for date fields. */
export function monthNames(): string[] {
  const f = new Intl.DateTimeFormat(intlLocale(currentLanguage(), 'gregory'), { month: 'long', timeZone: 'UTC' });
  return Array.from({ length: 12 }, (_, m) => f.format(new Date(Date.UTC(2000, m, 15))));
}
