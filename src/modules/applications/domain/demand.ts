/**
 * How a change of a family's ranking or size moves the demand counters.
 * Pure: the service applies the deltas in the same transaction as the change.
 */
export interface DemandDelta {
  packageId: string;
  first: number;
  any: number;
  families: number;
}

export interface Ranked {
  packageId: string;
  rank: number;
}

/** A ranking given as package ids, first choice first. */
export const ranks = (packageIds: readonly string[]): Ranked[] => packageIds.map((packageId, i) => ({ packageId, rank: i + 1 }));

function contribution(ranking: readonly Ranked[], size: number, sign: 1 | -1): DemandDelta[] {
  return ranking.map((r) => ({ packageId: r.packageId, first: r.rank === 1 ? sign * size : 0, any: sign * size, families: sign }));
}

/** Adds deltas per package, drops the ones that cancel out, and sorts by package (the lock order). */
export function mergeDeltas(deltas: readonly DemandDelta[]): DemandDelta[] {
  const byPackage = new Map<string, DemandDelta>();
  for (const d of deltas) {
    const cur = byPackage.get(d.packageId) ?? { packageId: d.packageId, first: 0, any: 0, families: 0 };
    byPackage.set(d.packageId, { packageId: d.packageId, first: cur.first + d.first, any: cur.any + d.any, families: cur.families + d.families });
  }
  return [...byPackage.values()]
    .filter((d) => d.first !== 0 || d.any !== 0 || d.families !== 0)
    .sort((a, b) => (a.packageId < b.packageId ? -1 : a.packageId > b.packageId ? 1 : 0));
}

/** A family of `size` replaces ranking `before` with `after`. */
export function rankingChange(before: readonly Ranked[], after: readonly Ranked[], size: number): DemandDelta[] {
  return mergeDeltas([...contribution(before, size, -1), ...contribution(after, size, 1)]);
}

/** A family with `ranking` goes from `from` to `to` people. */
export function sizeChange(ranking: readonly Ranked[], from: number, to: number): DemandDelta[] {
  return mergeDeltas([...contribution(ranking, from, -1), ...contribution(ranking, to, 1)]);
}

/** Which counter shard an application writes to: spreads a popular package over 8 rows. */
export const DEMAND_SHARDS = 8;
export function shardOf(applicationId: string): number {
  return parseInt(applicationId.slice(0, 2), 16) % DEMAND_SHARDS;
}
