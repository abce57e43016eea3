import { IntlMessageFormat } from 'intl-messageformat';
import { intlLocale, type Locale } from './i18n.ts';

/**
 * Texts the server and the web app both show (field validation messages, the
 * gate's verdicts, a window's availability), from the catalog file
 * `src/i18n/<language>/common.json` (ICU MessageFormat, by section). This
 * module runs in both places, so it does not read files: the server's catalog
 * (src/i18n/catalog.ts) and the web app's loader (web/src/i18n) each provide
 * a language's sections through `provideSharedTexts`.
 */
type Sections = Record<string, Record<string, string>>;
let source: (locale: Locale) => Sections | undefined = () => undefined;

/** Where the texts come from (called once by the server's catalog and by the web app). */
export function provideSharedTexts(load: (locale: Locale) => Sections | undefined): void {
  source = load;
  compiled.clear();
}

const compiled = new Map<string, IntlMessageFormat>();

/** The text of `section`/`key` in `locale` (English when the language lacks it), its parameters filled in. */
export function sharedText(locale: Locale, section: string, key: string, params: Record<string, string | number> = {}): string {
  let lang = locale;
  let message = source(locale)?.[section]?.[key];
  if (message === undefined) {
    lang = 'en';
    message = source('en')?.[section]?.[key];
  }
  if (message === undefined) return key;
  const id = `${lang}\u0000${section}\u0000${key}`;
  let f = compiled.get(id);
  if (!f) compiled.set(id, (f = new IntlMessageFormat(message, intlLocale(lang), undefined, { ignoreTag: true })));
  return String(f.format(params));
}
