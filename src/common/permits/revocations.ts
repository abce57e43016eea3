import { compare16 } from './bytes.ts';

/**
 * The revocation list a gate keeps (docs/algorithms/permits.md): the 16-byte
 * ids of revoked permits (cancelled, moved to another window, closed), in one
 * sorted byte array — 16 bytes an entry, no object per entry, so a million
 * revocations are 16 MB in memory and in the download — looked up by binary
 * search. Each revocation has a number in the order the platform published it;
 * a list knows every revocation up to its number (`seq`) and is brought up to
 * date with the revocations after it (a delta), or replaced by a snapshot.
 *
 * Wire format (big-endian), for a snapshot and a delta alike:
 *
 *   0  4   magic "MRL1"
 *   4  1   kind: 1 snapshot (every live revocation up to `to`), 2 delta (those after `from` up to `to`)
 *   5  1   0
 *   6  2   key id of the signature
 *   8  8   from (0 in a snapshot)
 *   16 8   to
 *   24 4   issued at, Unix seconds (the platform's clock when it was built)
 *   28 4   count
 *   32 16×count  entries, ascending bytewise, no duplicates
 *   …  64  Ed25519 signature over every byte before it
 */
export const LIST_MAGIC = [0x4d, 0x52, 0x4c, 0x31] as const;
const HEADER = 32;
const SIG = 64;
export type ListKind = 'snapshot' | 'delta';

export interface SignedList {
  kind: ListKind;
  keyId: number;
  from: number;
  to: number;
  issuedAt: number;
  /** count × 16 bytes, sorted. */
  entries: Uint8Array;
}

/** The bytes a list's signature covers (header and entries); the caller appends the signature. */
export function encodeListBody(l: SignedList): Uint8Array {
  const count = l.entries.length / 16;
  const out = new Uint8Array(HEADER + l.entries.length);
  const v = new DataView(out.buffer);
  out.set(LIST_MAGIC, 0);
  out[4] = l.kind === 'snapshot' ? 1 : 2;
  v.setUint16(6, l.keyId);
  v.setBigUint64(8, BigInt(l.from));
  v.setBigUint64(16, BigInt(l.to));
  v.setUint32(24, l.issuedAt);
  v.setUint32(28, count);
  out.set(l.entries, HEADER);
  return out;
}

export type ListVerifier = (keyId: number, signed: Uint8Array, signature: Uint8Array) => boolean;

/** Reads a downloaded list and checks its signature and order; null when anything is wrong. */
export function decodeList(bytes: Uint8Array, verify: ListVerifier): SignedList | null {
  if (bytes.length < HEADER + SIG || LIST_MAGIC.some((b, i) => bytes[i] !== b)) return null;
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const kind = bytes[4] === 1 ? 'snapshot' : bytes[4] === 2 ? 'delta' : null;
  const count = v.getUint32(28);
  if (!kind || bytes.length !== HEADER + count * 16 + SIG) return null;
  const signed = bytes.subarray(0, bytes.length - SIG);
  const keyId = v.getUint16(6);
  if (!verify(keyId, signed, bytes.subarray(bytes.length - SIG))) return null;
  const entries = bytes.slice(HEADER, HEADER + count * 16);
  for (let i = 1; i < count; i++) if (compare16(entries, (i - 1) * 16, entries, i * 16) >= 0) return null;
  const from = Number(v.getBigUint64(8));
  const to = Number(v.getBigUint64(16));
  if (to < from || (kind === 'snapshot' && from !== 0)) return null;
  return { kind, keyId, from, to, issuedAt: v.getUint32(24), entries };
}

/** Sorts 16-byte entries in place order into a new array, dropping duplicates. */
export function sortEntries(ids: Uint8Array[]): Uint8Array {
  const sorted = [...ids].sort((a, b) => compare16(a, 0, b, 0));
  const out = new Uint8Array(sorted.length * 16);
  let n = 0;
  for (const id of sorted) {
    if (n > 0 && compare16(out, (n - 1) * 16, id, 0) === 0) continue;
    out.set(id, n * 16);
    n++;
  }
  return out.subarray(0, n * 16);
}

/** The first index in `entries` whose entry is ≥ the 16 bytes at `key[at…]`. */
function lowerBound(entries: Uint8Array, count: number, key: Uint8Array, at: number): number {
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compare16(entries, mid * 16, key, at) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * A gate's revocation list: what it knows (every revocation numbered up to
 * `seq`, as of the platform's `issuedAt`), and the lookup.
 */
export class RevocationList {
  entries: Uint8Array;
  seq: number;
  issuedAt: number;

  constructor(entries: Uint8Array = new Uint8Array(0), seq = 0, issuedAt = 0) {
    this.entries = entries;
    this.seq = seq;
    this.issuedAt = issuedAt;
  }

  static fromSnapshot(list: SignedList): RevocationList {
    if (list.kind !== 'snapshot') throw new RangeError('not a snapshot');
    return new RevocationList(list.entries, list.to, list.issuedAt);
  }

  get size(): number {
    return this.entries.length / 16;
  }

  /** True when the 16 bytes at `id[at…]` are in the list. */
  has(id: Uint8Array, at = 0): boolean {
    const count = this.entries.length / 16;
    const i = lowerBound(this.entries, count, id, at);
    return i < count && compare16(this.entries, i * 16, id, at) === 0;
  }

  /**
   * Applies a delta that starts where this list ends (`from` = `seq`), merging
   * its entries in order (copying runs, not entries). A delta that does not
   * start here is refused: the gate must fetch a snapshot (answers false).
   */
  apply(delta: SignedList): boolean {
    if (delta.kind !== 'delta' || delta.from !== this.seq) return false;
    const base = this.entries;
    const baseCount = base.length / 16;
    const add = delta.entries;
    const addCount = add.length / 16;
    const out = new Uint8Array(base.length + add.length);
    let o = 0;
    let b = 0;
    for (let a = 0; a < addCount; a++) {
      const i = lowerBound(base, baseCount, add, a * 16);
      out.set(base.subarray(b * 16, i * 16), o);
      o += (i - b) * 16;
      b = i;
      if (i < baseCount && compare16(base, i * 16, add, a * 16) === 0) continue; // already known
      out.set(add.subarray(a * 16, a * 16 + 16), o);
      o += 16;
    }
    out.set(base.subarray(b * 16), o);
    o += base.length - b * 16;
    this.entries = o === out.length ? out : out.slice(0, o);
    this.seq = delta.to;
    this.issuedAt = Math.max(this.issuedAt, delta.issuedAt);
    return true;
  }
}
