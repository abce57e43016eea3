import i18next from 'i18next';
import { formatSar, halalas, parseRiyals, HALALAS_PER_RIYAL } from '../../../src/common/money.ts';
import { intlLocale, directionOf } from '../../../src/common/i18n.ts';
import { currentLanguage } from '../i18n/index.ts';

/**
 * Numbers, money, dates, countries and lists as people read them, in the
 * language on screen, with one digit style per language (intlLocale).
 */

export function sar(amount: number): string {
  return formatSar(halalas(amount), currentLanguage());
}

export function countryName(code: string): string {
  return new Intl.DisplayNames([intlLocale(currentLanguage())], { type: 'region', fallback: 'code' }).of(code.toUpperCase()) ?? code;
}

export function languageName(code: string): string {
  return new Intl.DisplayNames([intlLocale(currentLanguage())], { type: 'language', fallback: 'code' }).of(code) ?? code;
}

export function number(n: number): string {
  return new Intl.NumberFormat(intlLocale(currentLanguage())).format(n);
}

/** A share between 0 and 1 as a percentage ("12.5%"). */
export function percent(share: number, digits = 1): string {
  return new Intl.NumberFormat(intlLocale(currentLanguage()), { style: 'percent', maximumFractionDigits: digits }).format(share);
}

/** "Arabic, English" / "العربية والإنجليزية": a list joined as the language joins lists. */
export function listOf(items: string[]): string {
  return new Intl.ListFormat(intlLocale(currentLanguage()), { style: 'short', type: 'conjunction' }).format(items);
}

/** A Hijri season code as read in the language on screen: "1447 هـ" / "1447 AH". */
export function seasonLabel(code: string): string {
  const year = code.replace(/H$/i, '');
  return i18next.t('app.hijriYear', { year: Number(year) });
}

/** A provider's registered name: the Arabic one for a right-to-left reader, else the English one. */
export function legalName(p: { legalNameAr: string; legalNameEn: string }, lang = currentLanguage()): string {
  return legalNameLanguage(lang) === 'ar' ? p.legalNameAr : p.legalNameEn;
}

/** The language `legalName` answers in, for the element's `lang`: a screen reader then says the name with the right voice. */
export function legalNameLanguage(lang = currentLanguage()): 'ar' | 'en' {
  return directionOf(lang) === 'rtl' ? 'ar' : 'en';
}

/**
 * What a person typed in riyals ("1234.50"), as halalas, without floating
 * point; NaN when it is not an amount, so the shared schema names the field.
 */
export function toHalalas(riyals: string): number {
  try {
    return parseRiyals(riyals.replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x0660)).replace('٫', '.'));
  } catch {
    return Number.NaN;
  }
}

/** Halalas back to the text a person edits ("1234.5"). */
export function toRiyalsText(amount: number): string {
  return String(amount / HALALAS_PER_RIYAL);
}
