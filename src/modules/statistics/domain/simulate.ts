import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';
import { AppError } from '../../../core/errors.ts';
import { addDays } from '../../../core/dates.ts';
import { arrivalModes, regions, type ArrivalMode, type Region, type SeasonFigures } from '../../../common/statistics.ts';
import type { Port, SimulationProfile } from '../reference.ts';
import { cappedApportion, fitTable, largestRemainder } from './apportion.ts';

/**
 * The season simulator (docs/algorithms/season-simulator.md): a whole season
 * of records whose every breakdown in `figures` comes out exactly, with
 * believable joints, from a seed. The same inputs and seed give the same
 * records, in the same order, bit for bit.
 *
 * Records are held as columns of typed arrays (two million records as objects
 * would be a gigabyte); `nationalities`, `ports` and `days` decode them.
 */
export interface SimulatedSeason {
  season: string;
  count: number;
  nationalities: string[];
  ports: string[];
  /** Every day a record may name: `arrivalDay` and `departureDay` index it. */
  days: string[];
  /** 0 foreign, 1 domestic. */
  residence: Uint8Array;
  nationality: Uint16Array;
  /** 0 male, 1 female. */
  gender: Uint8Array;
  age: Uint8Array;
  /** 0 none (domestic), 1 air, 2 land, 3 sea. */
  mode: Uint8Array;
  /** 0 none, else 1 + index into `ports`. */
  port: Uint8Array;
  arrivalDay: Uint16Array;
  makkahRoute: Uint8Array;
  /** 0 none, else 1 + index into `ports`. */
  departurePort: Uint8Array;
  /** Index into `days`; meaningless when `departurePort` is 0. */
  departureDay: Uint16Array;
  /** Four 32-bit words per record: the pilgrim's key, a version-4 UUID. */
  key: Uint32Array;
}

export interface SimulationInput {
  figures: SeasonFigures;
  seed: number;
  profile: SimulationProfile;
  ports: Port[];
  regionOf: (nationality: string) => Region;
  countriesOf: (region: Region) => string[];
  makkahRouteCountries: Set<string>;
  arafah: string;
  arrivalsFrom: string;
}

/** A block of records that share everything the marginals constrain. */
interface Block {
  residence: 0 | 1;
  region: Region | 'domestic';
  nationality: string;
  mode: 0 | 1 | 2 | 3;
  port: string | null;
  makkahRoute: boolean;
  n: number;
}

const EPSILON = 1e-6;

