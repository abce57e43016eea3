import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { registeredCodes } from './errors.ts';
import '../services.ts'; // the composition root imports every module, so every module's codes are registered

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
});
