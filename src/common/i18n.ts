/**
 * The languages the platform speaks: screens, API messages, emails, PDFs and
 * survey content. Arabic is the default: it is the language of the host country.
 * Each entry fixes the language's BCP 47 region, its direction and its one digit
 * style (`nu`), used everywhere the language formats a number or a date, so a
 * page never mixes ١٢٣ with 123.
 */
export const languageTable = {
  ar: { name: 'العربية', english: 'Arabic', region: 'ar-SA', dir: 'rtl', nu: 'latn' },
  en: { name: 'English', english: 'English', region: 'en-GB', dir: 'ltr', nu: 'latn' },
  fr: { name: 'Français', english: 'French', region: 'fr-FR', dir: 'ltr', nu: 'latn' },
  ur: { name: 'اردو', english: 'Urdu', region: 'ur-PK', dir: 'rtl', nu: 'latn' },
  id: { name: 'Bahasa Indonesia', english: 'Indonesian', region: 'id-ID', dir: 'ltr', nu: 'latn' },
  tr: { name: 'Türkçe', english: 'Turkish', region: 'tr-TR', dir: 'ltr', nu: 'latn' },
  ms: { name: 'Bahasa Melayu', english: 'Malay', region: 'ms-MY', dir: 'ltr', nu: 'latn' },
  bn: { name: 'বাংলা', english: 'Bengali', region: 'bn-BD', dir: 'ltr', nu: 'beng' },
  fa: { name: 'فارسی', english: 'Persian', region: 'fa-IR', dir: 'rtl', nu: 'arabext' },
} as const satisfies Record<string, { name: string; english: string; region: string; dir: 'rtl' | 'ltr'; nu: string }>;

export type Locale = keyof typeof languageTable;
export const locales = Object.keys(languageTable) as Locale[];
export const defaultLocale: Locale = 'ar';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && Object.hasOwn(languageTable, value);
}

/** Text direction for a locale. */
export function directionOf(locale: Locale): 'rtl' | 'ltr' {
  return languageTable[locale].dir;
}

/**
 * Picks the best supported locale from an Accept-Language header
 * (RFC 9110 §12.5.4: quality values, language ranges, `*`).
 *
 * @example negotiateLocale('en-GB,en;q=0.9,ar;q=0.8') // 'en'
 */
export function negotiateLocale(header: string | undefined, fallback: Locale = defaultLocale): Locale {
  if (!header) return fallback;
  const ranges = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const quality = q ? Number(q.slice(2)) : 1;
      return { tag: tag.trim().toLowerCase(), quality: Number.isFinite(quality) ? quality : 0, index };
    })
    .filter((r) => r.tag && r.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  for (const range of ranges) {
    if (range.tag === '*') return fallback;
    const primary = range.tag.split('-')[0];
    if (isLocale(primary)) return primary;
  }
  return fallback;
}

/** Fills `{name}` placeholders; unknown placeholders are left visible so a missing param is noticed. */
export function interpolate(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}

/**
 * Text in several languages: the reader's; else the one a reader of that
 * script most likely reads (Arabic for a right-to-left reader, English for the
 * others), then the other of the two; else any. The caller marks a fallback.
 */
export type LocalizedText = Record<string, string>;

export function pickText(text: LocalizedText, language: string): { text: string; language: string } {
  const rtl = isLocale(language) ? directionOf(language) === 'rtl' : false;
  for (const lang of [language, ...(rtl ? ['ar', 'en'] : ['en', 'ar'])]) {
    const value = text[lang];
    if (value) return { text: value, language: lang };
  }
  const [lang = '', value = ''] = Object.entries(text)[0] ?? [];
  return { text: value, language: lang };
}

/**
 * The BCP 47 tag every screen, email, message and PDF formats with: the
 * language's region and its one digit style everywhere. Arabic uses Western
 * digits (as Saudi government services and our PDFs do, and as people type
 * them); Persian its own digits and Bengali its own, as their readers expect.
 *
 * @example intlLocale('ar', 'islamic-umalqura') // 'ar-SA-u-ca-islamic-umalqura-nu-latn'
 * @example intlLocale('fa') // 'fa-IR-u-ca-gregory-nu-arabext' (Gregorian unless asked: Persian's own default is the solar calendar)
 */
export function intlLocale(locale: Locale, calendar?: 'gregory' | 'islamic-umalqura'): string {
  const { region, nu } = languageTable[locale];
  return `${region}-u-ca-${calendar ?? 'gregory'}-nu-${nu}`;
}

/**
 * Content a person writes (a site's name, a rule's message): Arabic and
 * English always, the other languages when written.
 */
export type Localized = { ar: string; en: string } & Partial<Record<Locale, string>>;

/** Such content in the reader's language, else English (Arabic for a right-to-left reader), with the language it is in. */
export function localized(text: Localized, locale: Locale): string {
  return text[locale] ?? (directionOf(locale) === 'rtl' ? text.ar : text.en);
}