export function simulateSeason(input: SimulationInput): SimulatedSeason {
  const { figures, profile } = input;
  const rng = xoroshiro128plus(input.seed);
  const blocks = foreignBlocks(input).concat(domesticBlocks(input));
  const count = blocks.reduce((s, b) => s + b.n, 0);
  if (count !== figures.total) throw new Error(`simulator placed ${count} records for a total of ${figures.total}`);

  const nationalities = [...new Set(blocks.map((b) => b.nationality))].sort();
  const natIndex = new Map(nationalities.map((c, i) => [c, i]));
  const ports = input.ports.map((p) => p.code);
  const portIndex = new Map(ports.map((c, i) => [c, i + 1]));
  const lastArrival = addDays(input.arafah, -1);
  const arrivalSpan = dayDiff(input.arrivalsFrom, lastArrival);
  const days = Array.from({ length: arrivalSpan + 1 + 61 }, (_, i) => addDays(input.arrivalsFrom, i));
  const dayOfArafah = arrivalSpan + 1;

  const s: SimulatedSeason = {
    season: figures.season, count, nationalities, ports, days,
    residence: new Uint8Array(count), nationality: new Uint16Array(count), gender: new Uint8Array(count), age: new Uint8Array(count),
    mode: new Uint8Array(count), port: new Uint8Array(count), arrivalDay: new Uint16Array(count), makkahRoute: new Uint8Array(count),
    departurePort: new Uint8Array(count), departureDay: new Uint16Array(count), key: new Uint32Array(count * 4),
  };

  // 1. Blocks in order of residence and region, so that each gender stratum is one run of records.
  const strata = ['domestic', ...regions] as const;
  blocks.sort((a, b) => strata.indexOf(a.region) - strata.indexOf(b.region));
  const runs = new Map<string, { start: number; n: number }>();
  let at = 0;
  for (const b of blocks) {
    const run = runs.get(b.region) ?? runs.set(b.region, { start: at, n: 0 }).get(b.region)!;
    run.n += b.n;
    const nat = natIndex.get(b.nationality)!;
    const port = b.port ? portIndex.get(b.port)! : 0;
    s.residence.fill(b.residence, at, at + b.n);
    s.nationality.fill(nat, at, at + b.n);
    s.mode.fill(b.mode, at, at + b.n);
    s.port.fill(port, at, at + b.n);
    s.makkahRoute.fill(b.makkahRoute ? 1 : 0, at, at + b.n);
    at += b.n;
  }

  // 2. Gender: the male total spread over the strata by each one's share of men, then men drawn at random within each.
  const strataRuns = strata.map((k) => runs.get(k) ?? { start: at, n: 0 });
  const males = cappedApportion(figures.gender.male, strataRuns.map((r, i) => r.n * profile.maleShare[strata[i]!]), strataRuns.map((r) => r.n));
  s.gender.fill(1);
  strataRuns.forEach((run, i) => chooseMales(rng, s.gender, run.start, run.n, males[i]!));

  // 3. Age, arrival and departure day, key: drawn per record from the profile's curves.
  const ageFor = [sampler(profile.ageBands.map((b) => b.foreign)), sampler(profile.ageBands.map((b) => b.domestic))];
  const curve = (points: [number, number][]) => sampler(Array.from({ length: arrivalSpan + 1 }, (_, i) => interpolate(points, arrivalSpan + 1 - i)));
  const arrivalFor = {
    JED: curve(profile.arrivalCurves.JED), MED: curve(profile.arrivalCurves.MED),
    land: curve(profile.arrivalCurves.land), sea: curve(profile.arrivalCurves.sea), domestic: curve(profile.arrivalCurves.domestic),
  };
  const departureAfter = sampler(Array.from({ length: 61 }, (_, d) => (d < 4 ? 0 : interpolate(profile.departure.curve, d))));
  const jed = portIndex.get('JED') ?? 0;
  const med = portIndex.get('MED') ?? 0;
  for (let i = 0; i < count; i++) {
    const band = profile.ageBands[ageFor[s.residence[i]!]!(rng)]!;
    s.age[i] = band.from + Math.floor(uniformFloat64(rng) * (band.to - band.from + 1));
    const mode = s.mode[i]!;
    const pick = mode === 0 ? arrivalFor.domestic : mode === 2 ? arrivalFor.land : mode === 3 ? arrivalFor.sea : s.port[i] === med ? arrivalFor.MED : arrivalFor.JED;
    s.arrivalDay[i] = pick(rng);
    if (mode !== 0) {
      s.departureDay[i] = dayOfArafah + departureAfter(rng);
      const r = uniformFloat64(rng);
      s.departurePort[i] = mode !== 1 ? s.port[i]! : s.port[i] === jed ? (r < profile.departure.jedToMed ? med : jed) : r < 0.85 ? jed : med;
    }
    s.key[i * 4] = rng.next() >>> 0;
    s.key[i * 4 + 1] = ((rng.next() & 0xffff0fff) | 0x00004000) >>> 0; // version 4
    s.key[i * 4 + 2] = ((rng.next() & 0x3fffffff) | 0x80000000) >>> 0; // RFC 4122 variant
    s.key[i * 4 + 3] = rng.next() >>> 0;
  }
  return shuffle(s, rng);
}

/** Foreign pilgrims: region × arrival mode fitted to both totals, then nationality, port and the Makkah Route. */
function foreignBlocks(input: SimulationInput): Block[] {
  const { figures, profile } = input;
  const weight = (c: string) => profile.nationalityWeights[c] ?? 0;
  const propensity = (c: string, mode: ArrivalMode) => {
    const land = profile.landShare[c] ?? 0;
    const sea = profile.seaShare[c] ?? 0;
    return mode === 'air' ? Math.max(1 - land - sea, 0.05) : Math.max(mode === 'land' ? land : sea, EPSILON);
  };
  const seed = regions.map((r) => arrivalModes.map((m) => input.countriesOf(r).reduce((s, c) => s + weight(c) * propensity(c, m), 0)));
  const table = fitTable(regions.map((r) => figures.foreignByRegion[r]), arrivalModes.map((m) => figures.foreignByArrival[m]), seed);

  const blocks: Block[] = [];
  const airByCountry = new Map<string, Block[]>();
  regions.forEach((region, r) => {
    const countries = input.countriesOf(region);
    arrivalModes.forEach((mode, m) => {
      const n = table[r]![m]!;
      if (n === 0) return;
      const byCountry = largestRemainder(n, countries.map((c) => weight(c) * propensity(c, mode)));
      countries.forEach((c, k) => {
        if (byCountry[k] === 0) return;
        const ports = portsFor(input, c, mode);
        const byPort = largestRemainder(byCountry[k]!, ports.map((p) => p.weight));
        ports.forEach((p, j) => {
          if (byPort[j] === 0) return;
          const block: Block = { residence: 0, region, nationality: c, mode: (m + 1) as 1 | 2 | 3, port: p.code, makkahRoute: false, n: byPort[j]! };
          blocks.push(block);
          if (mode === 'air' && input.makkahRouteCountries.has(c)) (airByCountry.get(c) ?? airByCountry.set(c, []).get(c)!).push(block);
        });
      });
    });
  });
  // The Makkah Route: only air arrivals from its countries, spread in proportion to them.
  const routeBlocks = [...airByCountry.values()].flat();
  const capacity = routeBlocks.reduce((s, b) => s + b.n, 0);
  if (figures.makkahRoute > capacity) throw new AppError('statistics.makkah_route_infeasible', { makkahRoute: figures.makkahRoute, capacity });
  const routed = cappedApportion(figures.makkahRoute, routeBlocks.map((b) => b.n), routeBlocks.map((b) => b.n));
  routeBlocks.forEach((b, i) => {
    if (routed[i] === 0) return;
    blocks.push({ ...b, makkahRoute: true, n: routed[i]! });
    b.n -= routed[i]!;
  });
  return blocks.filter((b) => b.n > 0);
}

