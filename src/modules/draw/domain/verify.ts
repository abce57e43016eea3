import { Value } from '@sinclair/typebox/value';
import type { TSchema } from '@sinclair/typebox';
import { parseCanonical } from '../../../common/draw/canonical-json.ts';
import { checkSource, checkValue, firstFailure, type ValueCheck } from '../../../common/draw/value-check.ts';
import { OPEN_PHASE, placementAt, WHOLE, type DrawParameters } from './allocate.ts';
import { parseRecord, type DrawEntry } from './entries.ts';
import { CommitmentFileSchema, ParametersFileSchema, SeedFileSchema } from './file-schemas.ts';
import { ALGORITHM, resultLine, sha256Hex, type Commitment, type DrawFileName, type DrawFiles, type SeedFile } from './files.ts';
import { drawFrom, recordsRoot } from './publication.ts';

export type Verdict =
  | {
    identical: true;
    /** How far the draw has gone: the freeze's files only, the value entered too, or the results published. */
    stage: 'committed' | 'seeded' | 'published';
    entries: number;
    winners: number | null;
    merkleRoot: string;
    seed: string | null;
    /** The checks of the random value, in order (a declared value's is `unchecked`). */
    checks: ValueCheck[];
  }
  | {
    identical: false;
    /** The first difference: `file[ line N]: what differs`. */
    difference: string;
    file: DrawFileName;
    line?: number;
  };

class Different extends Error {
  constructor(readonly file: DrawFileName, readonly detail: string, readonly line?: number) {
    super(`${file}${line === undefined ? '' : ` line ${line}`}: ${detail}`);
  }
}
const differ = (file: DrawFileName, detail: string, line?: number): never => {
  throw new Different(file, detail, line);
};

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const encoder = new TextEncoder();

/** A file's bytes and its text; a byte-order mark is kept (and then is not canonical JSON). */
function read(files: DrawFiles, name: DrawFileName): { bytes: Uint8Array; text: string } | undefined {
  const raw = files[name];
  if (raw === undefined) return undefined;
  const bytes = typeof raw === 'string' ? encoder.encode(raw) : raw;
  try {
    return { bytes, text: utf8.decode(bytes) };
  } catch {
    return differ(name, 'is not UTF-8');
  }
}

function canonicalFile<T>(name: DrawFileName, text: string, schema: TSchema): T {
  const parsed = parseCanonical(text);
  if ('problem' in parsed) differ(name, `is ${parsed.problem}`);
  const value = (parsed as { value: unknown }).value;
  const error = Value.Errors(schema, value).First();
  if (error) differ(name, `${error.path || '/'} ${error.message} (${name.replace('.json', '.schema.json')})`);
  return value as T;
}

/** The lines of an .ndjson file: every line ends with a line feed, none is empty; no lines is an empty file. */
function ndjsonLines(name: DrawFileName, text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  const last = lines.pop();
  if (last !== '') differ(name, 'does not end with a line feed', lines.length + 1);
  const blank = lines.indexOf('');
  if (blank >= 0) differ(name, 'is empty', blank + 1);
  return lines;
}

const ascending = (keys: string[]) => keys.findIndex((k, i) => i > 0 && !(keys[i - 1]! < k));

function checkParameters(p: DrawParameters) {
  const pkg = ascending(p.packages.map((x) => x.id));
  if (pkg >= 0) differ('parameters.json', `packages[${pkg}] does not come after packages[${pkg - 1}] (ascending id, each once)`);
  const quota = ascending(p.quotas.map((x) => x.country));
  if (quota >= 0) differ('parameters.json', `quotas[${quota}] does not come after quotas[${quota - 1}] (ascending country, each once)`);
  const codes = p.pools.map((x) => x.code);
  const twice = codes.findIndex((c, i) => codes.indexOf(c) !== i);
  if (twice >= 0) differ('parameters.json', `pool ${codes[twice]} appears twice`);
  if (codes.includes(OPEN_PHASE)) differ('parameters.json', `"${OPEN_PHASE}" names the final phase and cannot be a pool`);
  const total = p.pools.reduce((n, x) => n + (x.shareBps ?? 0), 0);
  if (total > WHOLE) differ('parameters.json', `the reserved shares add up to ${total} basis points, more than ${WHOLE}`);
}

/** The entries, and their lines (each checked to be its entry's canonical record). */
function readEntries(text: string, p: DrawParameters): { entries: DrawEntry[]; lines: string[] } {
  const packages = new Set(p.packages.map((x) => x.id));
  const pools = new Set(p.pools.map((x) => x.code));
  const entries: DrawEntry[] = [];
  const lines = ndjsonLines('entries.ndjson', text);
  for (let i = 0; i < lines.length; i++) {
    const parsed = parseRecord(lines[i]!);
    if ('problem' in parsed) differ('entries.ndjson', parsed.problem, i + 1);
    const e = parsed as DrawEntry;
    if (i > 0 && !(entries[i - 1]!.applicationId < e.applicationId)) differ('entries.ndjson', `id ${e.applicationId} does not come after the previous line's ${entries[i - 1]!.applicationId} (ascending id, each once)`, i + 1);
    if (!pools.has(e.pool)) differ('entries.ndjson', `pool ${e.pool} is not in parameters.json`, i + 1);
    const unknown = e.choices.find((c) => !packages.has(c));
    if (unknown) differ('entries.ndjson', `package ${unknown} is not in parameters.json`, i + 1);
    entries.push(e);
  }
  return { entries, lines };
}

