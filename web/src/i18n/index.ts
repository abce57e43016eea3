import i18next from 'i18next';
import ICU from 'i18next-icu';
import resourcesToBackend from 'i18next-resources-to-backend';
import { initReactI18next } from 'react-i18next';
import { namespaces, type Namespace } from './namespaces.ts';
import { provideSharedTexts, withLocalDigits } from '../../../src/common/texts.ts';
import { directionOf, intlLocale, isLocale, languageTable, locales, negotiateLocale, type Locale } from '../../../src/common/i18n.ts';

/** The nine languages of the platform (src/common/i18n.ts): the same list on every screen and in the API. */
export const languages = locales;
export type Language = Locale;
export { languageTable };

/**
 * The texts are split by feature (one JSON file per namespace and language)
 * and loaded with the page that needs them, so a pilgrim's phone does not
 * download the ministry console's words. Keys keep their feature prefix
 * (`draw.title`), and every namespace is a fallback of every other, so a
 * component finds a key in whichever loaded namespace holds it.
 */
export { namespaces, type Namespace };

/** ICU MessageFormat with each language's digits in plain `{n}` parameters too (src/common/texts.ts). */
interface IcuFormat {
  type: 'i18nFormat';
  parse(res: string, options: Record<string, unknown>, lng: string, ns: string, key: string, info?: unknown): unknown;
}
// i18next-icu's types do not declare its `parse` (i18next's formatter hook), which this overrides.
class LocalDigitsICU extends (ICU as unknown as new (options: object) => IcuFormat) {
  override parse(res: string, options: Record<string, unknown>, lng: string, ns: string, key: string, info?: unknown) {
    return super.parse(res, isLocale(lng) && typeof res === 'string' ? withLocalDigits(res, options, lng) : options, lng, ns, key, info);
  }
}

const STORAGE_KEY = 'manasik.locale';

const files = import.meta.glob<{ default: Record<string, unknown> }>('./*/*.json');

/**
 * The languages this build has texts for (a folder web/src/i18n/<language>/),
 * in the platform's order: the language picker offers these, and a first
 * visit or an account's language only picks among them, so a language whose
 * translation has not landed yet never shows a page of bare keys.
 */
export const availableLanguages: readonly Language[] = languages.filter((l) => `./${l}/common.json` in files);
const isAvailable = (language: unknown): language is Language => isLocale(language) && availableLanguages.includes(language);

/** The language chosen explicitly on this device, if any: it wins over the account's saved language. */
export function deviceLanguage(): Language | null {
  const stored = localStorage.getItem(STORAGE_KEY);
  return isAvailable(stored) ? stored : null;
}

/**
 * The language chosen on this device; on a first visit, the first of the
 * browser's preferred languages the platform speaks (`navigator.languages`,
 * in the visitor's order), else Arabic.
 */
export function initialLanguage(): Language {
  const preferred = (navigator.languages?.length ? navigator.languages : [navigator.language]).filter((tag) => tag && isAvailable(tag.split('-')[0]?.toLowerCase()));
  return deviceLanguage() ?? negotiateLocale(preferred.map((tag, i) => `${tag};q=${(1 - i / 100).toFixed(2)}`).join(','), 'ar');
}

/** Sets the language everywhere it shows: i18next and <html lang dir>; a language without texts in this build is ignored. */
export function applyLanguage(language: Language) {
  if (!isAvailable(language)) return;
  void loadSharedTexts(language).then(() => i18next.changeLanguage(language));
  document.documentElement.lang = language;
  document.documentElement.dir = directionOf(language);
}

/** The visitor chose a language on this device: remember it here (the account's setting is separate). */
export function chooseLanguage(language: Language) {
  localStorage.setItem(STORAGE_KEY, language);
  applyLanguage(language);
}

export function currentLanguage(): Language {
  return isLocale(i18next.language) ? i18next.language : 'ar';
}

/** The texts the web app shares with the server (validation, the gate's verdicts, availability): src/i18n/<language>/common.json. */
const sharedFiles = import.meta.glob<{ default: Record<string, Record<string, string>> }>('../../../src/i18n/*/common.json');
const sharedLoaded = new Map<string, Record<string, Record<string, string>>>();
provideSharedTexts((locale) => sharedLoaded.get(locale));
/** Loads a language's shared texts (and English, their fallback) before the page shows them. */
export async function loadSharedTexts(language: Language): Promise<void> {
  await Promise.all([...new Set([language, 'en'])].map(async (l) => {
    const load = sharedFiles[`../../../src/i18n/${l}/common.json`];
    if (load && !sharedLoaded.has(l)) sharedLoaded.set(l, (await load()).default);
  }));
}

void i18next
  .use(initReactI18next)
  // Texts are ICU MessageFormat (plurals, selects, numbers); each language formats with its one digit style.
  .use(new LocalDigitsICU({ parseLngForICU: (lng: string) => (isLocale(lng) ? intlLocale(lng) : lng) }))
  .use(
    resourcesToBackend((language: string, namespace: string) => {
      const load = files[`./${language}/${namespace}.json`];
      if (!load) return Promise.reject(new Error(`no texts ${language}/${namespace}`));
      return load().then((m) => m.default);
    }),
  )
  .init({
    lng: initialLanguage(),
    supportedLngs: [...languages],
    fallbackLng: false,
    ns: ['common'],
    defaultNS: 'common',
    fallbackNS: [...namespaces],
    interpolation: { escapeValue: false },
    returnNull: false,
    react: { useSuspense: true },
    showSupportNotice: false,
  });
applyLanguage(initialLanguage());

export default i18next;
