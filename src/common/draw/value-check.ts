import { sha256 } from '@noble/hashes/sha256';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';
import { chainNamed, firstRoundAtOrAfter, randomnessOf, roundTimeMs, verifyRound } from './beacon.ts';
import type { Commitment, SeedFile } from './files.ts';
import { drawSeed } from './randomness.ts';

/**
 * The checks of the draw's random value (docs/algorithms/draw.md §5 and §8,
 * steps 4 and 6), in the order a verifier makes them. `manasik draw verify`
 * stops at the first that fails; the public draw page shows each one, in the
 * reader's language, by its code. Runs in Node and in the browser.
 */
export type ValueCheckCode =
  /** The commitment names a beacon this project knows, with that beacon's published information (its own copy of the key). */
  | 'beacon_known'
  /** The named round is the first published at or after the freeze plus the delay, and `roundTime` is its time. */
  | 'named_round'
  /** seed.json is for this season and names the commitment's SHA-256. */
  | 'commitment_hash'
  /** The value is of the kind the commitment named. */
  | 'source_kind'
  /** The round entered is the round named. */
  | 'entered_round'
  /** The round's BLS signature verifies against the beacon's public key. */
  | 'signature'
  /** The randomness is SHA-256 of the signature, and the value is that randomness. */
  | 'randomness'
  /** A declared value: this check cannot be made here; it must be compared with its source. */
  | 'declared_value'
  /** seed = SHA-256(Merkle root ‖ value). */
  | 'seed';

export interface ValueCheck {
  code: ValueCheckCode;
  /** The file the check reads the claim from. */
  file: 'commitment.json' | 'seed.json';
  /** `unchecked` only for a declared value, which no program can check. */
  outcome: 'passed' | 'failed' | 'unchecked';
  /** What was checked, or what differs, in plain English with the values (the verifier prints it). */
  detail: string;
}

const fileOf = (code: ValueCheckCode) => (code === 'beacon_known' || code === 'named_round' ? 'commitment.json' : 'seed.json');
const passed = (code: ValueCheckCode, detail: string): ValueCheck => ({ code, file: fileOf(code), outcome: 'passed', detail });
const failed = (code: ValueCheckCode, detail: string): ValueCheck => ({ code, file: fileOf(code), outcome: 'failed', detail });
const sha256Hex = (bytes: Uint8Array | string) => bytesToHex(sha256(typeof bytes === 'string' ? utf8ToBytes(bytes) : bytes));
const isoTime = (ms: number) => new Date(ms).toISOString();

/** Step 4: the source the commitment names. For a beacon, the chain is known and the round is the rule's. */
export function checkSource(c: Commitment): ValueCheck[] {
  const r = c.randomness;
  if (r.kind !== 'drand') return [];
  const chain = chainNamed(r.chain);
  if (!chain) return [failed('beacon_known', `unknown beacon "${r.chain}" (known: quicknet)`)];
  for (const key of ['chainHash', 'scheme', 'publicKey', 'genesisTime', 'period'] as const) {
    if (r[key] !== chain[key]) return [failed('beacon_known', `randomness.${key} is not ${chain.name}'s published ${key} (${chain[key]})`)];
  }
  const checks = [passed('beacon_known', `the beacon is drand ${chain.name}, with its published public key`)];
  const round = firstRoundAtOrAfter(chain, Date.parse(c.frozenAt) + r.delaySeconds * 1000);
  if (r.round !== round) return [...checks, failed('named_round', `names round ${r.round}; the first round at or after the freeze plus ${r.delaySeconds} s is ${round}`)];
  const time = isoTime(roundTimeMs(chain, round));
  if (r.roundTime !== time) return [...checks, failed('named_round', `round ${round} is published at ${time}, not ${r.roundTime}`)];
  return [...checks, passed('named_round', `round ${round} is the first published at or after the freeze (${c.frozenAt}) plus ${r.delaySeconds} s: ${time}`)];
}

/**
 * Step 6: the value entered (seed.json) against the commitment that named it
 * (its exact bytes, to hash) and the Merkle root the verifier recomputed (or,
 * in the browser, the commitment's).
 */
export function checkValue(c: Commitment, commitmentBytes: Uint8Array | string, s: SeedFile, root: string): ValueCheck[] {
  const checks: ValueCheck[] = [];
  const stop = (check: ValueCheck) => [...checks, check];
  if (s.season !== c.season) return stop(failed('commitment_hash', `season ${s.season}, the commitment's is ${c.season}`));
  const commitmentHash = sha256Hex(commitmentBytes);
  if (s.commitmentHash !== commitmentHash) return stop(failed('commitment_hash', `commitmentHash ${s.commitmentHash} is not SHA-256 of commitment.json (${commitmentHash})`));
  checks.push(passed('commitment_hash', `seed.json belongs to commitment.json (SHA-256 ${commitmentHash})`));
  if (s.randomness.kind !== c.randomness.kind) return stop(failed('source_kind', `a ${s.randomness.kind} value, but the commitment named a ${c.randomness.kind} source`));
  if (s.randomness.kind === 'drand' && c.randomness.kind === 'drand') {
    const named = c.randomness;
    const { round, signature, randomness } = s.randomness;
    if (round !== named.round) return stop(failed('entered_round', `round ${round} is not the round the commitment named (${named.round})`));
    checks.push(passed('entered_round', `the value is round ${round} of ${named.chain}, the round named at the freeze`));
    const chain = chainNamed(named.chain);
    if (!chain || !verifyRound(chain, round, signature)) return stop(failed('signature', `the signature is not ${named.chain}'s signature of round ${round} (BLS12-381, checked against its public key)`));
    checks.push(passed('signature', `the signature of round ${round} verifies against ${named.chain}'s public key (BLS12-381, offline)`));
    const expected = randomnessOf(signature);
    if (randomness !== expected) return stop(failed('randomness', `randomness ${randomness} is not SHA-256 of the signature (${expected})`));
    if (s.value !== randomness) return stop(failed('randomness', `value ${s.value} is not the round's randomness ${randomness}`));
    checks.push(passed('randomness', `the value is the round's randomness, SHA-256 of its signature: ${randomness}`));
  } else if (c.randomness.kind === 'declared' && s.randomness.kind === 'declared') {
    checks.push({ code: 'declared_value', file: 'seed.json', outcome: 'unchecked', detail: `the value "${s.value}" must be checked at its source: ${s.randomness.source} (the commitment described it as: ${c.randomness.description})` });
  }
  const seed = drawSeed(root, s.value);
  if (s.seed !== seed) return stop(failed('seed', `seed ${s.seed} is not SHA-256(Merkle root ‖ value) = ${seed}`));
  checks.push(passed('seed', `seed = SHA-256(Merkle root ‖ value) = ${seed}`));
  return checks;
}

/**
 * The whole check of the random value from the two files' texts, for the
 * public draw page: parses them (without the full verifier's byte and schema
 * checks) and runs steps 4 and 6 against the commitment's root.
 *
 * @example checkValueFiles(await (await fetch(`${files}/commitment.json`)).text(), await (await fetch(`${files}/seed.json`)).text())
 */
export function checkValueFiles(commitmentText: string, seedText: string): ValueCheck[] {
  const c = JSON.parse(commitmentText) as Commitment;
  const source = checkSource(c);
  if (source.some((x) => x.outcome === 'failed')) return source;
  return [...source, ...checkValue(c, commitmentText, JSON.parse(seedText) as SeedFile, c.merkleRoot)];
}

/** The first failed check, if any. */
export const firstFailure = (checks: ValueCheck[]) => checks.find((x) => x.outcome === 'failed');
