import { sha256 } from '@noble/hashes/sha256';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';
import { allocate, type DrawParameters, type Placement } from './allocate.ts';
import { canonicalRecord, parseRecord, type DrawEntry } from './entries.ts';
import { merkleRoot } from '../../../shared/draw/merkle.ts';
import { nodeHasher } from './node-hasher.ts';
import { drawOrder, drawSeed } from './randomness.ts';

/** Version of the algorithm the files describe; verifiers refuse one they do not know. */
export const ALGORITHM = 'manasik-draw/1';

/** The published files of a draw (docs/algorithms/draw.md, "Publication"). */
export interface Commitment {
  algorithm: string;
  season: string;
  merkleRoot: string;
  entryCount: number;
  parametersHash: string;
  frozenAt: string;
}
export interface SeedInputs {
  randomValue: string;
  randomSource: string;
  seed: string;
}
export interface DrawFiles {
  commitment: Commitment;
  parameters: DrawParameters;
  /** entries.ndjson: canonical records, one per line, in leaf order. */
  entries: string[];
  seed: SeedInputs;
  /** results.ndjson: one line per place in the draw order. */
  results: string[];
}

/** Parameters in canonical form (packages and quotas sorted) and their hash. */
export function canonicalParameters(p: DrawParameters): DrawParameters {
  return {
    packages: [...p.packages].sort((a, b) => (a.id < b.id ? -1 : 1)).map((x) => ({ id: x.id, capacity: x.capacity })),
    quotas: [...p.quotas].sort((a, b) => (a.country < b.country ? -1 : 1)).map((q) => ({ country: q.country, seats: q.seats })),
    pools: p.pools.map((x) => (x.share === undefined ? { code: x.code } : { code: x.code, share: x.share })),
  };
}
export const parametersHash = (p: DrawParameters) => bytesToHex(sha256(utf8ToBytes(JSON.stringify(canonicalParameters(p)))));

/** One results.ndjson line. */
export function resultRecord(pl: Placement, entries: DrawEntry[]): string {
  return JSON.stringify({
    position: pl.position,
    id: entries[pl.entry]!.applicationId,
    outcome: pl.outcome,
    package: pl.packageId,
    rank: pl.choiceRank,
    phase: pl.phase,
    waitlist: pl.waitlistPosition,
  });
}

/** The whole computation from inputs: root, seed, order, placements. */
export function computeDraw(entries: DrawEntry[], parameters: DrawParameters, randomValue: string) {
  const hasher = nodeHasher();
  const root = merkleRoot(entries.map((e) => hasher.leaf(canonicalRecord(e))), hasher);
  const seed = drawSeed(root, randomValue);
  const placements = allocate(entries, drawOrder(seed, entries.length), parameters);
  return { root, seed, placements };
}

export type Verdict = { identical: true; entries: number; winners: number } | { identical: false; reason: string };

/** Recomputes the draw from its published files alone and compares every line. */
export function verifyFiles(files: DrawFiles): Verdict {
  const { commitment, parameters, seed } = files;
  if (commitment.algorithm !== ALGORITHM) return { identical: false, reason: `unknown algorithm ${commitment.algorithm}` };
  if (files.entries.length !== commitment.entryCount) return { identical: false, reason: `${files.entries.length} entries, the commitment says ${commitment.entryCount}` };
  if (parametersHash(parameters) !== commitment.parametersHash) return { identical: false, reason: 'the parameters do not match the commitment' };
  let entries: DrawEntry[];
  try {
    entries = files.entries.map(parseRecord);
  } catch (error) {
    return { identical: false, reason: (error as Error).message };
  }
  const { root, seed: computedSeed, placements } = computeDraw(entries, parameters, seed.randomValue);
  if (root !== commitment.merkleRoot) return { identical: false, reason: `Merkle root ${root} differs from the commitment ${commitment.merkleRoot}` };
  if (computedSeed !== seed.seed) return { identical: false, reason: `seed ${computedSeed} differs from the published ${seed.seed}` };
  if (files.results.length !== placements.length) return { identical: false, reason: `${files.results.length} results for ${placements.length} entries` };
  for (let i = 0; i < placements.length; i++) {
    const expected = resultRecord(placements[i]!, entries);
    if (files.results[i] !== expected) return { identical: false, reason: `line ${i + 1} of the results differs: expected ${expected}` };
  }
  return { identical: true, entries: entries.length, winners: placements.filter((p) => p.outcome === 'won').length };
}

/** Per-country, per-package and odds tables for the public page. */
export function resultTables(entries: DrawEntry[], placements: Placement[], parameters: DrawParameters) {
  type Row = { entries: number; pilgrims: number; winners: number; seatsWon: number };
  const tally = <K>(map: Map<K, Row>, key: K, size: number, won: boolean) => {
    const row = map.get(key) ?? { entries: 0, pilgrims: 0, winners: 0, seatsWon: 0 };
    row.entries += 1;
    row.pilgrims += size;
    if (won) {
      row.winners += 1;
      row.seatsWon += size;
    }
    map.set(key, row);
  };
  const byCountry = new Map<string, Row>();
  const bySize = new Map<number, Row>();
  const byRank = new Map<number, number>();
  const seatsByPackage = new Map<string, { seats: number; families: number }>();
  for (const pl of placements) {
    const e = entries[pl.entry]!;
    const won = pl.outcome === 'won';
    tally(byCountry, e.country, e.familySize, won);
    tally(bySize, e.familySize, e.familySize, won);
    if (won) {
      byRank.set(pl.choiceRank!, (byRank.get(pl.choiceRank!) ?? 0) + 1);
      const p = seatsByPackage.get(pl.packageId!) ?? { seats: 0, families: 0 };
      p.seats += e.familySize;
      p.families += 1;
      seatsByPackage.set(pl.packageId!, p);
    }
  }
  const quota = new Map(parameters.quotas.map((q) => [q.country, q.seats]));
  const winners = placements.filter((p) => p.outcome === 'won').length;
  const odds = (r: Row) => (r.entries ? r.winners / r.entries : 0);
  return {
    entries: entries.length,
    winners,
    waiting: entries.length - winners,
    countries: [...byCountry].sort(([a], [b]) => a.localeCompare(b)).map(([country, r]) => ({ country, quota: quota.get(country) ?? 0, ...r, odds: odds(r) })),
    familySizes: [...bySize].sort(([a], [b]) => a - b).map(([size, r]) => ({ size, ...r, odds: odds(r) })),
    choiceRanks: [1, 2, 3, 4, 5].map((rank) => ({ rank, winners: byRank.get(rank) ?? 0, share: winners ? (byRank.get(rank) ?? 0) / winners : 0 })),
    packages: parameters.packages.map((p) => ({ packageId: p.id, capacity: p.capacity, seatsWon: seatsByPackage.get(p.id)?.seats ?? 0, families: seatsByPackage.get(p.id)?.families ?? 0 })),
  };
}
