import { hash } from 'node:crypto';
import { quicknet } from '../../../common/draw/beacon.ts';
import { canonicalJson } from '../../../common/draw/canonical-json.ts';
import { portableHasher } from '../../../common/draw/merkle.ts';
import { drawOrder, drawSeed, randomStream } from '../../../common/draw/randomness.ts';
import { OPEN_PHASE, reserveOf, type DrawParameters } from './allocate.ts';
import { canonicalRecord, type DrawEntry } from './entries.ts';
import { drawFileNames, seedFile, type DrawFileName, type DrawFiles, type SeedFile } from './files.ts';
import { fileSchemas, schemaDocument, type SchemaName } from './file-schemas.ts';
import { freezeInstantFor, knownSignature } from './known-rounds.ts';
import { namedSource, publishAll, seedOf, resultsFile, type EnteredValue } from './publish.ts';
import { computeDraw, entriesRoot } from './publication.ts';

/**
 * The test vectors of docs/algorithms/draw.md (docs/algorithms/draw-vectors/):
 * small seasons with every intermediate value, and tampered copies with the
 * difference a verifier must report. `npm run draw:vectors` writes them; the
 * tests rebuild them and fail when the committed files differ, then run the
 * verifier on each.
 */
const pkg = (n: number) => `b0000000-0000-4000-8000-00000000000${n}`;
const app = (n: number) => `a0000000-0000-4000-8000-0000000000${String(n).padStart(2, '0')}`;
const smallEntries: DrawEntry[] = [
  [1, 2, 'FR', [1, 2], 'first_time'], [2, 1, 'GB', [2], 'general'], [3, 4, 'FR', [1, 3, 2], 'general'],
  [4, 3, 'SN', [3, 1], 'first_time'], [5, 2, 'GB', [1], 'first_time'], [6, 1, 'FR', [2, 1], 'general'],
  [7, 5, 'GB', [2, 3], 'general'], [8, 2, 'SN', [1, 2, 3], 'first_time'], [9, 3, 'FR', [3], 'first_time'],
  [10, 1, 'GB', [1, 3], 'general'], [11, 2, 'FR', [2], 'first_time'], [12, 6, 'FR', [1, 2], 'general'],
  [13, 1, 'SN', [2, 1], 'general'], [14, 2, 'GB', [3, 2, 1], 'first_time'],
].map(([id, size, country, choices, pool]) => ({ applicationId: app(id as number), familySize: size as number, country: country as string, choices: (choices as number[]).map(pkg), pool: pool as string }));
const smallParameters: DrawParameters = {
  packages: [{ id: pkg(1), seats: 10 }, { id: pkg(2), seats: 7 }, { id: pkg(3), seats: 5 }],
  pools: [{ code: 'first_time', shareBps: 2900 }, { code: 'general' }],
  quotas: [{ country: 'FR', seats: 12 }, { country: 'GB', seats: 8 }, { country: 'SN', seats: 4 }],
};
const ROUND = 657413;
const DELAY = 600;
/** Frozen 1.5 s before the moment that makes round 657413 (2023-09-15T11:00:03Z) the first round after the freeze plus ten minutes. */
const frozenAtMs = freezeInstantFor(ROUND, DELAY) - 1500;
const drand: EnteredValue = { kind: 'drand', round: ROUND, signature: knownSignature(ROUND) };

function season(entries: DrawEntry[], parameters: DrawParameters, source: 'drand' | 'declared', entered: EnteredValue = drand) {
  const named = source === 'drand'
    ? namedSource({ kind: 'drand', chain: quicknet, delaySeconds: DELAY }, frozenAtMs)
    : namedSource({ kind: 'declared', description: 'The six winning numbers of the national lottery drawn on 2023-09-16, in the order drawn, two digits each, separated by single spaces', notBefore: new Date('2023-09-16T18:00:00.000Z') }, frozenAtMs);
  return publishAll({ season: '1445H', frozenAtMs, entries, parameters, source: named, entered });
}

