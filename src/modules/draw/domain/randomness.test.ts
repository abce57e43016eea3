import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { chiSquareTest } from './fairness.ts';
import { drawOrder, drawSeed, randomStream } from '../../../common/draw/randomness.ts';
import { nativeSha256 } from './node-hasher.ts';

const ROOT = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

describe('draw randomness', () => {
  it('derives the seed as SHA-256(root bytes ‖ value) — a fixed vector anyone can check', () => {
    // printf '\xe3\xb0…\x55' followed by "beacon-42" | sha256sum
    const expected = sha256Reference(ROOT, 'beacon-42');
    expect(drawSeed(ROOT, 'beacon-42')).toBe(expected);
    expect(drawSeed(ROOT, 'beacon-43')).not.toBe(expected);
  });

  it('gives the same order with Node\'s native SHA-256 as with the portable one (the server uses the native one)', () => {
    for (const n of [0, 1, 2, 9, 1000, 20_000]) expect([...drawOrder(drawSeed(ROOT, `n${n}`), n, nativeSha256)]).toEqual([...drawOrder(drawSeed(ROOT, `n${n}`), n)]);
  });

  it('gives the same order for the same seed and a different one for another', () => {
    const seed = drawSeed(ROOT, 'v1');
    expect([...drawOrder(seed, 50)]).toEqual([...drawOrder(seed, 50)]);
    expect([...drawOrder(seed, 50)]).not.toEqual([...drawOrder(drawSeed(ROOT, 'v2'), 50)]);
  });

  it.each([0, 1, 2, 10, 1000])('orders %i entries as a permutation', (n) => {
    const order = drawOrder(drawSeed(ROOT, 'p'), n);
    expect([...order].sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, i) => i));
  });

  it.each([2, 3, 7, 10, 1000])('draws uniformly below %i', (n) => {
    const stream = randomStream(drawSeed(ROOT, `u${n}`));
    const bins = Math.min(n, 10);
    const counts = new Array<number>(bins).fill(0);
    for (let i = 0; i < 20_000; i++) counts[Math.floor((stream.below(n) * bins) / n)]! += 1;
    const expected = 20_000 / bins;
    const statistic = counts.reduce((s, c) => s + (c - expected) ** 2 / expected, 0);
    expect(statistic).toBeLessThan(35); // far above the 99.99th percentile of chi-square(9) would mean bias
  });

  it('puts every entry in every place equally often (Fisher–Yates, no bias)', () => {
    const n = 4;
    const table = Array.from({ length: n }, () => new Array<number>(n).fill(0));
    for (let t = 0; t < 8_000; t++) {
      const order = drawOrder(drawSeed(ROOT, `t${t}`), n);
      order.forEach((entry, place) => (table[entry]![place]! += 1));
    }
    expect(chiSquareTest(table).pValue).toBeGreaterThan(0.001);
  });

  it('refuses a bound it cannot draw from', () => {
    const stream = randomStream(drawSeed(ROOT, 'x'));
    expect(() => stream.below(0)).toThrow(RangeError);
    expect(() => stream.below(1.5)).toThrow(RangeError);
  });
});

function sha256Reference(rootHex: string, value: string) {
  return createHash('sha256').update(Buffer.concat([Buffer.from(rootHex, 'hex'), Buffer.from(value, 'utf8')])).digest('hex');
}
