import { describe, expect, it } from 'vitest';
import { allocate, placementList, poolsProblem, reserveOf, shareToBps, type DrawParameters } from './allocate.ts';
import type { DrawEntry } from './entries.ts';

const entry = (id: string, size: number, choices: string[], country = 'FR', pool = 'general'): DrawEntry => ({ applicationId: id, familySize: size, country, choices, pool });
const inOrder = (n: number) => Uint32Array.from({ length: n }, (_, i) => i);
const params = (packages: Record<string, number>, quotas: Record<string, number> = { FR: 1000, GB: 1000 }, pools: DrawParameters['pools'] = [{ code: 'general' }]): DrawParameters => ({
  packages: Object.entries(packages).map(([id, seats]) => ({ id, seats })),
  quotas: Object.entries(quotas).map(([country, seats]) => ({ country, seats })),
  pools,
});
const summary = (entries: DrawEntry[], order: Uint32Array, p: DrawParameters) =>
  placementList(allocate(entries, order, p)).map((pl) => `${entries[pl.entry]!.applicationId}:${pl.outcome === 'won' ? `${pl.packageId}#${pl.choiceRank}/${pl.phase}` : `wait${pl.waitlistPosition}`}`);

describe('allocate (random serial dictatorship, family-atomic)', () => {
  it.each([
    {
      name: 'each family takes its highest-ranked package with room, in draw order',
      entries: [entry('a', 2, ['P', 'Q']), entry('b', 2, ['P', 'Q']), entry('c', 1, ['P'])],
      params: params({ P: 3, Q: 5 }),
      expected: ['a:P#1/open', 'b:Q#2/open', 'c:P#1/open'],
    },
    {
      name: 'a family is never split: a large family waits while a smaller one behind it uses the seats',
      entries: [entry('big', 4, ['P']), entry('small', 2, ['P'])],
      params: params({ P: 3 }),
      expected: ['big:wait1', 'small:P#1/open'],
    },
    {
      name: 'the country quota binds as well as the package',
      entries: [entry('a', 3, ['P'], 'GB'), entry('b', 2, ['P'], 'GB'), entry('c', 2, ['P'], 'FR')],
      params: params({ P: 10 }, { FR: 10, GB: 4 }),
      expected: ['a:P#1/open', 'b:wait1', 'c:P#1/open'],
    },
    {
      name: 'a country without a quota wins nothing',
      entries: [entry('a', 1, ['P'], 'DE')],
      params: params({ P: 10 }),
      expected: ['a:wait1'],
    },
    {
      name: 'a family larger than every package waits',
      entries: [entry('a', 8, ['P', 'Q'])],
      params: params({ P: 5, Q: 7 }),
      expected: ['a:wait1'],
    },
    {
      name: 'a reserved pool draws first from its share, then everyone shares what is left',
      // first_time reserves ⌊5000 × 4 / 10000⌋ = 2 seats of P. 'g1' comes first in the order but the
      // reserved phase runs first, so 'f1' (pool first_time) takes 2; then the open phase gives g1 the last 2.
      entries: [entry('g1', 2, ['P']), entry('f1', 2, ['P'], 'FR', 'first_time'), entry('g2', 1, ['P'])],
      params: params({ P: 4 }, { FR: 100 }, [{ code: 'first_time', shareBps: 5000 }, { code: 'general' }]),
      expected: ['g1:P#1/open', 'f1:P#1/first_time', 'g2:wait1'],
    },
    {
      name: 'unused reserved seats cascade to the open phase',
      entries: [entry('g1', 3, ['P']), entry('g2', 1, ['P'])],
      params: params({ P: 4 }, { FR: 100 }, [{ code: 'first_time', shareBps: 5000 }, { code: 'general' }]),
      expected: ['g1:P#1/open', 'g2:P#1/open'],
    },
    {
      name: 'a pool family that misses its reserve still competes in the open phase',
      entries: [entry('f1', 2, ['P'], 'FR', 'first_time'), entry('f2', 2, ['P'], 'FR', 'first_time')],
      params: params({ P: 4 }, { FR: 100 }, [{ code: 'first_time', shareBps: 2500 }, { code: 'general' }]),
      expected: ['f1:P#1/open', 'f2:P#1/open'],
    },
    {
      name: 'an unknown package in a ranking is skipped, not fatal',
      entries: [entry('a', 1, ['gone', 'P'])],
      params: params({ P: 1 }),
      expected: ['a:P#2/open'],
    },
    { name: 'an empty pool gives an empty result', entries: [], params: params({ P: 1 }), expected: [] },
  ])('$name', ({ entries, params: p, expected }) => {
    expect(summary(entries, inOrder(entries.length), p)).toEqual(expected);
  });

  it('follows the draw order, not the entry order', () => {
    const entries = [entry('a', 1, ['P']), entry('b', 1, ['P'])];
    expect(summary(entries, Uint32Array.of(1, 0), params({ P: 1 }))).toEqual(['b:P#1/open', 'a:wait1']);
  });

  it('never gives more seats than a package has or a quota allows (random cases)', () => {
    for (let t = 0; t < 200; t++) {
      const rnd = mulberry(t);
      const pkgs = Object.fromEntries(Array.from({ length: 5 }, (_, i) => [`P${i}`, 1 + Math.floor(rnd() * 20)]));
      const quotas = { FR: Math.floor(rnd() * 40), GB: Math.floor(rnd() * 40) };
      const entries = Array.from({ length: 30 }, (_, i) => entry(`e${i}`, 1 + Math.floor(rnd() * 8), ['P0', 'P1', 'P2', 'P3', 'P4'].filter(() => rnd() < 0.5), rnd() < 0.5 ? 'FR' : 'GB', rnd() < 0.3 ? 'first_time' : 'general'));
      const p = params(pkgs, quotas, [{ code: 'first_time', shareBps: 3000 }, { code: 'general' }]);
      const placements = placementList(allocate(entries, inOrder(entries.length), p));
      const byPkg = new Map<string, number>();
      const byCountry = new Map<string, number>();
      for (const pl of placements.filter((x) => x.outcome === 'won')) {
        const e = entries[pl.entry]!;
        byPkg.set(pl.packageId!, (byPkg.get(pl.packageId!) ?? 0) + e.familySize);
        byCountry.set(e.country, (byCountry.get(e.country) ?? 0) + e.familySize);
      }
      for (const [id, seats] of byPkg) expect(seats).toBeLessThanOrEqual(pkgs[id]!);
      for (const [c, seats] of byCountry) expect(seats).toBeLessThanOrEqual(quotas[c as 'FR']);
    }
  });
});

describe('poolsProblem', () => {
  it.each([
    [[{ code: 'general' }], null],
    [[{ code: 'first_time', shareBps: 2000 }, { code: 'general' }], null],
    [[{ code: 'aa', shareBps: 6000 }, { code: 'bb', shareBps: 6000 }], { problem: 'shares_over_whole' }],
    [[{ code: 'aa', shareBps: 5000 }, { code: 'bb', shareBps: 5000 }], null],
    [[{ code: 'aa', shareBps: 10000 }], { problem: 'bad_share', pool: 'aa' }],
    [[{ code: 'aa', shareBps: 29.5 }], { problem: 'bad_share', pool: 'aa' }],
    [[{ code: 'general' }, { code: 'general' }], { problem: 'duplicate_pool', pool: 'general' }],
    [[{ code: 'open' }], { problem: 'bad_code', pool: 'open' }],
  ])('%j → %o', (pools, problem) => expect(poolsProblem(pools)).toEqual(problem));
});

describe('exact shares', () => {
  it.each([
    // The floating-point reading ⌊0.29 × 100⌋ gives 28; the exact one 29 (as do 0.35, 0.57, 0.7).
    { share: 0.29, bps: 2900, seats: 100, reserve: 29 },
    { share: 0.35, bps: 3500, seats: 100, reserve: 35 },
    { share: 0.57, bps: 5700, seats: 100, reserve: 57 },
    { share: 0.7, bps: 7000, seats: 10, reserve: 7 },
    { share: 0.2, bps: 2000, seats: 7, reserve: 1 },
    { share: 0.0001, bps: 1, seats: 9999, reserve: 0 },
    { share: 0.12345, bps: null, seats: 100, reserve: null },
    { share: 1 / 3, bps: null, seats: 100, reserve: null },
  ])('a share of $share is $bps basis points and reserves $reserve of $seats seats', ({ share, bps, seats, reserve }) => {
    expect(shareToBps(share)).toBe(bps);
    if (bps !== null) expect(reserveOf(bps, seats)).toBe(reserve);
  });

  it('reserves exactly ⌊bps × seats / 10000⌋ for every share and size (integer arithmetic, no rounding drift)', () => {
    for (let bps = 1; bps < 10_000; bps += 7) for (const seats of [1, 3, 99, 100, 101, 4321, 50_000]) {
      expect(reserveOf(bps, seats)).toBe(Number((BigInt(bps) * BigInt(seats)) / 10_000n));
    }
  });
});

function mulberry(seed: number) {
  let a = seed + 1;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
