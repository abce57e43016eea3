import { sha256 } from '@noble/hashes/sha256';
import { bytesToHex, hexToBytes, utf8ToBytes } from '@noble/hashes/utils';

/**
 * The draw's randomness (docs/algorithms/draw.md): a seed fixed by the
 * commitment and a public value entered after the freeze, a stream of
 * SHA-256 blocks in counter mode, and a Fisher–Yates shuffle driven by it.
 * Everything here is deterministic: the same inputs give the same order on
 * every machine, which is what lets anyone recompute the draw.
 */

/** seed = SHA-256(root bytes ‖ UTF-8 of the public random value), as hex. */
export function drawSeed(rootHex: string, publicValue: string): string {
  const root = hexToBytes(rootHex);
  const value = utf8ToBytes(publicValue);
  const input = new Uint8Array(root.length + value.length);
  input.set(root);
  input.set(value, root.length);
  return bytesToHex(sha256(input));
}

/** SHA-256 of some bytes. The portable one runs anywhere; the server passes Node's native one (same digests, a few times faster). */
export type Sha256 = (input: Uint8Array) => Uint8Array;

/**
 * 32-bit unsigned integers from SHA-256(seed ‖ counter as 8 bytes big-endian),
 * counter = 0, 1, 2…; each block gives eight big-endian words.
 */
export function randomStream(seedHex: string, digestOf: Sha256 = sha256) {
  const seed = hexToBytes(seedHex);
  const input = new Uint8Array(seed.length + 8);
  input.set(seed);
  const counter = new DataView(input.buffer, seed.length, 8);
  let block: DataView = new DataView(new ArrayBuffer(32));
  let next = 0;
  let word = 8;
  const nextUint32 = (): number => {
    if (word === 8) {
      counter.setBigUint64(0, BigInt(next++));
      const digest = digestOf(input);
      block = new DataView(digest.buffer, digest.byteOffset, 32);
      word = 0;
    }
    return block.getUint32(4 * word++);
  };
  return {
    nextUint32,
    /** A uniform integer in [0, n) by rejection sampling (no modulo bias). */
    below(n: number): number {
      if (!Number.isInteger(n) || n < 1 || n > 2 ** 32) throw new RangeError(`bad bound ${n}`);
      if (n === 1) return 0;
      const limit = 2 ** 32 - (2 ** 32 % n);
      for (;;) {
        const x = nextUint32();
        if (x < limit) return x % n;
      }
    },
  };
}

/**
 * The draw order: a permutation of 0…n-1 by Fisher–Yates from the last
 * position down (i = n-1 … 1, swap i with j = below(i + 1)).
 */
export function drawOrder(seedHex: string, n: number, digestOf: Sha256 = sha256): Uint32Array {
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  const stream = randomStream(seedHex, digestOf);
  for (let i = n - 1; i > 0; i--) {
    const j = stream.below(i + 1);
    const t = order[i]!;
    order[i] = order[j]!;
    order[j] = t;
  }
  return order;
}
