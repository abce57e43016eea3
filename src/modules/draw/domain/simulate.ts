import { sha256 } from '@noble/hashes/sha256';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';
import { quicknet } from '../../../common/draw/beacon.ts';
import { randomStream } from '../../../common/draw/randomness.ts';
import { type DrawParameters } from './allocate.ts';
import { byApplicationId, type DrawEntry } from './entries.ts';
import { freezeInstantFor, knownSignature } from './known-rounds.ts';
import { namedSource, publishAll } from './publish.ts';

/** A synthetic season's shape: how many families and packages, the first-time pool's share, the generator's seed. */
export interface SimulationSpec {
  families: number;
  packages: number;
  /** The first-time pool's share in basis points. */
  shareBps: number;
  seed: string;
  season?: string;
}

// Where the families live and how many apply from each (relative weights).
const countries = [['ID', 20], ['PK', 14], ['IN', 12], ['BD', 10], ['NG', 8], ['EG', 7], ['TR', 6], ['IR', 5], ['DZ', 4], ['MA', 3], ['MY', 3], ['GB', 2], ['FR', 2], ['US', 2], ['SN', 1], ['DE', 1]] as const;
// Family sizes 1…8, per thousand.
const sizes = [350, 250, 150, 120, 70, 40, 15, 5];
const DELAY_SECONDS = 600;
const ROUND = 657413;

/**
 * A complete synthetic season, deterministic from its spec: families with
 * ranked packages in two pools (first-time with the given share, general),
 * packages and quotas for about 45 % of the pilgrims, a commitment naming a
 * real quicknet round and that round's signature, and every published file.
 */
export function simulateSeason(spec: SimulationSpec, progress: (done: number) => void = () => {}) {
  const rnd = randomStream(bytesToHex(sha256(utf8ToBytes(`manasik-simulate/${spec.seed}`))));
  const uuid = () => {
    const h = [rnd.nextUint32(), rnd.nextUint32(), rnd.nextUint32(), rnd.nextUint32()].map((w) => w.toString(16).padStart(8, '0')).join('');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${'89ab'[rnd.below(4)]}${h.slice(17, 20)}-${h.slice(20, 32)}`;
  };
  /** Draws an index with probability proportional to its weight (cumulative weights, binary search). */
  const weighted = (weights: readonly number[]) => {
    const cumulative: number[] = [];
    weights.reduce((sum, w) => (cumulative.push(sum + w), sum + w), 0);
    const total = cumulative.at(-1)!;
    return () => {
      const x = rnd.below(total);
      let lo = 0;
      let hi = cumulative.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (cumulative[mid]! > x) hi = mid;
        else lo = mid + 1;
      }
      return lo;
    };
  };
  const packageIds = Array.from({ length: spec.packages }, uuid);
  // Popularity falls with the package's index (1/(i+1)), in thousandths.
  const popular = weighted(packageIds.map((_, i) => Math.max(1, Math.round(1000 / (i + 1)))));
  const familySize = weighted(sizes);
  const country = weighted(countries.map((c) => c[1]));
  const entries: DrawEntry[] = [];
  const demand = new Map<string, number>();
  const wanted = new Array<number>(spec.packages).fill(0);
  for (let f = 0; f < spec.families; f++) {
    const size = 1 + familySize();
    const home = countries[country()]![0];
    const n = Math.min(spec.packages, 1 + rnd.below(5));
    const choices: number[] = [];
    while (choices.length < n) {
      const p = popular();
      if (!choices.includes(p)) choices.push(p);
    }
    wanted[choices[0]!]! += size;
    demand.set(home, (demand.get(home) ?? 0) + size);
    entries.push({ applicationId: uuid(), familySize: size, country: home, choices: choices.map((i) => packageIds[i]!), pool: rnd.below(100) < 60 ? 'first_time' : 'general' });
    if (f % 10_000 === 0) progress(f);
  }
  progress(spec.families);
  entries.sort(byApplicationId);
  const parameters: DrawParameters = {
    packages: packageIds.map((id, i) => ({ id, seats: Math.ceil(wanted[i]! * 0.45) })),
    pools: [{ code: 'first_time', shareBps: spec.shareBps }, { code: 'general' }],
    quotas: [...demand].map(([country, pilgrims]) => ({ country, seats: Math.ceil(pilgrims * 0.5) })),
  };
  // Frozen a moment before the named round: the commitment names quicknet round 657413, whose real signature is entered.
  const frozenAtMs = freezeInstantFor(ROUND, DELAY_SECONDS) - 1500;
  return publishAll({
    season: spec.season ?? '1450H', frozenAtMs, entries, parameters,
    source: namedSource({ kind: 'drand', chain: quicknet, delaySeconds: DELAY_SECONDS }, frozenAtMs),
    entered: { kind: 'drand', round: ROUND, signature: knownSignature(ROUND) },
  });
}
