import { allocate, placementAt, type DrawParameters, type Placement, type Placements } from './allocate.ts';
import type { DrawEntry } from './entries.ts';
import { merkleRoot } from '../../../common/draw/merkle.ts';
import { nativeSha256, nodeHasher } from './node-hasher.ts';
import { drawOrder, drawSeed } from '../../../common/draw/randomness.ts';

/** The Merkle root of the entries' canonical records, in leaf order. */
export function entriesRoot(entries: DrawEntry[]): string {
  const hasher = nodeHasher();
  return merkleRoot(entries.map((e) => hasher.entryLeaf(e)), hasher);
}

/** Seed, draw order and placements once the value is known. */
export function drawFrom(root: string, entries: DrawEntry[], parameters: DrawParameters, randomValue: string) {
  const seed = drawSeed(root, randomValue);
  return { seed, placements: allocate(entries, drawOrder(seed, entries.length, nativeSha256), parameters) };
}

/**
 * The Merkle root of canonical records already made: the records as frozen (draw_entries.record,
 * the very lines of the published entries.ndjson), hashed as they are.
 */
export function recordsRoot(records: readonly string[]): string {
  const hasher = nodeHasher();
  return merkleRoot(records.map((r) => hasher.leaf(r)), hasher);
}

/**
 * The whole computation from inputs: root, seed, order, placements. `records`, when given, are
 * the entries' canonical records in the same order as frozen (the run passes the stored ones:
 * they were written once at the freeze and are what was published); the root is then theirs,
 * without writing every record again.
 */
export function computeDraw(entries: DrawEntry[], parameters: DrawParameters, randomValue: string, records?: readonly string[]) {
  if (records && records.length !== entries.length) throw new RangeError(`${records.length} records for ${entries.length} entries`);
  const root = records ? recordsRoot(records) : entriesRoot(entries);
  return { root, ...drawFrom(root, entries, parameters, randomValue) };
}

/** Each place's row of draw_results, made as the rows are written (one object at a time). */
export function* resultRows(entries: DrawEntry[], placements: Placements): Generator<Omit<Placement, 'entry'> & { applicationId: string }> {
  for (let position = 0; position < placements.length; position++) {
    const { entry, ...placement } = placementAt(placements, position);
    yield { ...placement, applicationId: entries[entry]!.applicationId };
  }
}

/** Per-country, per-package and odds tables for the public page. */
export function resultTables(entries: DrawEntry[], placements: Placements, parameters: DrawParameters) {
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
  for (let position = 0; position < placements.length; position++) {
    const e = entries[placements.entry[position]!]!;
    const k = placements.pkg[position]!;
    const won = k >= 0;
    tally(byCountry, e.country, e.familySize, won);
    tally(bySize, e.familySize, e.familySize, won);
    if (won) {
      const rank = placements.rank[position]!;
      byRank.set(rank, (byRank.get(rank) ?? 0) + 1);
      const id = placements.packageIds[k]!;
      const p = seatsByPackage.get(id) ?? { seats: 0, families: 0 };
      p.seats += e.familySize;
      p.families += 1;
      seatsByPackage.set(id, p);
    }
  }
  const quota = new Map(parameters.quotas.map((q) => [q.country, q.seats]));
  const winners = placements.winners;
  const odds = (r: Row) => (r.entries ? r.winners / r.entries : 0);
  return {
    entries: entries.length,
    winners,
    waiting: entries.length - winners,
    countries: [...byCountry].sort(([a], [b]) => a.localeCompare(b)).map(([country, r]) => ({ country, quota: quota.get(country) ?? 0, ...r, odds: odds(r) })),
    familySizes: [...bySize].sort(([a], [b]) => a - b).map(([size, r]) => ({ size, ...r, odds: odds(r) })),
    choiceRanks: [1, 2, 3, 4, 5].map((rank) => ({ rank, winners: byRank.get(rank) ?? 0, share: winners ? (byRank.get(rank) ?? 0) / winners : 0 })),
    packages: parameters.packages.map((p) => ({ packageId: p.id, capacity: p.seats, seatsWon: seatsByPackage.get(p.id)?.seats ?? 0, families: seatsByPackage.get(p.id)?.families ?? 0 })),
  };
}
