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

/**
 * Every family's outcome, by place in the draw order, in flat typed arrays: what `allocate`
 * answers (half a million objects a season are not made unless asked for: `placementAt`,
 * `placementList`).
 */
export interface Placements {
  length: number;
  /** The entry (index in leaf order) at each place: the draw order itself. */
  entry: Uint32Array;
  /** The package won (index in the parameters' packages), -1 for a family that waits. */
  pkg: Int32Array;
  /** The 1-based rank of the package won among the family's choices, 0 for a family that waits. */
  rank: Int32Array;
  /** The phase that placed it (index in `phases`), -1 for a family that waits. */
  phase: Int8Array;
  /** The 1-based place on the waiting list, 0 for a family that won. */
  waitlist: Uint32Array;
  /** The phases' codes: the reserved pools in order, then 'open'. */
  phases: string[];
  /** The packages' ids, as in the parameters. */
  packageIds: string[];
  winners: number;
}

/** The placement at a place in the draw order, as an object. */
export function placementAt(p: Placements, position: number): Placement {
  const k = p.pkg[position]!;
  return k >= 0
    ? { entry: p.entry[position]!, position, outcome: 'won', packageId: p.packageIds[k]!, choiceRank: p.rank[position]!, phase: p.phases[p.phase[position]!]!, waitlistPosition: null }
    : { entry: p.entry[position]!, position, outcome: 'waiting', packageId: null, choiceRank: null, phase: null, waitlistPosition: p.waitlist[position]! };
}

/** Every placement as an object, in draw order (small draws, tests, simulations). */
export const placementList = (p: Placements): Placement[] => Array.from({ length: p.length }, (_, i) => placementAt(p, i));

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
 * The index of each of `keys` (the last one for a key given twice, as a Map made from them
 * would answer), -1 for any other string. An open-addressing table whose slot comes from the
 * last eight characters (of an id, the random ones; the whole of a country or pool code), each
 * candidate then compared whole. The run's strings come fresh from the database rows, with no
 * hash cached: a Map would hash all 36 characters of each of the season's 2.75 million choices.
 */
function indexOf(keys: readonly string[]): (key: string) => number {
  let size = 8;
  while (size < keys.length * 4) size *= 2;
  const mask = size - 1;
  const slotKeys: (string | null)[] = new Array<string | null>(size).fill(null);
  const slotValues = new Int32Array(size);
  const slot = (key: string) => {
    const n = key.length;
    let h = n;
    for (let i = n > 8 ? n - 8 : 0; i < n; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x9e3779b1);
    return (h ^ (h >>> 16)) & mask;
  };
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    let k = slot(key);
    while (slotKeys[k] !== null && slotKeys[k] !== key) k = (k + 1) & mask;
    slotKeys[k] = key;
    slotValues[k] = i;
  }
  return (key) => {
    for (let k = slot(key); ; k = (k + 1) & mask) {
      const found = slotKeys[k];
      if (found === key) return slotValues[k]!;
      if (found === null) return -1;
    }
  };
}

/**
 * Places every entry. `entries` are in leaf order, `order` is the draw order
 * (a permutation of their indices). Pure and deterministic.
 */
export function allocate(entries: DrawEntry[], order: Uint32Array, params: DrawParameters): Placements {
  const pkgIndex = indexOf(params.packages.map((p) => p.id));
  const countryIndex = indexOf(params.quotas.map((q) => q.country));
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
  const poolIndex = indexOf(reservedPools.map((p) => p.code));
  for (let e = 0; e < n; e++) {
    const entry = entries[e]!;
    const at = choiceStart[e]!;
    for (let r = 0; r < entry.choices.length; r++) choiceIdx[at + r] = pkgIndex(entry.choices[r]!);
    countryOf[e] = countryIndex(entry.country);
    sizeOf[e] = entry.familySize;
    poolOf[e] = poolIndex(entry.pool);
  }
  const won = new Int32Array(n).fill(-1);
  const wonRank = new Int32Array(n);
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

  // By entry to by place in the draw order, and the waiting list numbered.
  const pkg = new Int32Array(n);
  const rank = new Int32Array(n);
  const phase = new Int8Array(n);
  const waitlist = new Uint32Array(n);
  let waiting = 0;
  for (let position = 0; position < n; position++) {
    const e = order[position]!;
    const p = won[e]!;
    pkg[position] = p;
    if (p >= 0) {
      rank[position] = wonRank[e]!;
      phase[position] = wonPhase[e]!;
    } else {
      phase[position] = -1;
      waitlist[position] = ++waiting;
    }
  }
  return { length: n, entry: order, pkg, rank, phase, waitlist, phases: phases.map((p) => p.code), packageIds: params.packages.map((p) => p.id), winners: n - waiting };
}
