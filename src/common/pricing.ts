import { allocate, halalas, type Halalas } from './money.ts';

/** What a package price is made of. Every package shows every line. */
export const priceComponents = [
  'makkah_housing',
  'madinah_housing',
  'mina_arafat',
  'meals',
  'transport',
  'flight',
  'guidance',
  'insurance',
  'service_fee',
] as const;
export type PriceComponent = (typeof priceComponents)[number];

/**
 * VAT categories: `standard` is 15 %; `zero` is zero-rated supply such as
 * international passenger transport (the flight to the Kingdom).
 */
export const vatRates = { standard: 1500, zero: 0 } as const; // basis points
export type VatCategory = keyof typeof vatRates;

export interface PriceLineInput {
  component: PriceComponent;
  /** Net amount, before VAT, in halalas. */
  net: number;
  vatCategory?: VatCategory;
}

export interface PriceLine {
  component: PriceComponent;
  net: Halalas;
  vatCategory: VatCategory;
  vat: Halalas;
  gross: Halalas;
}

export interface PriceBreakdown {
  lines: PriceLine[];
  subtotal: Halalas;
  vat: Halalas;
  total: Halalas;
}

/** round(amount × bp / 10 000), half up, in integers (amounts are never negative here). */
export function percentOf(amount: number, basisPoints: number): number {
  return Math.floor((amount * basisPoints + 5_000) / 10_000);
}

/**
 * The price breakdown, by the rule in docs/algorithms/vat-rounding.md:
 * VAT is rounded once per rate, on the sum of the lines at that rate, and
 * that amount is spread over the lines by largest remainder. So the VAT is
 * exactly 15 % of the taxable subtotal (to the halala), every line shows its
 * share, and the total always equals the sum of the lines.
 *
 * @example priceBreakdown([{ component: 'makkah_housing', net: 100_00 }, { component: 'meals', net: 33_33 }])
 */
export function priceBreakdown(inputs: readonly PriceLineInput[]): PriceBreakdown {
  const lines = inputs.map((l) => ({ component: l.component, net: halalas(l.net), vatCategory: l.vatCategory ?? 'standard' }));
  const vatByLine = new Map<number, number>();
  for (const category of Object.keys(vatRates) as VatCategory[]) {
    const indexes = lines.flatMap((l, i) => (l.vatCategory === category ? [i] : []));
    const groupNet = indexes.reduce((s, i) => s + lines[i]!.net, 0);
    const groupVat = percentOf(groupNet, vatRates[category]);
    const shares = groupVat > 0 ? allocate(halalas(groupVat), indexes.map((i) => lines[i]!.net)) : indexes.map(() => 0);
    indexes.forEach((lineIndex, k) => vatByLine.set(lineIndex, shares[k]!));
  }
  const priced = lines.map((l, i) => {
    const vat = halalas(vatByLine.get(i) ?? 0);
    return { ...l, vat, gross: halalas(l.net + vat) };
  });
  const subtotal = halalas(priced.reduce((s, l) => s + l.net, 0));
  const vat = halalas(priced.reduce((s, l) => s + l.vat, 0));
  return { lines: priced, subtotal, vat, total: halalas(subtotal + vat) };
}

export type PriceProblem = 'no_lines' | 'duplicate_component' | 'zero_total';

/** What makes a price list unacceptable, beyond what the request schema checks. */
export function checkPriceLines(inputs: readonly PriceLineInput[]): PriceProblem | null {
  if (inputs.length === 0) return 'no_lines';
  if (new Set(inputs.map((l) => l.component)).size !== inputs.length) return 'duplicate_component';
  if (inputs.every((l) => l.net === 0)) return 'zero_total';
  return null;
}
