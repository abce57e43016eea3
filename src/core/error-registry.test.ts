import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { errorSpec, registeredCodes } from './errors.ts';
import '../services.ts'; // the composition root imports every module, so every module's codes are registered

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'tmp' ? [] : sources(p);
    return /\.ts$/.test(e.name) && !/\.test\.ts$/.test(e.name) ? [p] : [];
  });
}

describe('the error registry', () => {
  it('has every code any source file raises', () => {
    const src = path.resolve(import.meta.dirname, '..');
    const used = new Set(sources(src).flatMap((f) => [...fs.readFileSync(f, 'utf8').matchAll(/AppError\(\s*'([a-z_]+\.[a-z_]+)'/g)].map((m) => m[1]!)));
    expect(used.size).toBeGreaterThan(80);
    expect([...used].filter((c) => !registeredCodes().includes(c))).toEqual([]);
  });

  it.each(registeredCodes())('%s has its message in every language, with the same placeholders, and words for every code it takes', (code) => {
    const spec = errorSpec(code);
    expect(spec.ar.trim()).not.toBe('');
    expect(spec.en.trim()).not.toBe('');
    expect(placeholders(spec.ar)).toEqual(placeholders(spec.en));
    for (const [param, words] of Object.entries(spec.terms ?? {})) {
      expect(placeholders(spec.en), `${param} is a placeholder`).toContain(param);
      for (const [value, byLanguage] of Object.entries(words)) {
        expect(Object.keys(byLanguage).sort(), `${param}.${value}`).toEqual(['ar', 'en']);
        expect(placeholders(byLanguage.ar), `${param}.${value}`).toEqual(placeholders(byLanguage.en));
      }
    }
  });
});