function throwFailure(checks: ValueCheck[]) {
  const failure = firstFailure(checks);
  if (failure) differ(failure.file, failure.detail);
}

/**
 * Recomputes the draw from its published files alone (docs/algorithms/draw.md §8)
 * and reports the first difference: every file's bytes and hash, the named
 * round, the beacon's signature (offline), the seed, and every result line.
 * The files of the freeze alone, or with the value, are checked as far as they go.
 *
 * @example verifyFiles({ 'commitment.json': bytes, 'parameters.json': bytes, … }) // { identical: true, stage: 'published', … }
 */
export function verifyFiles(files: DrawFiles): Verdict {
  try {
    // 1. The commitment.
    const commitmentFile = read(files, 'commitment.json') ?? differ('commitment.json', 'is missing');
    const parsed = parseCanonical(commitmentFile.text);
    if ('problem' in parsed) differ('commitment.json', `is ${parsed.problem}`);
    const algorithm = (parsed as { value: { algorithm?: unknown } | null }).value?.algorithm;
    if (algorithm !== ALGORITHM) differ('commitment.json', `algorithm ${JSON.stringify(algorithm)}; this verifier implements ${ALGORITHM}`);
    const c = canonicalFile<Commitment>('commitment.json', commitmentFile.text, CommitmentFileSchema);

    // 2. The parameters.
    const parametersFile = read(files, 'parameters.json') ?? differ('parameters.json', 'is missing');
    const parametersHash = sha256Hex(parametersFile.bytes);
    if (parametersHash !== c.parametersHash) differ('parameters.json', `SHA-256 ${parametersHash} is not the commitment's parametersHash ${c.parametersHash}`);
    const p = canonicalFile<DrawParameters>('parameters.json', parametersFile.text, ParametersFileSchema);
    checkParameters(p);

    // 3. The entries.
    const entriesFile = read(files, 'entries.ndjson') ?? differ('entries.ndjson', 'is missing');
    const { entries, lines: records } = readEntries(entriesFile.text, p);
    if (entries.length !== c.entryCount) differ('entries.ndjson', `${entries.length} lines; the commitment says ${c.entryCount} entries`);
    const entriesHash = sha256Hex(entriesFile.bytes);
    if (entriesHash !== c.entriesHash) differ('entries.ndjson', `SHA-256 ${entriesHash} is not the commitment's entriesHash ${c.entriesHash}`);

    // 4. The source named at the freeze.
    const checks = checkSource(c);
    throwFailure(checks);

    // 5. The Merkle root.
    const root = recordsRoot(records);
    if (root !== c.merkleRoot) differ('entries.ndjson', `the Merkle root of the lines is ${root}, not the commitment's merkleRoot ${c.merkleRoot}`);

    // 6. The value and the seed.
    const seedFile = read(files, 'seed.json');
    if (!seedFile) {
      if (files['results.ndjson'] !== undefined) differ('results.ndjson', 'is published without seed.json');
      return { identical: true, stage: 'committed', entries: entries.length, winners: null, merkleRoot: root, seed: null, checks };
    }
    const s = canonicalFile<SeedFile>('seed.json', seedFile.text, SeedFileSchema);
    checks.push(...checkValue(c, commitmentFile.bytes, s, root));
    throwFailure(checks);
    const resultsFile = read(files, 'results.ndjson');
    if (!resultsFile) return { identical: true, stage: 'seeded', entries: entries.length, winners: null, merkleRoot: root, seed: s.seed, checks };

    // 7. Every result, byte for byte, line by line; then the number of lines.
    const { placements } = drawFrom(root, entries, p, s.value);
    const lines = ndjsonLines('results.ndjson', resultsFile.text);
    for (let i = 0; i < Math.min(lines.length, placements.length); i++) {
      const expected = resultLine(placementAt(placements, i), entries);
      if (lines[i] !== expected) differ('results.ndjson', `expected ${expected}, found ${lines[i]}`, i + 1);
    }
    if (lines.length > placements.length) differ('results.ndjson', `one line too many (${lines.length} lines for ${placements.length} entries)`, placements.length + 1);
    if (lines.length < placements.length) differ('results.ndjson', `${lines.length} lines for ${placements.length} entries: expected ${resultLine(placementAt(placements, lines.length), entries)}`, lines.length + 1);
    return { identical: true, stage: 'published', entries: entries.length, winners: placements.winners, merkleRoot: root, seed: s.seed, checks };
  } catch (error) {
    if (error instanceof Different) return { identical: false, difference: error.message, file: error.file, ...(error.line === undefined ? {} : { line: error.line }) };
    throw error;
  }
}