/** Every intermediate value of the small season, for an implementer to compare step by step. */
function steps(entries: DrawEntry[], parameters: DrawParameters, value: string) {
  const lines = entries.map(canonicalRecord);
  const levels: Uint8Array[][] = [lines.map((l) => portableHasher.leaf(l))];
  while (levels.at(-1)!.length > 1) {
    const level = levels.at(-1)!;
    const up: Uint8Array[] = [];
    for (let i = 0; i < level.length; i += 2) up.push(i + 1 < level.length ? portableHasher.node(level[i]!, level[i + 1]!) : level[i]!);
    levels.push(up);
  }
  const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
  const root = entriesRoot(entries);
  const seed = drawSeed(root, value);
  const blocks = [0, 1, 2].map((k) => {
    const input = Buffer.concat([Buffer.from(seed, 'hex'), Buffer.alloc(8)]);
    input.writeBigUInt64BE(BigInt(k), 32);
    const block = hash('sha256', input, 'buffer');
    return { counter: k, input: input.toString('hex'), block: block.toString('hex'), words: Array.from({ length: 8 }, (_, w) => block.readUInt32BE(4 * w)) };
  });
  const stream = randomStream(seed);
  const swaps = [];
  for (let i = entries.length - 1; i > 0; i--) swaps.push({ i, bound: i + 1, j: stream.below(i + 1) });
  const reserved = parameters.pools.filter((p) => p.shareBps !== undefined);
  return {
    records: lines,
    leaves: levels[0]!.map(hex),
    levels: levels.map((l) => l.map(hex)),
    merkleRoot: root,
    value,
    seed,
    stream: blocks,
    shuffle: swaps,
    order: Array.from(drawOrder(seed, entries.length)),
    reserves: reserved.map((p) => ({
      pool: p.code, shareBps: p.shareBps,
      packages: parameters.packages.map((x) => ({ id: x.id, seats: x.seats, reserve: reserveOf(p.shareBps!, x.seats) })),
      quotas: parameters.quotas.map((q) => ({ country: q.country, seats: q.seats, reserve: reserveOf(p.shareBps!, q.seats) })),
    })),
    phases: [...reserved.map((p) => p.code), OPEN_PHASE],
  };
}

type Texts = Record<DrawFileName, string>;
/**
 * A change a cheat could make; `edit` answers the line the first difference is on, where there is one.
 * `bls`: only the beacon's signature can tell (a verifier without BLS12-381 says IDENTICAL and that it did not check it).
 */
type Tamper = { name: string; why: string; file: DrawFileName; bls?: true; edit: (f: Texts) => number | void };

