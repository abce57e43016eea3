/** Languages the platform speaks. Arabic is the default: it is the language of the host country. */
export const locales = ['ar', 'en'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'ar';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

/** Text direction for a locale. */
export function directionOf(locale: Locale): 'rtl' | 'ltr' {
  return locale === 'ar' ? 'rtl' : 'ltr';
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

/** Text in several languages: the reader's, else Arabic, else English, else any. */
export type LocalizedText = Record<string, string>;

export function pickText(text: LocalizedText, language: string): { text: string; language: string } {
  for (const lang of [language, 'ar', 'en']) {
    const value = text[lang];
    if (value) return { text: value, language: lang };
  }
  const [lang = '', value = ''] = Object.entries(text)[0] ?? [];
  return { text: value, language: lang };
}

/**
 * The BCP 47 tag every screen, email, message and PDF formats with: one digit
 * style per language everywhere. Arabic uses Western digits (as Saudi
 * government services and our PDFs do, and as people type them), so a screen
 * never mixes ١٢٣ with 123.
 *
 * @example intlLocale('ar', 'islamic-umalqura') // 'ar-SA-u-ca-islamic-umalqura-nu-latn'
 */
export function intlLocale(locale: Locale, calendar?: 'gregory' | 'islamic-umalqura'): string {
  if (locale === 'ar') return `ar-SA-u-${calendar ? `ca-${calendar}-` : ''}nu-latn`;
  return calendar === 'islamic-umalqura' ? 'en-SA-u-ca-islamic-umalqura-nu-latn' : 'en-GB';
}
