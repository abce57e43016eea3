import { describe, expect, it } from 'vitest';
import { cappedApportion, fitTable, largestRemainder } from './apportion.ts';

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe('largest remainder', () => {
  it.each([
    ['splits evenly with ties to the first', 10, [1, 1, 1], [4, 3, 3]],
    ['follows the weights', 100, [1, 3], [25, 75]],
    ['gives the remainder to the largest fraction', 7, [0.5, 0.3, 0.2], [4, 2, 1]],
    ['splits evenly when every weight is zero', 5, [0, 0], [3, 2]],
    ['gives nothing to a zero weight', 9, [0, 1, 2], [0, 3, 6]],
  ])('%s', (_name, total, weights, expected) => {
    expect(largestRemainder(total, weights)).toEqual(expected);
  });
});

describe('capped apportionment', () => {
  it('never passes a cap and still places everything', () => {
    const out = cappedApportion(100, [10, 1, 1], [20, 100, 100]);
    expect(out[0]).toBe(20);
    expect(sum(out)).toBe(100);
  });
  it('refuses more than the caps hold', () => {
    expect(() => cappedApportion(10, [1, 1], [3, 3])).toThrow(/capacity of 6/);
  });
});

describe('fitting a table to its totals', () => {
  it.each([
    ['a uniform seed', [5, 5], [6, 4], [[1, 1], [1, 1]]],
    ['the official 1444H regions and arrival modes', [346214, 1056317, 221863, 36521], [1593271, 60813, 6831], [[0.7, 0.25, 0.05], [1, 0.001, 0], [1, 0, 0.01], [1, 0, 0]]],
    ['a seed with zeros the totals force open', [10, 10], [0, 20], [[1, 0], [1, 0]]],
  ])('keeps every row and column total exactly (%s)', (_name, rows, cols, seed) => {
    const t = fitTable(rows, cols, seed);
    expect(t.map(sum)).toEqual(rows);
    expect(cols.map((_, j) => sum(t.map((r) => r[j]!)))).toEqual(cols);
    expect(t.flat().every((v) => Number.isInteger(v) && v >= 0)).toBe(true);
  });
  it('keeps a zero of the seed where the totals allow it', () => {
    const t = fitTable([346214, 1056317], [1300000, 102531], [[0.7, 0.3], [1, 0]]);
    expect(t[1]![1]).toBe(0);
  });
});