/** Where a nationality enters by a mode: its neighbours' land ports, the sea port, the airports by their shares. */
function portsFor(input: SimulationInput, country: string, mode: ArrivalMode): { code: string; weight: number }[] {
  const ofMode = input.ports.filter((p) => p.mode === mode);
  if (mode === 'air') return ofMode.map((p) => ({ code: p.code, weight: input.profile.airPorts[p.code] ?? 0 }));
  const near = ofMode.filter((p) => p.neighbours.includes(country));
  return (near.length ? near : ofMode).map((p) => ({ code: p.code, weight: 1 }));
}

function domesticBlocks(input: SimulationInput): Block[] {
  const weights = Object.entries(input.profile.domesticNationalities).sort(([a], [b]) => a.localeCompare(b));
  const split = largestRemainder(input.figures.residence.domestic, weights.map(([, w]) => w));
  return weights.map(([c], i) => ({ residence: 1 as const, region: 'domestic' as const, nationality: c, mode: 0 as const, port: null, makkahRoute: false, n: split[i]! })).filter((b) => b.n > 0);
}

/** Marks exactly `males` of the run's records male (0), chosen uniformly at random (partial Fisher–Yates). */
function chooseMales(rng: RandomGenerator, gender: Uint8Array, start: number, n: number, males: number) {
  const idx = new Uint32Array(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  for (let i = 0; i < males; i++) {
    const j = i + Math.floor(uniformFloat64(rng) * (n - i));
    const t = idx[i]!;
    idx[i] = idx[j]!;
    idx[j] = t;
    gender[start + idx[i]!] = 0;
  }
}

/** Draws an index with probability proportional to `weights` (inverse of the cumulative sums). */
function sampler(weights: number[]): (rng: RandomGenerator) => number {
  const cdf = new Float64Array(weights.length);
  let sum = 0;
  weights.forEach((w, i) => (cdf[i] = sum += Math.max(w, 0)));
  if (sum <= 0) return () => weights.length - 1;
  return (rng) => {
    const u = uniformFloat64(rng) * sum;
    let lo = 0;
    let hi = cdf.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cdf[mid]! > u) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
}

/** A curve given as `[x, y]` points, linear between them and 0 outside. */
function interpolate(points: [number, number][], x: number): number {
  const sorted = [...points].sort((a, b) => a[0] - b[0]);
  for (let i = 0; i + 1 < sorted.length; i++) {
    const [x0, y0] = sorted[i]!;
    const [x1, y1] = sorted[i + 1]!;
    if (x >= x0 && x <= x1) return x1 === x0 ? y0 : y0 + ((y1 - y0) * (x - x0)) / (x1 - x0);
  }
  return 0;
}

const dayDiff = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/** The records in a random order (Fisher–Yates over one permutation applied to every column). */
function shuffle(s: SimulatedSeason, rng: RandomGenerator): SimulatedSeason {
  const n = s.count;
  const perm = new Uint32Array(n);
  for (let i = 0; i < n; i++) perm[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(uniformFloat64(rng) * (i + 1));
    const t = perm[i]!;
    perm[i] = perm[j]!;
    perm[j] = t;
  }
  const permute = <T extends Uint8Array | Uint16Array>(a: T): T => {
    const out = new (a.constructor as new (n: number) => T)(n);
    for (let i = 0; i < n; i++) out[i] = a[perm[i]!]!;
    return out;
  };
  const key = new Uint32Array(n * 4);
  for (let i = 0; i < n; i++) key.set(s.key.subarray(perm[i]! * 4, perm[i]! * 4 + 4), i * 4);
  return {
    ...s,
    residence: permute(s.residence), nationality: permute(s.nationality), gender: permute(s.gender), age: permute(s.age), mode: permute(s.mode),
    port: permute(s.port), arrivalDay: permute(s.arrivalDay), makkahRoute: permute(s.makkahRoute), departurePort: permute(s.departurePort),
    departureDay: permute(s.departureDay), key,
  };
}
