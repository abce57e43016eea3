import { intlLocale, type Locale } from '../../common/i18n.ts';
import { dateTimeFormat, formatHijri, RIYADH } from '../../core/dates.ts';
import { translate } from '../../i18n/catalog.ts';
import type { PriceLine } from '../catalogue/index.ts';

/**
 * The keys of the printed documents' own words: the catalogs' `documents` section
 * (src/i18n/<language>/documents.json, English the source). A document is not a
 * message: it has no codes, only words, numbers and dates.
 */
export type WordKey = keyof (typeof import('../../i18n/en/documents.json'))['documents'];

/**
 * The documents' words in `locale` (English where a translation is still missing).
 *
 * @example wordsIn('en')('confirmation.title', { season: '1448H' }) // 'Booking confirmation — 1448H'
 */
export function wordsIn(locale: Locale) {
  return (key: WordKey, params?: Record<string, unknown>) => translate(locale, 'documents', key, params);
}
export type Words = ReturnType<typeof wordsIn>;

const numberFormats = new Map<string, Intl.NumberFormat>();
/** A number in the language's one digit style, e.g. `formatNumber('bn', 3)` → '৩', `formatNumber('tr', 0.15, { style: 'percent' })` → '%15'. */
export function formatNumber(locale: Locale, value: number, options: Intl.NumberFormatOptions = {}): string {
  const key = `${locale}\u0000${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) numberFormats.set(key, (format = new Intl.NumberFormat(intlLocale(locale), options)));
  return format.format(value);
}

/**
 * An amount in halalas, in riyals with two decimals, e.g. '1,234.50 SAR'. Numbers go into
 * the documents' messages formatted already, so that they keep the reader's digits while a
 * message still falls back to English.
 */
export const money = (halalas: number, locale: Locale) =>
  translate(locale, 'documents', 'shared.money', { amount: formatNumber(locale, halalas / 100, { minimumFractionDigits: 2, maximumFractionDigits: 2 }) });

/** A day in Saudi Arabia in the Gregorian calendar, in the language's words and digits, e.g. '15 May 2027' (with the time: '15 May 2027 at 12:00'). */
export function gregorianDay(at: Date, locale: Locale, withTime = false): string {
  return dateTimeFormat(intlLocale(locale, 'gregory'), { timeZone: RIYADH, dateStyle: 'long', ...(withTime ? { timeStyle: 'short' } : {}) }).format(at);
}

/** A day in Saudi Arabia in both calendars, e.g. '15 May 2027 (9 Dhuʻl-Hijjah 1448 AH)'. */
export function inBothCalendars(at: Date, locale: Locale, withTime = false): string {
  return translate(locale, 'documents', 'shared.bothCalendars', { gregorian: gregorianDay(at, locale, withTime), hijri: formatHijri(at, locale) });
}

export const vatRate: Record<PriceLine['vatCategory'], number> = { standard: 0.15, zero: 0 };
