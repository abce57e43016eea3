import fs from 'node:fs';
import path from 'node:path';
import { IntlMessageFormat } from 'intl-messageformat';
import { intlLocale, isLocale, type Locale } from '../src/common/i18n.ts';

const root = new URL('../web/src/i18n/', import.meta.url).pathname;

/** True when the web app has texts in `language` (web/src/i18n/<language>/). */
export const hasWebTexts = (language: string) => fs.existsSync(path.join(root, language, 'common.json'));

type Tree = { [key: string]: string | Tree };
function flatten(tree: Tree, prefix: string, out: Map<string, string>) {
  for (const [k, v] of Object.entries(tree)) {
    if (typeof v === 'string') {
      if (!out.has(`${prefix}${k}`)) out.set(`${prefix}${k}`, v);
    } else flatten(v, `${prefix}${k}.`, out);
  }
}

/**
 * The web app's texts in `language`, read from its catalogs at test time (so a
 * test finds what a reader of that language sees, never a copy of it), as a
 * `t(key, params)` that formats ICU MessageFormat as the app does. Keys are
 * the app's (`signIn.title`): every namespace is a fallback of every other.
 */
export function webTexts(language: Locale) {
  const all = new Map<string, string>();
  for (const file of fs.readdirSync(path.join(root, language)).filter((f) => f.endsWith('.json')).sort()) {
    flatten(JSON.parse(fs.readFileSync(path.join(root, language, file), 'utf8')) as Tree, '', all);
  }
  const locale = isLocale(language) ? intlLocale(language) : language;
  return function t(key: string, params: Record<string, string | number> = {}): string {
    const message = all.get(key);
    if (message === undefined) throw new Error(`no text "${key}" in web/src/i18n/${language}`);
    return String(new IntlMessageFormat(message, locale).format(params));
  };
}
export type Texts = ReturnType<typeof webTexts>;
