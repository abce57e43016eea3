import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { IntlMessageFormat } from 'intl-messageformat';
import { intlLocale, type Locale } from '../common/i18n.ts';
import { provideSharedTexts, withLocalDigits } from '../common/texts.ts';

/**
 * The server's texts: API error messages, the words for codes, emails and
 * PDFs, one JSON catalog per language and module (`src/i18n/<language>/<module>.json`),
 * each a few sections (`errors`, `terms`, `emails`, `documents`, …) of ICU
 * MessageFormat messages. A section is merged across the modules' files (a key
 * belongs to one module); `terms` holds named sets of words for codes.
 *
 * English is the source every other language is translated from; a key missing
 * in a language falls back to English (the catalog tests make sure none is).
 */
export type Section = Record<string, string>;
export interface Catalog {
  sections: Record<string, Section>;
  terms: Record<string, Section>;
}

const root = fileURLToPath(new URL('.', import.meta.url));

function readCatalog(locale: Locale): Catalog {
  const catalog: Catalog = { sections: {}, terms: {} };
  const dir = `${root}${locale}`;
  if (!fs.existsSync(dir)) return catalog;
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    const content = JSON.parse(fs.readFileSync(`${dir}/${file}`, 'utf8')) as Record<string, Record<string, unknown>>;
    for (const [section, entries] of Object.entries(content)) {
      if (section === 'terms') {
        for (const [set, words] of Object.entries(entries)) {
          if (catalog.terms[set]) throw new Error(`term set ${set} is defined twice (${locale}/${file})`);
          catalog.terms[set] = words as Section;
        }
        continue;
      }
      const into = (catalog.sections[section] ??= {});
      for (const [key, value] of Object.entries(entries)) {
        if (Object.hasOwn(into, key)) throw new Error(`text ${section}/${key} is defined twice (${locale}/${file})`);
        into[key] = value as string;
      }
    }
  }
  return catalog;
}

const catalogs = new Map<Locale, Catalog>();
/** A language's whole catalog, read once. */
export function catalogOf(locale: Locale): Catalog {
  let c = catalogs.get(locale);
  if (!c) catalogs.set(locale, (c = readCatalog(locale)));
  return c;
}
// The texts the server shares with the web app (src/common/texts.ts) come from these catalogs too.
provideSharedTexts((locale) => catalogOf(locale).sections);


const compiled = new Map<string, IntlMessageFormat>();
function format(locale: Locale, message: string, params: Record<string, unknown>): string {
  const key = `${locale}\u0000${message}`;
  let f = compiled.get(key);
  if (!f) {
    f = new IntlMessageFormat(message, intlLocale(locale), undefined, { ignoreTag: true });
    compiled.set(key, f);
  }
  const out = f.format(withLocalDigits(message, params, locale) as Record<string, string | number>);
  return Array.isArray(out) ? out.join('') : String(out);
}

/** The raw message of `section`/`key` in `locale`, else in English; undefined if neither has it. */
export function messageOf(locale: Locale, section: string, key: string): { message: string; locale: Locale } | undefined {
  for (const l of locale === 'en' ? ['en' as const] : [locale, 'en' as const]) {
    const m = catalogOf(l).sections[section]?.[key];
    if (m !== undefined) return { message: m, locale: l };
  }
  return undefined;
}

/**
 * The text of `section`/`key` in `locale` with its parameters filled in (ICU
 * MessageFormat: `{name}`, `{n, plural, …}`, `{kind, select, …}`).
 *
 * @example translate('fr', 'emails', 'bookings.expired.subject', { title: 'Hajj 1448' })
 */
export function translate(locale: Locale, section: string, key: string, params: Record<string, unknown> = {}): string {
  const found = messageOf(locale, section, key);
  if (!found) throw new Error(`no text ${section}/${key}`);
  return format(found.locale, found.message, params);
}

/** The word for `value` in the term set `set`, else the value itself. */
export function termOf(locale: Locale, set: string, value: string): string | undefined {
  return catalogOf(locale).terms[set]?.[value] ?? catalogOf('en').terms[set]?.[value];
}

/** Formats a term's words (a term may use other parameters, `{package}`). */
export function formatText(locale: Locale, message: string, params: Record<string, unknown>): string {
  return format(locale, message, params);
}
