/**
 * Whole numbers that add up exactly: the simulator's arithmetic (every
 * breakdown it is given must come out exactly, however it is spread).
 */

/**
 * Splits `total` in proportion to `weights` into whole numbers that add up to
 * `total` (largest remainder; ties go to the earlier index). All-zero weights
 * split evenly.
 *
 * @example largestRemainder(10, [1, 1, 1]) // [4, 3, 3]
 */
export function largestRemainder(total: number, weights: readonly number[]): number[] {
  if (weights.length === 0) {
    if (total !== 0) throw new RangeError(`cannot split ${total} into no parts`);
    return [];
  }
  const sum = weights.reduce((s, w) => s + w, 0);
  const shares = sum > 0 ? weights.map((w) => (total * w) / sum) : weights.map(() => total / weights.length);
  const out = shares.map(Math.floor);
  let left = total - out.reduce((s, n) => s + n, 0);
  const order = shares.map((s, i) => ({ i, r: s - Math.floor(s) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) out[order[k]!.i]!++;
  return out;
}

/**
 * Like `largestRemainder`, but no part passes its cap: what a capped part
 * cannot take goes to the others in proportion. Throws when the caps add up to
 * less than `total`.
 */
export function cappedApportion(total: number, weights: readonly number[], caps: readonly number[]): number[] {
  const capacity = caps.reduce((s, c) => s + c, 0);
  if (capacity < total) throw new RangeError(`cannot place ${total} in a capacity of ${capacity}`);
  const out = weights.map(() => 0);
  const open = new Set(weights.map((_, i) => i).filter((i) => caps[i]! > 0));
  let left = total;
  while (left > 0) {
    const ids = [...open];
    const part = largestRemainder(left, ids.map((i) => (weights[i]! > 0 ? weights[i]! : 1e-9)));
    let placed = 0;
    ids.forEach((i, k) => {
      const take = Math.min(part[k]!, caps[i]! - out[i]!);
      out[i]! += take;
      placed += take;
      if (out[i] === caps[i]) open.delete(i);
    });
    left -= placed;
  }
  return out;
}

/**
 * A table of whole numbers with exactly these row and column totals, shaped
 * like `seed` (iterative proportional fitting, then rounding that keeps every
 * total). A zero in `seed` is kept zero where the totals allow it.
 *
 * @example fitTable([5, 5], [6, 4], [[1, 1], [1, 1]]) // [[3, 2], [3, 2]]
 */
export function fitTable(rows: readonly number[], cols: readonly number[], seed: readonly (readonly number[])[]): number[][] {
  const rowSum = rows.reduce((s, n) => s + n, 0);
  if (rowSum !== cols.reduce((s, n) => s + n, 0)) throw new RangeError('row and column totals differ');
  // A tiny floor keeps every cell reachable, so fitting converges whatever the seed.
  const m = seed.map((r) => r.map((v) => Math.max(v, 1e-9)));
  for (let iter = 0; iter < 500; iter++) {
    m.forEach((r, i) => {
      const s = r.reduce((a, b) => a + b, 0);
      r.forEach((v, j) => (r[j] = s > 0 ? (v * rows[i]!) / s : 0));
    });
    let off = 0;
    cols.forEach((c, j) => {
      const s = m.reduce((a, r) => a + r[j]!, 0);
      off = Math.max(off, Math.abs(s - c));
      m.forEach((r) => (r[j] = s > 0 ? (r[j]! * c) / s : 0));
    });
    if (off < 1e-7) break;
  }
  // Controlled rounding: floor every cell, then hand the missing units to the cells with
  // the largest fractions whose row and column still miss some; a second pass places any rest.
  const out = m.map((r) => r.map(Math.floor));
  const rowLeft = rows.map((n, i) => n - out[i]!.reduce((a, b) => a + b, 0));
  const colLeft = cols.map((n, j) => n - out.reduce((a, r) => a + r[j]!, 0));
  const cells = m.flatMap((r, i) => r.map((v, j) => ({ i, j, f: v - Math.floor(v) }))).sort((a, b) => b.f - a.f || a.i - b.i || a.j - b.j);
  for (const pass of [0, 1]) {
    for (const c of cells) {
      while (rowLeft[c.i]! > 0 && colLeft[c.j]! > 0) {
        out[c.i]![c.j]!++;
        rowLeft[c.i]!--;
        colLeft[c.j]!--;
        if (pass === 0) break;
      }
    }
  }
  return out;
}
