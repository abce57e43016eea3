import { formatSar, halalas, parseRiyals, HALALAS_PER_RIYAL } from '../../../src/shared/money.ts';
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

/**
 * What a person typed in riyals ("1234.50"), as halalas, without floating
 * point; NaN when it is not an amount, so the shared schema names the field.
 */
export function toHalalas(riyals: string): number {
  try {
    return parseRiyals(riyals);
  } catch {
    return Number.NaN;
  }
}

/** Halalas back to the text a person edits ("1234.5"). */
export function toRiyalsText(amount: number): string {
  return String(amount / HALALAS_PER_RIYAL);
}
