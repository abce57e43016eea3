/**
 * Checks the translated catalogs against English (web and server): missing or
 * extra keys, ICU syntax, parameters, plural forms. `npm run i18n:check [language …]`.
 */
import fs from 'node:fs';
import { catalogProblems, flatten, type Tree } from '../src/i18n/check.ts';
import { locales } from '../src/common/i18n.ts';

const read = (p: string): Tree => JSON.parse(fs.readFileSync(p, 'utf8')) as Tree;
function catalog(dir: string, locale: string): Map<string, string> {
  const out = new Map<string, string>();
  const d = `${dir}/${locale}`;
  if (!fs.existsSync(d)) return out;
  for (const f of fs.readdirSync(d).filter((x) => x.endsWith('.json')).sort())
    for (const [k, v] of flatten(read(`${d}/${f}`), `${f.replace(/\.json$/, '')}:`)) out.set(k, v);
  return out;
}
const wanted = process.argv.slice(2).length ? process.argv.slice(2) : locales.filter((l) => l !== 'en');
let total = 0;
for (const dir of ['web/src/i18n', 'src/i18n']) {
  const english = catalog(dir, 'en');
  for (const locale of wanted) {
    const problems = catalogProblems(english, catalog(dir, locale), locale);
    total += problems.length;
    console.log(`${dir} ${locale}: ${problems.length ? `${problems.length} problems` : 'complete'}`);
    for (const p of problems.slice(0, 40)) console.log(`  ${p}`);
    if (problems.length > 40) console.log(`  … and ${problems.length - 40} more`);
  }
}
process.exitCode = total ? 1 : 0;
