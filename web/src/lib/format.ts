import { formatSar, halalas } from '../../../src/core/money.ts';
import { currentLanguage } from '../i18n/index.ts';

/** Halalas as people read them, in the UI's language. */
export function sar(amount: number): string {
  return formatSar(halalas(amount), currentLanguage());
}

export function countryName(code: string): string {
  return new Intl.DisplayNames([currentLanguage()], { type: 'region' }).of(code) ?? code;
}

export function languageName(code: string): string {
  return new Intl.DisplayNames([currentLanguage()], { type: 'language' }).of(code) ?? code;
}

export function number(n: number): string {
  return new Intl.NumberFormat(currentLanguage()).format(n);
}

/** "Arabic, English" / "العربية والإنجليزية": a list joined as the language joins lists. */
export function listOf(items: string[]): string {
  return new Intl.ListFormat(currentLanguage(), { style: 'short', type: 'conjunction' }).format(items);
}
