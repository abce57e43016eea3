import type { DrawEntry } from './entries.ts';

/**
 * Random serial dictatorship, family-atomic, with reserved pools
 * (docs/algorithms/draw.md):
 *
 * Pools are taken in their declared order. A pool with a share of `shareBps`
 * basis points (1 = 0.01 %) reserves ⌊shareBps × seats / 10 000⌋ of every
 * package and ⌊shareBps × quota / 10 000⌋ of every country's quota, in exact
 * integer arithmetic; in that phase only the pool's families, in draw
 * order, take from the reserve. Then a final open phase gives every family not
 * yet placed, in draw order, whatever seats remain (reserves left unused
 * cascade into it). In every phase a family gets its highest-ranked package
 * that has seats for the whole family and whose country quota has room for the
 * whole family; otherwise it waits. Families never placed form the waiting
 * list, in draw order.
 */
export interface PoolSpec {
  code: string;
  /** Share of every package and quota reserved for this pool, in basis points (1…9999); absent for a pool that only takes part in the open phase. */
  shareBps?: number;
}

export interface DrawParameters {
  /** Each package's free seats at the freeze. */
  packages: { id: string; seats: number }[];
  quotas: { country: string; seats: number }[];
  pools: PoolSpec[];
}

export interface Placement {
  /** Index of the entry in the leaf order. */
  entry: number;
  /** 0-based place in the draw order. */
  position: number;
  outcome: 'won' | 'waiting';
  packageId: string | null;
  choiceRank: number | null;
  /** The phase that placed it: a reserved pool's code, or 'open'. */
  phase: string | null;
  /** 1-based place on the waiting list. */
  waitlistPosition: number | null;
}

export const OPEN_PHASE = 'open';

/** Why a set of pools cannot be used, or null. */
export type PoolsProblem = { problem: 'bad_code' | 'duplicate_pool' | 'bad_share'; pool: string } | { problem: 'shares_over_whole' };

export function poolsProblem(pools: PoolSpec[]): PoolsProblem | null {
  const codes = new Set<string>();
  let total = 0;
  for (const p of pools) {
    if (!/^[a-z][a-z0-9_]{1,30}$/.test(p.code) || p.code === OPEN_PHASE) return { problem: 'bad_code', pool: p.code };
    if (codes.has(p.code)) return { problem: 'duplicate_pool', pool: p.code };
    codes.add(p.code);
    if (p.shareBps !== undefined && !(Number.isInteger(p.shareBps) && p.shareBps >= 1 && p.shareBps <= 9999)) return { problem: 'bad_share', pool: p.code };
    total += p.shareBps ?? 0;
  }
  return total > WHOLE ? { problem: 'shares_over_whole' } : null;
}

/** The whole, in basis points. */
export const WHOLE = 10_000;

/**
 * A share given as a fraction (0.29) in basis points (2900), or null when the
 * fraction has no exact basis-point value (0.12345): the draw refuses a share
 * it would have to round.
 */
export function shareToBps(share: number): number | null {
  const bps = Math.round(share * WHOLE);
  return bps / WHOLE === share ? bps : null;
}

/** The seats a reserved phase may use of `seats`: ⌊shareBps × seats / 10 000⌋, exactly. */
export const reserveOf = (shareBps: number, seats: number) => Math.floor((shareBps * seats) / WHOLE);

/**
 * Places every entry. `entries` are in leaf order, `order` is the draw order
 * (a permutation of their indices). Pure and deterministic.
 */
