import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { locales } from '../common/i18n.ts';
import { errorSpec, registeredCodes } from '../core/errors.ts';
import { catalogProblems, flatten, parametersOf, type Tree } from './check.ts';
import { catalogOf } from './catalog.ts';
import '../services.ts'; // the composition root imports every module, so every module's codes are registered

const root = path.resolve(import.meta.dirname);
function catalogFiles(locale: string): Map<string, string> {
  const out = new Map<string, string>();
  const dir = path.join(root, locale);
  if (!fs.existsSync(dir)) return out;
  for (const f of fs.readdirSync(dir).filter((x) => x.endsWith('.json')).sort())
    for (const [k, v] of flatten(JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as Tree, `${f}:`)) out.set(k, v);
  return out;
}
function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts') ? [p] : [];
  });
}

describe('the server catalogs (src/i18n/<language>/*.json)', () => {
  const english = catalogFiles('en');

  it('English messages are ICU MessageFormat', () => {
    expect(english.size).toBeGreaterThan(300);
    expect(catalogProblems(english, english, 'en')).toEqual([]);
  });

  it.each(locales.filter((l) => l !== 'en'))('%s has every key, none empty, with the same parameters and its own plural forms', (locale) => {
    expect(catalogProblems(english, catalogFiles(locale), locale)).toEqual([]);
  });

  it.each(registeredCodes())('error %s has its message, and words for every code it takes', (code) => {
    const message = catalogOf('en').sections.errors?.[code];
    expect(message, code).toBeDefined();
    for (const [param, set] of Object.entries(errorSpec(code).terms ?? {})) {
      expect(parametersOf(message!), `${param} is a placeholder`).toContain(param);
      expect(catalogOf('en').terms[set.name], set.name).toBeDefined();
    }
  });

  it('every text the code names literally exists in English', () => {
    const missing: string[] = [];
    const src = path.resolve(root, '..');
    const web = path.resolve(root, '../../web/src');
    const en = catalogOf('en');
    for (const file of [...sources(src), ...sources(web)]) {
      const text = fs.readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\b(?:translate|sharedText)\(\s*\w+,\s*'([\w-]+)',\s*'([\w.-]+)'/g)) {
        if (en.sections[m[1]!]?.[m[2]!] === undefined) missing.push(`${path.relative(src, file)}: ${m[1]}/${m[2]}`);
      }
      for (const m of text.matchAll(/\btermSet\('([\w.-]+)'\)/g)) if (!en.terms[m[1]!]) missing.push(`${path.relative(src, file)}: terms/${m[1]}`);
    }
    expect(missing).toEqual([]);
  });
});
