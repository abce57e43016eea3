import { hash } from 'node:crypto';
import { canonicalRecord, type DrawEntry, type DrawParameters } from '../src/modules/draw/index.ts';

/**
 * The draw's ceiling: the work no implementation of the published algorithm
 * can skip, done bare, for the same season in the same run.
 *
 * - hashing the canonical records into the Merkle tree (the records' bytes,
 *   0x00-prefixed, are made before the clock starts: serialising them is ours
 *   to pay, not the ceiling's);
 * - generating the SHA-256 counter-mode stream that drives the Fisher–Yates
 *   shuffle, and the shuffle itself (without rejection sampling);
 * - one pass of choice checks over typed arrays (sizes, countries and choices
 *   resolved to indices before the clock starts; the draw makes one pass per
 *   reserved pool and one open pass).
 *
 * `prepare` does everything that is not timed; `run` is timed and answers a
 * checksum so the work cannot be optimised away.
 */
export function drawCeiling(entries: DrawEntry[], parameters: DrawParameters) {
  const n = entries.length;
  const leafBytes = entries.map((e) => Buffer.from(`\u0000${canonicalRecord(e)}`, 'utf8'));
  const pkgIndex = new Map(parameters.packages.map((p, i) => [p.id, i]));
  const countryIndex = new Map(parameters.quotas.map((q, i) => [q.country, i]));
  const width = entries.reduce((w, e) => Math.max(w, e.choices.length), 1);
  const choice = new Int32Array(n * width).fill(-1);
  const size = new Int32Array(n);
  const country = new Int32Array(n);
  entries.forEach((e, i) => {
    size[i] = e.familySize;
    country[i] = countryIndex.get(e.country) ?? 0;
    e.choices.forEach((c, r) => (choice[i * width + r] = pkgIndex.get(c) ?? -1));
  });
  const seats0 = Int32Array.from(parameters.packages, (p) => p.seats);
  const quota0 = Int32Array.from(parameters.quotas, (q) => q.seats);

  return function run(): number {
    // 1. The tree.
    let level: Buffer[] = leafBytes.map((b) => hash('sha256', b, 'buffer'));
    const pair = Buffer.alloc(65);
    pair[0] = 1;
    while (level.length > 1) {
      const up: Buffer[] = [];
      for (let i = 0; i < level.length; i += 2) {
        if (i + 1 < level.length) {
          pair.set(level[i]!, 1);
          pair.set(level[i + 1]!, 33);
          up.push(hash('sha256', pair, 'buffer'));
        } else up.push(level[i]!);
      }
      level = up;
    }
    // 2. The stream and the shuffle it drives.
    const order = new Uint32Array(n);
    for (let i = 0; i < n; i++) order[i] = i;
    const input = Buffer.alloc(40);
    level[0]?.copy(input, 0);
    let block = Buffer.alloc(32);
    let word = 8;
    let counter = 0n;
    for (let i = n - 1; i > 0; i--) {
      if (word === 8) {
        input.writeBigUInt64BE(counter++, 32);
        block = hash('sha256', input, 'buffer');
        word = 0;
      }
      const j = block.readUInt32BE(4 * word++) % (i + 1);
      const t = order[i]!;
      order[i] = order[j]!;
      order[j] = t;
    }
    // 3. One pass of choice checks.
    const seats = seats0.slice();
    const quota = quota0.slice();
    let won = 0;
    for (let pos = 0; pos < n; pos++) {
      const e = order[pos]!;
      const s = size[e]!;
      const c = country[e]!;
      if (quota[c]! < s) continue;
      for (let r = 0; r < width; r++) {
        const p = choice[e * width + r]!;
        if (p >= 0 && seats[p]! >= s) {
          seats[p]! -= s;
          quota[c]! -= s;
          won++;
          break;
        }
      }
    }
    return won + (level[0]?.[0] ?? 0);
  };
}