export function allocate(entries: DrawEntry[], order: Uint32Array, params: DrawParameters): Placement[] {
  const pkgIndex = new Map(params.packages.map((p, i) => [p.id, i]));
  const countryIndex = new Map(params.quotas.map((q, i) => [q.country, i]));
  const seatsLeft = Int32Array.from(params.packages, (p) => p.seats);
  const quotaLeft = Int32Array.from(params.quotas, (q) => q.seats);
  // Entries as small integers in flat typed arrays, resolved once: each entry's choices are the
  // package indices choiceIdx[choiceStart[e] … choiceStart[e + 1]) (-1 when unknown), its country
  // an index, its size and its pool's phase a number (this pass is the draw's inner loop).
  const n = entries.length;
  const choiceStart = new Uint32Array(n + 1);
  for (let e = 0; e < n; e++) choiceStart[e + 1] = choiceStart[e]! + entries[e]!.choices.length;
  const choiceIdx = new Int32Array(choiceStart[n]!);
  const countryOf = new Int32Array(n);
  const sizeOf = new Int32Array(n);
  const poolOf = new Int32Array(n).fill(-1);
  const reservedPools = params.pools.filter((p) => p.shareBps !== undefined);
  const poolIndex = new Map(reservedPools.map((p, i) => [p.code, i]));
  for (let e = 0; e < n; e++) {
    const entry = entries[e]!;
    const at = choiceStart[e]!;
    for (let r = 0; r < entry.choices.length; r++) choiceIdx[at + r] = pkgIndex.get(entry.choices[r]!) ?? -1;
    countryOf[e] = countryIndex.get(entry.country) ?? -1;
    sizeOf[e] = entry.familySize;
    poolOf[e] = poolIndex.get(entry.pool) ?? -1;
  }
  const won = new Int32Array(n).fill(-1);
  const wonRank = new Int8Array(n);
  /** The phase that placed each entry: its index in `phases`, -1 while not placed. */
  const wonPhase = new Int8Array(n).fill(-1);

  const phases = [
    ...reservedPools.map((p) => ({ code: p.code, shareBps: p.shareBps! })),
    { code: OPEN_PHASE, shareBps: WHOLE },
  ];
  for (let phaseNo = 0; phaseNo < phases.length; phaseNo++) {
    const phase = phases[phaseNo]!;
    const open = phase.code === OPEN_PHASE;
    // A reserved phase may use at most its share; what it leaves stays in seatsLeft for later phases.
    const pkgBudget = open ? seatsLeft : Int32Array.from(params.packages, (p, i) => Math.min(seatsLeft[i]!, reserveOf(phase.shareBps, p.seats)));
    const quotaBudget = open ? quotaLeft : Int32Array.from(params.quotas, (q, i) => Math.min(quotaLeft[i]!, reserveOf(phase.shareBps, q.seats)));
    for (let position = 0; position < order.length; position++) {
      const e = order[position]!;
      if (won[e] !== -1 || (!open && poolOf[e] !== phaseNo)) continue;
      const size = sizeOf[e]!;
      const c = countryOf[e]!;
      if (c < 0 || quotaBudget[c]! < size) continue;
      const last = choiceStart[e + 1]!;
      for (let at = choiceStart[e]!; at < last; at++) {
        const p = choiceIdx[at]!;
        if (p < 0 || pkgBudget[p]! < size) continue;
        pkgBudget[p]! -= size;
        quotaBudget[c]! -= size;
        if (!open) {
          seatsLeft[p]! -= size;
          quotaLeft[c]! -= size;
        }
        won[e] = p;
        wonRank[e] = at - choiceStart[e]! + 1;
        wonPhase[e] = phaseNo;
        break;
      }
    }
  }

  const placements: Placement[] = new Array(entries.length);
  let waiting = 0;
  for (let position = 0; position < order.length; position++) {
    const e = order[position]!;
    const p = won[e]!;
    placements[position] = p >= 0
      ? { entry: e, position, outcome: 'won', packageId: params.packages[p]!.id, choiceRank: wonRank[e]!, phase: phases[wonPhase[e]!]!.code, waitlistPosition: null }
      : { entry: e, position, outcome: 'waiting', packageId: null, choiceRank: null, phase: null, waitlistPosition: ++waiting };
  }
  return placements;
}
