import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../common/draw/canonical-json.ts';
import { drawFileNames, type DrawFileName } from './files.ts';
import { buildVectors } from './vectors.ts';
import { verifyFiles } from './verify.ts';

const vectors = buildVectors();
const small = () => Object.fromEntries(drawFileNames.map((n) => [n, vectors.get(`draw-vectors/small/${n}`)!])) as Record<DrawFileName, string>;
const bytes = (text: string) => new TextEncoder().encode(text);
const edited = (name: DrawFileName, change: (text: string) => string | Uint8Array | undefined) => {
  const files: Partial<Record<DrawFileName, string | Uint8Array>> = small();
  const next = change(files[name] as string);
  if (next === undefined) delete files[name];
  else files[name] = next;
  return verifyFiles(files);
};
const commitmentWith = (change: (c: { algorithm: string; entryCount: number; randomness: { publicKey: string; chain: string; roundTime: string } }) => void) => (text: string) => {
  const c = JSON.parse(text);
  change(c);
  return canonicalJson(c);
};

describe('verifying a draw reads bytes, and the first difference names the file and line', () => {
  it.each<[string, DrawFileName, (text: string) => string | Uint8Array | undefined, string, number?]>([
    ['a byte-order mark before the commitment', 'commitment.json', (t) => `\ufeff${t}`, 'commitment.json'],
    ['a line feed after the parameters', 'parameters.json', (t) => `${t}\n`, 'parameters.json'],
    ['bytes that are not UTF-8 in the entries', 'entries.ndjson', (t) => new Uint8Array([...bytes(t).slice(0, 20), 0xff, ...bytes(t).slice(20)]), 'entries.ndjson'],
    ['carriage returns in the entries', 'entries.ndjson', (t) => t.replaceAll('\n', '\r\n'), 'entries.ndjson', 1],
    ['entries whose last line has no line feed', 'entries.ndjson', (t) => t.slice(0, -1), 'entries.ndjson', 14],
    ['results whose last line has no line feed', 'results.ndjson', (t) => t.slice(0, -1), 'results.ndjson', 14],
    ['a result line missing', 'results.ndjson', (t) => t.split('\n').slice(1).join('\n'), 'results.ndjson', 1],
    ['the last result line missing', 'results.ndjson', (t) => `${t.split('\n').slice(0, -2).join('\n')}\n`, 'results.ndjson', 14],
    ['a result counting places from 0', 'results.ndjson', (t) => t.replace('"place":1,', '"place":0,'), 'results.ndjson', 1],
    ['the parameters missing', 'parameters.json', () => undefined, 'parameters.json'],
    ['the commitment of another algorithm', 'commitment.json', commitmentWith((c) => (c.algorithm = 'manasik-draw/1')), 'commitment.json'],
    ['a commitment that brings its own beacon key', 'commitment.json', commitmentWith((c) => (c.randomness.publicKey = c.randomness.publicKey.replace(/^83/, '93'))), 'commitment.json'],
    ['a commitment that names an unknown beacon', 'commitment.json', commitmentWith((c) => (c.randomness.chain = 'mainnet')), 'commitment.json'],
    ['a commitment whose round time is wrong', 'commitment.json', commitmentWith((c) => (c.randomness.roundTime = '2023-09-15T11:00:00.000Z')), 'commitment.json'],
    ['a commitment with an integer past 2⁵³', 'commitment.json', (t) => t.replace('"entryCount":14', '"entryCount":90071992547409930'), 'commitment.json'],
    ['a seed file for another commitment', 'seed.json', (t) => t.replace(/"commitmentHash":"[0-9a-f]{64}"/, `"commitmentHash":"${'0'.repeat(64)}"`), 'seed.json'],
  ])('%s', (_name, file, change, differs, line) => {
    const verdict = edited(file, change);
    expect(verdict).toMatchObject({ identical: false, file: differs });
    if (!verdict.identical) expect(verdict.line).toBe(line);
  });

  it('checks the freeze\'s files alone, before the value exists, and then with the value', () => {
    expect(edited('seed.json', () => undefined)).toMatchObject({ identical: false, file: 'results.ndjson', difference: 'results.ndjson: is published without seed.json' });
    const frozen = small() as Partial<Record<DrawFileName, string>>;
    delete frozen['seed.json'];
    delete frozen['results.ndjson'];
    expect(verifyFiles(frozen)).toMatchObject({ identical: true, stage: 'committed', entries: 14, seed: null, checks: [{ code: 'beacon_known' }, { code: 'named_round' }] });
    expect(edited('results.ndjson', () => undefined)).toMatchObject({ identical: true, stage: 'seeded', winners: null });
  });

  it('says which file differs and what, on the first line a verifier prints', () => {
    const verdict = edited('results.ndjson', (t) => t.replace('"rank":1,', '"rank":2,'));
    expect(verdict.identical || verdict.difference).toMatch(/^results\.ndjson line 1: expected \{"id":"a0000000-0000-4000-8000-000000000007".*"rank":1,.*\}, found \{.*"rank":2,/);
  });
});
