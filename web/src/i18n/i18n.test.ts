import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { locales } from '../../../src/common/i18n.ts';
import { catalogProblems, flatten, type Tree } from '../../../src/i18n/check.ts';
import { namespaces } from './namespaces.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const load = (lang: string, ns: string): Tree => JSON.parse(fs.readFileSync(path.join(here, lang, `${ns}.json`), 'utf8')) as Tree;
const exists = (lang: string, ns: string) => fs.existsSync(path.join(here, lang, `${ns}.json`));

/** Every text of a language, by key across namespaces. */
function texts(lang: string) {
  const all = new Map<string, string>();
  for (const ns of namespaces) if (exists(lang, ns)) for (const [k, v] of flatten(load(lang, ns))) all.set(k, v);
  return all;
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts') ? [p] : [];
  });
}

describe('translations', () => {
  const byLang = new Map(locales.map((l) => [l, texts(l)] as const));
  const english = byLang.get('en')!;

  it('English texts are ICU MessageFormat messages', () => {
    expect(catalogProblems(english, english, 'en')).toEqual([]);
  });

  it.each(locales.filter((l) => l !== 'en'))('%s has every key of the web app, none empty, with the same parameters and its own plural forms', (lang) => {
    for (const ns of namespaces) expect(exists(lang, ns), `${lang}/${ns}.json`).toBe(true);
    expect(catalogProblems(english, byLang.get(lang)!, lang)).toEqual([]);
  });

  it('every key the pages name literally exists', () => {
    const missing: string[] = [];
    for (const file of sourceFiles(path.join(here, '..'))) {
      const source = fs.readFileSync(file, 'utf8');
      for (const m of source.matchAll(/\bt\(\s*'([A-Za-z][\w.]*)'/g)) {
        if (!english.has(m[1]!)) missing.push(`${path.relative(here, file)}: ${m[1]}`);
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
    expect([...written].filter((a) => !english.has(`audit.actions.${a}`))).toEqual([]);
  });
});
