import { intlLocale, isLocale } from './i18n.ts';

/**
 * Money is always an integer number of halalas (1 SAR = 100 halalas).
 * Floating-point riyals never enter the system: amounts are parsed and
 * formatted here, at the edges.
 */
export type Halalas = number & { readonly __brand: 'Halalas' };

export const HALALAS_PER_RIYAL = 100;

/** Throws unless `value` is a safe integer amount of halalas. */
export function halalas(value: number): Halalas {
  if (!Number.isSafeInteger(value)) throw new RangeError(`not a whole number of halalas: ${value}`);
  return value as Halalas;
}

/** Parses a decimal riyal string such as "1234.50" without floating point. */
export function parseRiyals(text: string): Halalas {
  const match = /^(-)?(\d{1,13})(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!match) throw new RangeError(`not an amount in riyals: ${JSON.stringify(text)}`);
  const [, sign, whole = '0', fraction = ''] = match;
  const value = Number(whole) * HALALAS_PER_RIYAL + Number(fraction.padEnd(2, '0'));
  return halalas(sign ? -value : value);
}

/** Formats for people, in their language, e.g. "1,234.50 ر.س.‏" or "SAR 1,234.50" (Western digits in both: see intlLocale). */
export function formatSar(amount: Halalas, locale: string): string {
  return new Intl.NumberFormat(intlLocale(isLocale(locale) ? locale : 'en'), {
    style: 'currency',
    currency: 'SAR',
    minimumFractionDigits: 2,
  }).format(amount / HALALAS_PER_RIYAL);
}

/** Adds amounts, refusing to lose precision. */
export function sum(amounts: readonly Halalas[]): Halalas {
  return halalas(amounts.reduce((total, a) => total + a, 0));
}

/**
 * Splits `total` into parts proportional to `weights`, largest remainder
 * first, so the parts always add up to the total exactly.
 *
 * @example allocate(halalas(100), [1, 1, 1]) // [34, 33, 33]
 */
export function allocate(total: Halalas, weights: readonly number[]): Halalas[] {
  const weightSum = weights.reduce((a, w) => a + w, 0);
  if (weights.length === 0 || weightSum <= 0 || weights.some((w) => w < 0)) {
    throw new RangeError('allocate needs non-negative weights with a positive sum');
  }
  const exact = weights.map((w) => (total * w) / weightSum);
  const parts = exact.map((x) => Math.floor(x));
  let remainder = total - parts.reduce((a, p) => a + p, 0);
  const order = exact.map((x, i) => ({ i, frac: x - Math.floor(x) })).sort((a, b) => b.frac - a.frac || a.i - b.i);
  for (let k = 0; remainder > 0; k = (k + 1) % order.length, remainder--) parts[order[k]!.i]! += 1;
  return parts.map(halalas);
}
