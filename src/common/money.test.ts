import { describe, expect, it } from 'vitest';
import { allocate, formatSar, halalas, parseRiyals, sum } from './money.ts';

describe('money in halalas', () => {
  it.each([
    ['0', 0],
    ['12', 1200],
    ['12.5', 1250],
    ['12.05', 1205],
    ['-3.10', -310],
    [' 18500.00 ', 1_850_000],
  ])('parses %j riyals as %i halalas', (text, expected) => expect(parseRiyals(text)).toBe(expected));

  it.each(['12.345', '1,000', 'abc', '', '1e5', '0x10'])('refuses %j', (text) => expect(() => parseRiyals(text)).toThrow(RangeError));

  it('refuses fractional halalas', () => expect(() => halalas(10.5)).toThrow(RangeError));

  it.each([
    [100, [1, 1, 1], [34, 33, 33]],
    [1000, [1, 2], [333, 667]],
    [1, [1, 1], [1, 0]],
    [0, [3, 7], [0, 0]],
    [99_999, [15, 85], [15_000, 84_999]],
  ])('allocates %i over %j without losing a halala', (total, weights, expected) => {
    const parts = allocate(halalas(total), weights);
    expect(parts).toEqual(expected);
    expect(sum(parts)).toBe(total);
  });

  it('formats for people in Arabic and English', () => {
    expect(formatSar(halalas(123_450), 'en')).toMatch(/^SAR\s1,234\.50$/);
    expect(formatSar(halalas(123_450), 'ar')).toMatch(/1,234\.50/); // Western digits in Arabic too: one digit style everywhere
  });
});
