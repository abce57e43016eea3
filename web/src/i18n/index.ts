import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import ar from './ar.json';
import en from './en.json';

export const languages = ['ar', 'en'] as const;
export type Language = (typeof languages)[number];
export const resources = { ar, en } as const;
const STORAGE_KEY = 'manasik.locale';

/** Arabic unless the visitor chose otherwise on this device (or in their account, applied at sign-in). */
function initialLanguage(): Language {
  const stored = localStorage.getItem(STORAGE_KEY);
  return stored === 'en' || stored === 'ar' ? stored : 'ar';
}

/** Sets the language everywhere it shows: i18next, <html lang dir>, and this device's memory. */
export function applyLanguage(language: Language) {
  void i18next.changeLanguage(language);
  document.documentElement.lang = language;
  document.documentElement.dir = language === 'ar' ? 'rtl' : 'ltr';
  localStorage.setItem(STORAGE_KEY, language);
}

export function currentLanguage(): Language {
  return (i18next.language as Language) ?? 'ar';
}

void i18next.use(initReactI18next).init({
  resources: { ar: { translation: ar }, en: { translation: en } },
  lng: initialLanguage(),
  fallbackLng: false,
  interpolation: { escapeValue: false },
  returnNull: false,
});
applyLanguage(initialLanguage());

export default i18next;
