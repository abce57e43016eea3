import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { drawFileNames, type DrawFiles } from './files.ts';
import { buildVectors, tamperedCase } from './vectors.ts';
import { verifyFiles } from './verify.ts';

const docs = path.resolve(import.meta.dirname, '../../../../docs/algorithms');
const vectors = buildVectors();
const season = (dir: string): DrawFiles => Object.fromEntries(drawFileNames.map((n) => [n, vectors.get(`draw-vectors/${dir}/${n}`)]));
const cases: { name: string; file: string; line?: number; changed: string[] }[] = JSON.parse(vectors.get('draw-vectors/tampered/cases.json')!).cases;
const steps = JSON.parse(vectors.get('draw-vectors/small/steps.json')!);

function committed(dir: string): string[] {
  return fs.readdirSync(path.join(docs, dir), { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => path.relative(docs, path.join(d.parentPath, d.name)).split(path.sep).join('/'));
}

describe('the test vectors of docs/algorithms/draw.md', () => {
  it('are exactly what the code builds, byte for byte (npm run draw:vectors rewrites them)', () => {
    const onDisk = [...committed('draw-vectors'), ...committed('draw-schemas')].sort();
    expect(onDisk).toEqual([...vectors.keys()].sort());
    for (const [name, text] of vectors) expect(fs.readFileSync(path.join(docs, name), 'utf8'), name).toBe(text);
  });

  it.each([['small', 14], ['declared', 6], ['empty', 0]])('verify the %s season as identical, every file published', (dir, entries) => {
    expect(verifyFiles(season(dir))).toMatchObject({ identical: true, stage: 'published', entries });
  });

  it('check the named round\'s signature on the small season, and say a declared value must be checked at its source', () => {
    const small = verifyFiles(season('small'));
    expect(small.identical && small.checks.map((c) => `${c.code}:${c.outcome}`)).toEqual([
      'beacon_known:passed', 'named_round:passed', 'commitment_hash:passed', 'entered_round:passed', 'signature:passed', 'randomness:passed', 'seed:passed',
    ]);
    const declared = verifyFiles(season('declared'));
    expect(declared.identical && declared.checks.map((c) => `${c.code}:${c.outcome}`)).toEqual(['commitment_hash:passed', 'declared_value:unchecked', 'seed:passed']);
  });

  it.each(cases.map((c) => [c.name, c] as const))('catch the tampered case %s at the file and line cases.json names', (_name, c) => {
    expect(c.changed.length).toBeGreaterThan(0);
    const verdict = verifyFiles(tamperedCase(vectors, c.name));
    expect(verdict).toMatchObject({ identical: false, file: c.file });
    if (!verdict.identical) expect(verdict.line).toBe(c.line);
  });

  it('give the worked examples the specification quotes', () => {
    const spec = fs.readFileSync(path.join(docs, 'draw.md'), 'utf8');
    for (const value of [steps.seed, steps.value, steps.order.join(', '), steps.stream[0].words[0], steps.stream[0].block.slice(0, 16), steps.merkleRoot.slice(0, 8)]) expect(spec).toContain(String(value));
    expect(steps.shuffle.slice(0, 3).map((s: { i: number; j: number }) => `(${s.i}↔${s.j})`).join(', ')).toBe('(13↔0), (12↔8), (11↔7)');
    expect(steps.reserves[0].packages.map((p: { reserve: number }) => p.reserve)).toEqual([2, 2, 1]);
    expect(steps.reserves[0].quotas.map((p: { reserve: number }) => p.reserve)).toEqual([3, 2, 1]);
  });
});
