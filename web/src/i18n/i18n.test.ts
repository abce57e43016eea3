import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { messageOf } from '../../../src/i18n/catalog.ts';
import { typeNames, validationMessages } from '../../../src/common/validation-messages.ts';
import { namespaces } from './namespaces.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const languages = ['ar', 'en'] as const;
const pluralSuffix = /_(zero|one|two|few|many|other)$/;

type Tree = { [k: string]: string | Tree };
const load = (lang: string, ns: string): Tree => JSON.parse(fs.readFileSync(path.join(here, lang, `${ns}.json`), 'utf8')) as Tree;

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    if (typeof v === 'string') out.set(`${prefix}${k}`, v);
    else for (const [kk, vv] of flatten(v, `${prefix}${k}.`)) out.set(kk, vv);
  }
  return out;
}

/** Every text of a language, by key across namespaces, plural forms folded into their base key. */
function texts(lang: string) {
  const all = new Map<string, string[]>();
  for (const ns of namespaces) {
    for (const [k, v] of flatten(load(lang, ns))) {
      const base = k.replace(pluralSuffix, '');
      all.set(base, [...(all.get(base) ?? []), v]);
    }
  }
  return all;
}

function placeholders(text: string) {
  return [...new Set([...text.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1]))].filter((p) => p !== 'count').sort();
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts') ? [p] : [];
  });
}

describe('translations', () => {
  const byLang = Object.fromEntries(languages.map((l) => [l, texts(l)])) as Record<(typeof languages)[number], Map<string, string[]>>;

  it.each(languages)('the web app has every key of every language in %s, none empty', (lang) => {
    const union = new Set(languages.flatMap((l) => [...byLang[l].keys()]));
    expect([...union].filter((k) => !byLang[lang].has(k))).toEqual([]);
    expect([...byLang[lang]].filter(([, vs]) => vs.some((v) => v.trim() === '')).map(([k]) => k)).toEqual([]);
  });

  it('Arabic counts have the forms Arabic plural rules need (ICU: zero, one, two, few, many, other)', () => {
    for (const ns of namespaces) {
      const keys = [...flatten(load('ar', ns)).keys()].filter((k) => pluralSuffix.test(k));
      const bases = new Set(keys.map((k) => k.replace(pluralSuffix, '')));
      for (const base of bases) {
        for (const form of ['zero', 'one', 'two', 'few', 'many', 'other']) expect(keys, `${ns}: ${base}`).toContain(`${base}_${form}`);
      }
    }
  });

  it('says every count with the language\'s plural forms (a text with {{count}} has them)', () => {
    for (const lang of languages) {
      for (const ns of namespaces) {
        const bare = [...flatten(load(lang, ns))].filter(([k, v]) => v.includes('{{count}}') && !pluralSuffix.test(k)).map(([k]) => `${ns}: ${k}`);
        expect(bare, lang).toEqual([]);
      }
    }
  });

  it('uses the same placeholders in every language', () => {
    for (const [key, en] of byLang.en) {
      const ar = byLang.ar.get(key) ?? [];
      expect(placeholders(ar.join(' ')), key).toEqual(placeholders(en.join(' ')));
    }
  });

  it('every key the pages name literally exists', () => {
    const missing: string[] = [];
    for (const file of sourceFiles(path.join(here, '..'))) {
      const source = fs.readFileSync(file, 'utf8');
      for (const m of source.matchAll(/\bt\(\s*'([A-Za-z][\w.]*)'/g)) {
        if (!byLang.en.has(m[1]!)) missing.push(`${path.relative(here, file)}: ${m[1]}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('names every audit action the server writes (src/**: action literals)', () => {
    const root = path.join(here, '../../../src');
    const written = new Set<string>();
    for (const file of sourceFiles(root)) {
      const source = fs.readFileSync(file, 'utf8');
      for (const m of source.matchAll(/action:([^,}\n]*)/g)) for (const l of m[1]!.matchAll(/'([a-z_]+\.[a-z_]+)'/g)) written.add(l[1]!);
      for (const m of source.matchAll(/save\(ctx, season, '([a-z_]+\.[a-z_]+)'/g)) written.add(m[1]!);
    }
    // Actions built from a status: every status they take.
    for (const s of ['authorized', 'succeeded', 'failed']) written.add(`payment.${s}`);
    for (const s of ['expired', 'declined', 'cancelled']) written.add(`booking.${s}`);
    for (const s of ['approved', 'rejected']) written.add(`document.${s}`);
    for (const s of ['licensed', 'rejected', 'suspended', 'reinstated']) written.add(`provider.${s}`);
    for (const s of ['published', 'closed']) written.add(`package.${s}`);
    for (const s of ['acknowledge', 'send_to_provider', 'respond', 'ask_pilgrim', 'pilgrim_replies', 'escalate', 'resolve', 'close', 'reopen']) written.add(`complaint.${s}`);
    expect(written.size).toBeGreaterThan(40);
    for (const lang of languages) expect([...written].filter((a) => !byLang[lang].has(`audit.actions.${a}`)), lang).toEqual([]);
  });

  it('every validation message and type name exists in every language', () => {
    for (const table of [validationMessages, typeNames]) {
      for (const [key, spec] of Object.entries(table)) {
        expect(Object.keys(spec).sort(), key).toEqual(['ar', 'en']);
        expect(placeholders(spec.ar), key).toEqual(placeholders(spec.en));
      }
    }
  });

  it('every account email exists in every language', () => {
    for (const template of ['verify_email', 'reset_password', 'invite']) {
      for (const lang of languages) {
        for (const part of ['subject', 'text']) expect(messageOf(lang, 'emails', `accounts.${template}.${part}`)?.locale, `${template}.${part}`).toBe(lang);
      }
    }
  });
});
