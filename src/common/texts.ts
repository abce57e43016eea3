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
  return String(f.format(withLocalDigits(message, params, lang)));
}

const numberFormats = new Map<string, Intl.NumberFormat>();
const countArgs = new Map<string, Set<string>>();

/**
 * A message's parameters with every plain number written in the language's
 * digits: ICU MessageFormat fills a bare `{n}` with `String(n)` (Latin
 * digits), so Persian and Bengali would mix ١٢٣ with 123. Numbers a plural or
 * select chooses by are left as numbers (their `#` is formatted already).
 */
export function withLocalDigits<P extends Record<string, unknown>>(message: string, params: P, locale: Locale): P {
  let chosen = countArgs.get(message);
  if (!chosen) countArgs.set(message, (chosen = new Set([...message.matchAll(/\{\s*(\w+)\s*,\s*(?:plural|selectordinal|select|number)\b/g)].map((m) => m[1]!))));
  let out: Record<string, unknown> | undefined;
  for (const [k, v] of Object.entries(params)) {
    if (typeof v !== 'number' || chosen.has(k)) continue;
    const tag = intlLocale(locale);
    let f = numberFormats.get(tag);
    if (!f) numberFormats.set(tag, (f = new Intl.NumberFormat(tag, { useGrouping: false })));
    (out ??= { ...params })[k] = f.format(v);
  }
  return (out ?? params) as P;
}
