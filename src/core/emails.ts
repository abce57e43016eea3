import { intlLocale, type Locale } from '../common/i18n.ts';
import { dateTimeFormat, formatHijri, formatInstant, type IsoDate } from './dates.ts';
import { messageOf, translate } from '../i18n/catalog.ts';

/** An email as the outbox queues it: its subject and its plain text. */
export interface Email {
  subject: string;
  text: string;
}

/** An email's parameters, or how to make them in the language it is written in (its dates, its words for codes). */
export type EmailParams = Record<string, unknown> | ((locale: Locale) => Record<string, unknown>);

/**
 * The email `key` of the catalogs' `emails` section for a reader of `locale`:
 * the messages `<key>.subject` and `<key>.text`, given the same parameters.
 * Parameters are values already shown for the reader (names, titles, dates and
 * amounts formatted), numbers for `plural` and codes for `select`; never a
 * sentence in one language. An email the reader's language lacks is written
 * in English, so its parameters are made by a function of the language the
 * email is written in: an English email never carries a French date.
 *
 * @example renderEmail('ar', 'bookings.offered', (l) => ({ name, title, seats: 2, source: 'draw', deadline: emailDate(deadline, l) }))
 */
export function renderEmail(locale: Locale, key: string, params: EmailParams): Email {
  const written = messageOf(locale, 'emails', `${key}.text`)?.locale ?? 'en';
  const values = typeof params === 'function' ? params(written) : params;
  return {
    subject: translate(written, 'emails', `${key}.subject`, values),
    text: translate(written, 'emails', `${key}.text`, values),
  };
}

const styles = {
  /** 15 May 2027 (9 Dhuʻl-Hijjah 1448 AH) */
  day: { dateStyle: 'long' },
  /** 15 May 2027 at 09:00 (9 Dhuʻl-Hijjah 1448 AH) */
  moment: { dateStyle: 'long', timeStyle: 'short' },
  /** Saturday, 15 May 2027 at 09:00 (9 Dhuʻl-Hijjah 1448 AH) */
  weekday: { dateStyle: 'full', timeStyle: 'short' },
} as const satisfies Record<string, Intl.DateTimeFormatOptions>;

/**
 * An instant as an email shows it: the Gregorian day (and time) in Saudi
 * Arabia, then its Umm al-Qura date, both in the reader's language and digits.
 *
 * @example emailDate(deadline, 'ar', 'day') // '15 مايو 2027 (9 ذو الحجة 1448 هـ)'
 */
export function emailDate(d: Date, locale: Locale, style: keyof typeof styles = 'moment'): string {
  return formatInstant(d, locale, styles[style]);
}

/**
 * A calendar day (`YYYY-MM-DD`, not an instant: it does not move with a time
 * zone) as an email shows it, with its Umm al-Qura date.
 *
 * @example emailDay('2027-05-15', 'en') // '15 May 2027 (9 Dhuʻl-Hijjah 1448 AH)'
 */
export function emailDay(day: IsoDate, locale: Locale): string {
  const d = new Date(`${day}T00:00:00Z`);
  const gregorian = dateTimeFormat(intlLocale(locale, 'gregory'), { timeZone: 'UTC', dateStyle: 'long' }).format(d);
  return `${gregorian} (${formatHijri(d, locale, 'UTC')})`;
}
