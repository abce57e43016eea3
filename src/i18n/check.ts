import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';

/**
 * The rules every translated catalog keeps, shared by the tests and by
 * `npm run i18n:check`: the same keys as English, messages that parse as ICU
 * MessageFormat, the same parameters as English, and every plural category
 * the language has (CLDR, as `Intl.PluralRules` reports it).
 */
export type Tree = { [key: string]: string | Tree };

/** `a.b.c` → message, for a nested catalog. */
export function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    if (typeof v === 'string') out.set(prefix + k, v);
    else for (const [kk, vv] of flatten(v, `${prefix}${k}.`)) out.set(kk, vv);
  }
  return out;
}

/** The names of a message's parameters, with the kind of each (`name`, `count:plural`). */
export function parametersOf(message: string): string[] {
  const found = new Set<string>();
  const walk = (els: MessageFormatElement[]) => {
    for (const el of els) {
      if (el.type === TYPE.argument) found.add(el.value);
      else if (el.type === TYPE.number || el.type === TYPE.date || el.type === TYPE.time) found.add(el.value);
      else if (el.type === TYPE.plural || el.type === TYPE.select) {
        found.add(`${el.value}:${el.type === TYPE.plural ? 'plural' : 'select'}`);
        for (const o of Object.values(el.options)) walk(o.value);
      } else if (el.type === TYPE.tag) walk(el.children);
    }
  };
  walk(parse(message, { ignoreTag: true }));
  return [...found].sort();
}

/** The plural categories each plural of the message lists. */
function pluralCategories(message: string): string[][] {
  const out: string[][] = [];
  const walk = (els: MessageFormatElement[]) => {
    for (const el of els) {
      if (el.type === TYPE.plural) {
        out.push(Object.keys(el.options).filter((k) => !k.startsWith('=')));
        for (const o of Object.values(el.options)) walk(o.value);
      } else if (el.type === TYPE.select) for (const o of Object.values(el.options)) walk(o.value);
    }
  };
  walk(parse(message, { ignoreTag: true }));
  return out;
}

/** What is wrong with `other` (language `locale`) against the English catalog. */
export function catalogProblems(english: Map<string, string>, other: Map<string, string>, locale: string): string[] {
  const problems: string[] = [];
  const needed = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
  for (const key of english.keys()) if (!other.has(key)) problems.push(`${locale}: missing ${key}`);
  for (const [key, message] of other) {
    const source = english.get(key);
    if (source === undefined) { problems.push(`${locale}: ${key} is not in English`); continue; }
    if (message.trim() === '' && source.trim() !== '') { problems.push(`${locale}: ${key} is empty`); continue; }
    let params: string[];
    try { params = parametersOf(message); } catch (e) { problems.push(`${locale}: ${key} is not ICU MessageFormat (${(e as Error).message})`); continue; }
    const expected = parametersOf(source);
    if (params.join() !== expected.join()) problems.push(`${locale}: ${key} has parameters ${params.join(' ')} but English has ${expected.join(' ')}`);
    for (const cats of pluralCategories(message)) {
      const missing = needed.filter((c) => !cats.includes(c));
      if (missing.length) problems.push(`${locale}: ${key} lacks the plural forms ${missing.join(', ')}`);
    }
  }
  return problems;
}
