import { createRequire } from 'node:module';
import countries from 'i18n-iso-countries';
import { locales, type Locale } from '../common/i18n.ts';

const require = createRequire(import.meta.url);
// The names of countries in every language the platform speaks, registered once.
for (const locale of locales) countries.registerLocale(require(`i18n-iso-countries/langs/${locale}.json`));

/** ISO 3166-1 alpha-2 country names in the reader's language, e.g. countryName('FR', 'ar') → 'فرنسا'. */
export function countryName(code: string, locale: Locale): string {
  return countries.getName(code.toUpperCase(), locale) ?? code.toUpperCase();
}

/** True for an assigned ISO 3166-1 alpha-2 code. */
export const isCountry = (code: string) => countries.isValid(code.toUpperCase());

/** Every assigned alpha-2 code with its name in `locale`. */
export const countryNames = (locale: Locale) => countries.getNames(locale, { select: 'official' });
