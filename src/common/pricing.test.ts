import { describe, expect, it } from 'vitest';
import { checkPriceLines, percentOf, priceBreakdown, type PriceLineInput } from './pricing.ts';

const line = (component: PriceLineInput['component'], net: number, vatCategory?: 'standard' | 'zero'): PriceLineInput =>
  ({ component, net, ...(vatCategory ? { vatCategory } : {}) });

describe('percentOf rounds half up in integers', () => {
  it.each([
    [100, 1500, 15],
    [1, 1500, 0], // 0.15
    [3, 1500, 0], // 0.45
    [4, 1500, 1], // 0.6
    [10, 1500, 2], // 1.5 → 2
    [30, 1500, 5], // 4.5 → 5
    [0, 1500, 0],
    [1_000_000_000, 1500, 150_000_000],
  ])('%i × %i bp = %i', (amount, bp, expected) => expect(percentOf(amount, bp)).toBe(expected));
});

describe('priceBreakdown', () => {
  it.each([
    {
      name: 'one standard line',
      lines: [line('makkah_housing', 10_000)],
      vat: 1_500,
      lineVat: [1_500],
    },
    {
      name: 'VAT rounded once on the subtotal, not per line (3 × 0.45 would round to 0 each)',
      lines: [line('meals', 3), line('transport', 3), line('guidance', 3)],
      vat: 1, // 9 × 0.15 = 1.35 → 1
      lineVat: [1, 0, 0],
    },
    {
      name: 'a half halala rounds up',
      lines: [line('meals', 10)],
      vat: 2,
      lineVat: [2],
    },
    {
      name: 'zero-rated flight carries no VAT',
      lines: [line('flight', 450_000, 'zero'), line('makkah_housing', 1_000_000)],
      vat: 150_000,
      lineVat: [0, 150_000],
    },
    {
      name: 'odd amounts spread by largest remainder',
      lines: [line('makkah_housing', 33_333), line('madinah_housing', 33_333), line('mina_arafat', 33_334)],
      vat: 15_000,
      lineVat: [5_000, 5_000, 5_000],
    },
    {
      name: 'a free line takes no VAT',
      lines: [line('guidance', 0), line('service_fee', 99_999)],
      vat: 15_000,
      lineVat: [0, 15_000],
    },
  ])('$name', ({ lines, vat, lineVat }) => {
    const b = priceBreakdown(lines);
    expect(b.vat).toBe(vat);
    expect(b.lines.map((l) => l.vat)).toEqual(lineVat);
    expect(b.total).toBe(b.lines.reduce((s, l) => s + l.gross, 0));
    expect(b.total).toBe(b.subtotal + b.vat);
  });

  it('keeps total = sum of lines and VAT = 15 % of the taxable subtotal on 2,000 random price lists', () => {
    let seed = 7;
    const rand = (n: number) => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31), seed % n);
    const components = ['makkah_housing', 'madinah_housing', 'mina_arafat', 'meals', 'transport', 'flight', 'guidance', 'insurance', 'service_fee'] as const;
    for (let i = 0; i < 2_000; i++) {
      const count = 1 + rand(components.length);
      const lines = components.slice(0, count).map((c) => line(c, rand(5_000_000), c === 'flight' ? 'zero' : undefined));
      const b = priceBreakdown(lines);
      const taxable = lines.filter((l) => l.vatCategory !== 'zero').reduce((s, l) => s + l.net, 0);
      expect(b.total).toBe(b.lines.reduce((s, l) => s + l.gross, 0));
      expect(b.vat).toBe(Math.round((taxable * 15) / 100 + 1e-9));
      expect(b.lines.every((l) => l.vat >= 0 && Number.isInteger(l.vat))).toBe(true);
    }
  });
});

describe('checkPriceLines', () => {
  it.each([
    [[], 'no_lines'],
    [[line('meals', 1), line('meals', 2)], 'duplicate_component'],
    [[line('meals', 0), line('guidance', 0)], 'zero_total'],
    [[line('meals', 0), line('guidance', 1)], null],
  ] as const)('%j → %s', (lines, problem) => expect(checkPriceLines(lines)).toBe(problem));
});
