import { firstRoundAtOrAfter, randomnessOf, roundTimeMs, roundUrl, type BeaconChain } from '../../../common/draw/beacon.ts';
import { drawSeed } from '../../../common/draw/randomness.ts';
import { placementAt, type DrawParameters, type Placements } from './allocate.ts';
import { canonicalRecord, type DrawEntry } from './entries.ts';
import {
  ALGORITHM, commitmentFile, isoTime, ndjson, parametersFile, resultLine, seedFile, sha256Hex,
  type Commitment, type RandomnessSource, type RandomnessValue, type SeedFile,
} from './files.ts';
import { drawFrom, entriesRoot } from './publication.ts';

/** What the ministry chooses at the freeze: a beacon and a delay, or a declared public value. */
export type SourceChoice =
  | { kind: 'drand'; chain: BeaconChain; delaySeconds: number }
  | { kind: 'declared'; description: string; notBefore: Date };

/** The source the commitment names: for a beacon, its first round at or after the freeze plus the delay. */
export function namedSource(choice: SourceChoice, frozenAtMs: number): RandomnessSource {
  if (choice.kind === 'declared') return { kind: 'declared', description: choice.description, notBefore: isoTime(choice.notBefore.getTime()) };
  const { chain, delaySeconds } = choice;
  const round = firstRoundAtOrAfter(chain, frozenAtMs + delaySeconds * 1000);
  return {
    kind: 'drand', chain: chain.name, chainHash: chain.chainHash, scheme: chain.scheme, publicKey: chain.publicKey, genesisTime: chain.genesisTime, period: chain.period,
    delaySeconds, round, roundTime: isoTime(roundTimeMs(chain, round)), url: roundUrl(chain, round),
  };
}

/** The commitment and the two input files it hashes; `entries` in leaf order. */
export function commitFiles(input: { season: string; frozenAtMs: number; entries: DrawEntry[]; parameters: DrawParameters; source: RandomnessSource }) {
  const parameters = parametersFile(input.parameters);
  const entries = ndjson(input.entries.map(canonicalRecord));
  const root = entriesRoot(input.entries);
  const commitment: Commitment = {
    algorithm: ALGORITHM, season: input.season, frozenAt: isoTime(input.frozenAtMs), entryCount: input.entries.length,
    entriesHash: sha256Hex(entries), merkleRoot: root, parametersHash: sha256Hex(parameters), randomness: input.source,
  };
  return { commitment, root, files: { 'commitment.json': commitmentFile(commitment), 'parameters.json': parameters, 'entries.ndjson': entries } };
}

/** What is entered once the named value exists: a beacon round's signature, or a declared value with where it was published. */
export type EnteredValue = { kind: 'drand'; round: number; signature: string } | { kind: 'declared'; value: string; source: string };

/** seed.json for a commitment and the value entered (checks are the caller's: the service refuses a wrong round first). */
export function seedOf(commitment: Commitment, entered: EnteredValue): SeedFile {
  const commitmentHash = sha256Hex(commitmentFile(commitment));
  const [randomness, value]: [RandomnessValue, string] = entered.kind === 'drand'
    ? [{ kind: 'drand', round: entered.round, signature: entered.signature, randomness: randomnessOf(entered.signature) }, randomnessOf(entered.signature)]
    : [{ kind: 'declared', source: entered.source }, entered.value];
  return { season: commitment.season, commitmentHash, randomness, value, seed: drawSeed(commitment.merkleRoot, value) };
}

export const resultsFile = (placements: Placements, entries: DrawEntry[]) => ndjson(Array.from({ length: placements.length }, (_, i) => resultLine(placementAt(placements, i), entries)));

/** Every file of a draw from its inputs and the entered value: what simulations and test vectors publish. */
export function publishAll(input: { season: string; frozenAtMs: number; entries: DrawEntry[]; parameters: DrawParameters; source: RandomnessSource; entered: EnteredValue }) {
  const { commitment, root, files } = commitFiles(input);
  const seed = seedOf(commitment, input.entered);
  const { placements } = drawFrom(root, input.entries, input.parameters, seed.value);
  return { commitment, seed, placements, files: { ...files, 'seed.json': seedFile(seed), 'results.ndjson': resultsFile(placements, input.entries) } };
}