/** Each tampered copy changes one thing the way a cheat would, keeping what else it can consistent. */
function tampers(): Tamper[] {
  const linesOf = (text: string) => text.slice(0, -1).split('\n');
  const swapLines = (text: string, a: number, b: number) => {
    const lines = linesOf(text);
    [lines[a], lines[b]] = [lines[b]!, lines[a]!];
    return `${lines.join('\n')}\n`;
  };
  const editLine = (text: string, n: number, change: (line: string) => string) => {
    const lines = linesOf(text);
    lines[n - 1] = change(lines[n - 1]!);
    return `${lines.join('\n')}\n`;
  };
  /** A value entered for the commitment, and the seed and results recomputed from it as a cheat would. */
  const reseeded = (f: Texts, entered: EnteredValue, forge?: (s: ReturnType<typeof seedOf>) => void) => {
    const commitment = JSON.parse(f['commitment.json']);
    const seed = seedOf(commitment, entered);
    forge?.(seed);
    seed.seed = drawSeed(commitment.merkleRoot, seed.value);
    f['seed.json'] = seedFile(seed);
    f['results.ndjson'] = resultsFile(computeDraw(smallEntries, smallParameters, seed.value).placements, smallEntries);
  };
  return [
    {
      name: 'flipped-result', why: 'the first family that won is listed as waiting', file: 'results.ndjson',
      edit: (f) => {
        const line = linesOf(f['results.ndjson']).findIndex((l) => l.includes('"outcome":"won"')) + 1;
        f['results.ndjson'] = editLine(f['results.ndjson'], line, (l) => l.replace(/"outcome":"won","package":"[^"]+","phase":"[a-z_]+"(.*)"rank":\d+,"waitlist":null/, '"outcome":"waiting","package":null,"phase":null$1"rank":null,"waitlist":1'));
        return line;
      },
    },
    { name: 'swapped-results', why: 'the first two families in the draw order swapped their places', file: 'results.ndjson', edit: (f) => { f['results.ndjson'] = swapLines(f['results.ndjson'], 0, 1); return 1; } },
    { name: 'extra-result', why: 'a result line added at the end', file: 'results.ndjson', edit: (f) => { f['results.ndjson'] += `${linesOf(f['results.ndjson'])[0]}\n`; return smallEntries.length + 1; } },
    { name: 'reordered-entry', why: 'lines 3 and 4 of the entries swapped', file: 'entries.ndjson', edit: (f) => { f['entries.ndjson'] = swapLines(f['entries.ndjson'], 2, 3); return 4; } },
    { name: 'altered-entry', why: 'a family\'s size changed after the freeze (the line is still valid: only the hash can tell)', file: 'entries.ndjson', edit: (f) => void (f['entries.ndjson'] = editLine(f['entries.ndjson'], 2, (l) => l.replace('"size":1', '"size":2'))) },
    { name: 'dropped-entry', why: 'the last entry removed', file: 'entries.ndjson', edit: (f) => void (f['entries.ndjson'] = `${linesOf(f['entries.ndjson']).slice(0, -1).join('\n')}\n`) },
    { name: 'blank-line', why: 'an empty line inserted after line 5 of the entries', file: 'entries.ndjson', edit: (f) => { f['entries.ndjson'] = editLine(f['entries.ndjson'], 5, (l) => `${l}\n`); return 6; } },
    { name: 'changed-seats', why: 'a package given one more seat than was frozen', file: 'parameters.json', edit: (f) => void (f['parameters.json'] = f['parameters.json'].replace('"seats":10', '"seats":11')) },
    {
      name: 'reordered-parameters', why: 'the parameters written with their keys in another order (the same values, other bytes)', file: 'parameters.json',
      edit: (f) => {
        const { packages, pools, quotas } = JSON.parse(f['parameters.json']) as DrawParameters;
        f['parameters.json'] = JSON.stringify({ pools, quotas: quotas.map((q) => ({ seats: q.seats, country: q.country })), packages });
      },
    },
    { name: 'pretty-commitment', why: 'the commitment re-serialised with spaces (not its canonical bytes)', file: 'commitment.json', edit: (f) => void (f['commitment.json'] = JSON.stringify(JSON.parse(f['commitment.json']), null, 1)) },
    {
      name: 'later-round', why: 'the commitment names the round after the one the rule gives', file: 'commitment.json',
      edit: (f) => {
        const c = JSON.parse(f['commitment.json']);
        c.randomness.round += 1;
        f['commitment.json'] = canonicalJson(c);
        reseeded(f, drand);
      },
    },
    { name: 'other-round', why: 'a real signature of another round (3) entered, and the seed and results recomputed from it', file: 'seed.json', edit: (f) => reseeded(f, { kind: 'drand', round: 3, signature: knownSignature(3) }) },
    { name: 'wrong-signature', why: 'round 3\'s real signature presented as the named round\'s, the randomness, seed and results recomputed from it', file: 'seed.json', bls: true, edit: (f) => reseeded(f, { kind: 'drand', round: ROUND, signature: knownSignature(3) }) },
    { name: 'changed-value', why: 'the value changed and the seed and results recomputed from it; the signature kept', file: 'seed.json', edit: (f) => reseeded(f, drand, (s) => (s.value = s.value.replace(/^./, (c) => (c === '0' ? '1' : '0')))) },
    { name: 'changed-seed', why: 'the seed changed (the results not recomputed)', file: 'seed.json', edit: (f) => { const s = JSON.parse(f['seed.json']); s.seed = drawSeed(s.seed, 'x'); f['seed.json'] = canonicalJson(s); } },
  ];
}

/** Every file of docs/algorithms/draw-vectors/ and docs/algorithms/draw-schemas/, by path under docs/algorithms/. */
export function buildVectors(): Map<string, string> {
  const out = new Map<string, string>();
  const put = (dir: string, files: Record<string, string>) => {
    for (const [name, text] of Object.entries(files)) out.set(`${dir}/${name}`, text);
  };
  const small = season(smallEntries, smallParameters, 'drand') as { files: Texts; seed: SeedFile };
  put('draw-vectors/small', small.files);
  out.set('draw-vectors/small/steps.json', `${JSON.stringify(steps(smallEntries, smallParameters, small.seed.value), null, 2)}\n`);
  put('draw-vectors/declared', season(smallEntries.slice(0, 6), smallParameters, 'declared', { kind: 'declared', value: '07 19 23 31 42 48', source: 'the national lottery\'s results page for 2023-09-16' }).files);
  put('draw-vectors/empty', season([], { packages: [], pools: [{ code: 'first_time', shareBps: 2000 }, { code: 'general' }], quotas: [{ country: 'FR', seats: 10 }] }, 'drand').files);
  const cases = [];
  for (const t of tampers()) {
    const files = { ...small.files };
    const line = t.edit(files);
    const changed = Object.fromEntries(drawFileNames.filter((n) => files[n] !== small.files[n]).map((n) => [n, files[n]]));
    put(`draw-vectors/tampered/${t.name}`, changed);
    cases.push({ name: t.name, why: t.why, changed: Object.keys(changed), verdict: 'DIFFERENT', file: t.file, ...(line ? { line } : {}), ...(t.bls ? { onlyTheSignatureTells: true } : {}) });
  }
  out.set('draw-vectors/tampered/cases.json', `${JSON.stringify({ base: 'small', note: 'each folder holds only the files that differ from small/; take the others from small/. A case with onlyTheSignatureTells is caught only by checking the BLS signature: a verifier that cannot says IDENTICAL and that it did not check the signature.', cases }, null, 2)}\n`);
  for (const name of Object.keys(fileSchemas) as SchemaName[]) out.set(`draw-schemas/${name}`, schemaDocument(name));
  return out;
}

/** The files of a tampered case, completed from the small season. */
export function tamperedCase(vectors: Map<string, string>, name: string): DrawFiles {
  const files: DrawFiles = {};
  for (const f of drawFileNames) files[f] = vectors.get(`draw-vectors/tampered/${name}/${f}`) ?? vectors.get(`draw-vectors/small/${f}`);
  return files;
}
