import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { drawFileNames } from './domain/files.ts';
import { simulateSeason } from './domain/simulate.ts';
import { buildVectors, tamperedCase } from './domain/vectors.ts';
import { verifyFiles } from './domain/verify.ts';

/**
 * The second implementation (tools/verify-draw/verify.py, Python, written from
 * docs/algorithms/draw.md) and the platform's own verifier must agree on every
 * test vector and on a generated season: both IDENTICAL, or both DIFFERENT at
 * the same file and line.
 */
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'manasik-verifiers-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));
const vectors = buildVectors();
const cases: { name: string; file: string; line?: number; onlyTheSignatureTells?: boolean }[] = JSON.parse(vectors.get('draw-vectors/tampered/cases.json')!).cases;

function folder(name: string, files: Partial<Record<string, string | Uint8Array>>) {
  const dir = path.join(work, name);
  fs.mkdirSync(dir, { recursive: true });
  for (const [file, text] of Object.entries(files)) if (text !== undefined) fs.writeFileSync(path.join(dir, file), text);
  return dir;
}

/** The first line a verifier prints, as file and line; and the whole output. */
function verdictOf(stdout: string) {
  const first = stdout.split('\n')[0]!;
  const m = /^DIFFERENT: ([a-z]+\.[a-z]+)(?: line (\d+))?: /.exec(first);
  return { verdict: first === 'IDENTICAL' ? 'IDENTICAL' : m ? `DIFFERENT ${m[1]}${m[2] ? ` line ${m[2]}` : ''}` : `unreadable: ${first}`, stdout };
}
const python = (dir: string) => {
  const run = spawnSync('python3', ['tools/verify-draw/verify.py', dir], { encoding: 'utf8' });
  expect(run.stderr).toBe('');
  expect(run.status).toBe(run.stdout.startsWith('IDENTICAL') ? 0 : 1);
  return verdictOf(run.stdout);
};
const manasik = (dir: string) => {
  const run = spawnSync(process.execPath, ['bin/manasik.mjs', 'draw', 'verify', dir], { encoding: 'utf8' });
  expect(run.status).toBe(run.stdout.startsWith('IDENTICAL') ? 0 : 1);
  return verdictOf(run.stdout);
};
const inProcess = (files: Parameters<typeof verifyFiles>[0]) => {
  const v = verifyFiles(files);
  return v.identical ? 'IDENTICAL' : `DIFFERENT ${v.file}${v.line ? ` line ${v.line}` : ''}`;
};

describe('the Python verifier and `manasik draw verify` agree', () => {
  it.each(['small', 'declared', 'empty'])('on the %s vector: IDENTICAL', (name) => {
    const files = Object.fromEntries(drawFileNames.map((n) => [n, vectors.get(`draw-vectors/${name}/${n}`)]));
    expect(inProcess(files)).toBe('IDENTICAL');
    const py = python(folder(name, files));
    expect(py.verdict).toBe('IDENTICAL');
    expect(py.stdout).toContain(name === 'declared' ? 'NOT CHECKED HERE: the declared value' : 'NOT CHECKED HERE: the round\'s BLS12-381 signature');
  });

  it.each(cases.map((c) => [c.name, c] as const))('on the tampered vector %s: the same first difference', (_name, c) => {
    const files = tamperedCase(vectors, c.name);
    const expected = `DIFFERENT ${c.file}${c.line ? ` line ${c.line}` : ''}`;
    expect(inProcess(files)).toBe(expected);
    const py = python(folder(`tampered-${c.name}`, files));
    if (c.onlyTheSignatureTells) {
      // Python's standard library cannot check a BLS signature: it says so instead.
      expect(py.verdict).toBe('IDENTICAL');
      expect(py.stdout).toContain('NOT CHECKED HERE: the round\'s BLS12-381 signature');
    } else {
      expect(py.verdict).toBe(expected);
    }
  });

  describe('on a generated season (20,000 families, a 29 % first-time share)', () => {
    const season = simulateSeason({ families: 20_000, packages: 30, shareBps: 2900, seed: 'ci' });
    const dir = folder('season', season.files);
    const lines = (text: string) => text.slice(0, -1).split('\n');
    const join = (l: string[]) => `${l.join('\n')}\n`;

    it('both say IDENTICAL, with the same root, seed and winners; the platform checks the signature', () => {
      const [ts, py] = [manasik(dir), python(dir)];
      expect([ts.verdict, py.verdict]).toEqual(['IDENTICAL', 'IDENTICAL']);
      const summary = (out: string) => out.split('\n')[1]!.replace(/ \([0-9.]+ s\)$/, '');
      expect(summary(ts.stdout)).toBe(summary(py.stdout));
      expect(ts.stdout).toContain('checked: the signature of round 657413 verifies against quicknet\'s public key');
    });

    it.each<[string, (f: typeof season.files) => Partial<typeof season.files>]>([
      ['a flipped result', (f) => {
        const l = lines(f['results.ndjson']);
        const k = l.findIndex((x, i) => i > 1000 && x.includes('"outcome":"won"'));
        l[k] = l[k]!.replace(/"outcome":"won","package":"[^"]+","phase":"[a-z_]+"(.*)"rank":\d+,"waitlist":null/, '"outcome":"waiting","package":null,"phase":null$1"rank":null,"waitlist":1');
        return { 'results.ndjson': join(l) };
      }],
      ['a reordered entry', (f) => {
        const l = lines(f['entries.ndjson']);
        [l[7000], l[7001]] = [l[7001]!, l[7000]!];
        return { 'entries.ndjson': join(l) };
      }],
      ['a changed value', (f) => {
        const s = JSON.parse(f['seed.json']);
        s.value = s.value.replace(/^./, (c: string) => (c === '0' ? '1' : '0'));
        return { 'seed.json': JSON.stringify(s) };
      }],
    ])('both say DIFFERENT at the same place on %s', (name, tamper) => {
      const files = { ...season.files, ...tamper(season.files) };
      const ts = inProcess(files);
      expect(ts).toMatch(/^DIFFERENT /);
      expect(python(folder(`season-${name.replaceAll(' ', '-')}`, files)).verdict).toBe(ts);
    });
  });
}, 120_000);
