import i18next from 'i18next';
import resourcesToBackend from 'i18next-resources-to-backend';
import { initReactI18next } from 'react-i18next';
import { namespaces, type Namespace } from './namespaces.ts';

export const languages = ['ar', 'en'] as const;
export type Language = (typeof languages)[number];

/**
 * The texts are split by feature (one JSON file per namespace and language)
 * and loaded with the page that needs them, so a pilgrim's phone does not
 * download the ministry console's words. Keys keep their feature prefix
 * (`draw.title`), and every namespace is a fallback of every other, so a
 * component finds a key in whichever loaded namespace holds it.
 */
export { namespaces, type Namespace };

const STORAGE_KEY = 'manasik.locale';

/** The language chosen explicitly on this device, if any: it wins over the account's saved language. */
export function deviceLanguage(): Language | null {
  const stored = localStorage.getItem(STORAGE_KEY);
  return stored === 'en' || stored === 'ar' ? stored : null;
}

/** Arabic unless the visitor chose otherwise on this device. */
function initialLanguage(): Language {
  return deviceLanguage() ?? 'ar';
}

/** Sets the language everywhere it shows: i18next and <html lang dir>. */
export function applyLanguage(language: Language) {
  void i18next.changeLanguage(language);
  document.documentElement.lang = language;
  document.documentElement.dir = language === 'ar' ? 'rtl' : 'ltr';
}

/** The visitor chose a language on this device: remember it here (the account's setting is separate). */
export function chooseLanguage(language: Language) {
  localStorage.setItem(STORAGE_KEY, language);
  applyLanguage(language);
}

export function currentLanguage(): Language {
  return i18next.language === 'en' ? 'en' : 'ar';
}

const files = import.meta.glob<{ default: Record<string, unknown> }>('./*/*.json');

void i18next
  .use(initReactI18next)
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
