import { hash } from 'node:crypto';
import type { TreeHasher } from '../../../common/draw/merkle.ts';
import { canonicalRecord, type DrawEntry } from './entries.ts';

const bytes = (text: string) => Buffer.from(text, 'latin1');
const OPEN = bytes('{"choices":[');
const COUNTRY = bytes('],"country":"');
const ID = bytes('","id":"');
const POOL = bytes('","pool":"');
const SIZE = bytes('","size":');
const QUOTE = 0x22;
const COMMA = 0x2c;
const CLOSE = 0x7d;
const BACKSLASH = 0x5c;

/** Copies `part` into `b` at `o`; the offset after it. */
function put(b: Buffer, o: number, part: Buffer): number {
  for (let i = 0; i < part.length; i++) b[o++] = part[i]!;
  return o;
}

/** Writes `text` at `o` if every character is plain (printable ASCII, no quote, no backslash): the offset after it, or -1. */
function plainText(b: Buffer, o: number, text: string): number {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || c > 0x7e || c === QUOTE || c === BACKSLASH) return -1;
    b[o++] = c;
  }
  return o;
}

/** Writes an integer size as canonical JSON writes it: the offset after it, or -1 for a size that is not an integer. */
function sizeText(b: Buffer, o: number, size: number): number {
  if (size >= 0 && size <= 9 && Number.isInteger(size)) {
    b[o++] = 0x30 + size;
    return o;
  }
  return Number.isInteger(size) ? plainText(b, o, String(size)) : -1;
}

/** Node's native SHA-256 of some bytes (the stream that drives the draw order: randomness.ts). */
export const nativeSha256 = (input: Uint8Array): Uint8Array => hash('sha256', input, 'buffer');

/**
 * The Merkle tree's hashes with Node's native SHA-256 (about three times the
 * portable implementation's speed at a season's scale). Same bytes in, same
 * digests out: the merkle tests run both and compare.
 */
export function nodeHasher(): TreeHasher & { entryLeaf(e: DrawEntry): Uint8Array } {
  const pair = Buffer.alloc(65);
  let scratch = Buffer.alloc(1024);
  /** Views of the scratch buffer's first n bytes, by n. */
  const views: Buffer[] = [];
  const view = (n: number) => (views[n] ??= scratch.subarray(0, n));
  pair[0] = 1;
  return {
    leaf(record) {
      // 0x00 ‖ UTF-8 of the record, written into one reused buffer and hashed through a view of
      // that length made once (no allocation per leaf but the digest: half a million records a
      // season, and no copy of each record's text left for the collector).
      let written = scratch.write(record, 1, 'utf8');
      while (written + 5 > scratch.length) {
        // Within a character of the end, it may not all have fitted: write again with room to spare.
        scratch = Buffer.alloc(scratch.length * 2 + 4 * record.length);
        views.length = 0;
        written = scratch.write(record, 1, 'utf8');
      }
      scratch[0] = 0;
      return hash('sha256', view(1 + written), 'buffer');
    },
    /**
     * The leaf of an entry's canonical record (entries.ts), its bytes written straight into
     * the buffer, one character at a time, while checking that each is plain (printable ASCII,
     * neither quote nor backslash: the record is then the template's text). At the first
     * character that is not, or a size that is not an integer, the record takes the general
     * path through canonicalRecord. A season's commitment hashes half a million of these:
     * one pass over the text, no regular expression, no call into the runtime per field.
     */
    entryLeaf(e: DrawEntry): Uint8Array {
      const choices = e.choices;
      let need = 64 + e.applicationId.length + e.country.length + e.pool.length;
      for (let r = 0; r < choices.length; r++) need += choices[r]!.length + 3;
      if (need > scratch.length) {
        scratch = Buffer.alloc(need * 2);
        views.length = 0;
      }
      const b = scratch;
      let o = 0;
      b[o++] = 0;
      o = put(b, o, OPEN);
      for (let r = 0; r < choices.length && o > 0; r++) {
        if (r > 0) b[o++] = COMMA;
        b[o++] = QUOTE;
        o = plainText(b, o, choices[r]!);
        if (o > 0) b[o++] = QUOTE;
      }
      if (o > 0) o = plainText(b, put(b, o, COUNTRY), e.country);
      if (o > 0) o = plainText(b, put(b, o, ID), e.applicationId);
      if (o > 0) o = plainText(b, put(b, o, POOL), e.pool);
      if (o > 0) o = sizeText(b, put(b, o, SIZE), e.familySize);
      if (o < 0) return this.leaf(canonicalRecord(e));
      b[o++] = CLOSE;
      return hash('sha256', view(o), 'buffer');
    },
    node(left, right) {
      pair.set(left, 1);
      pair.set(right, 33);
      return hash('sha256', pair, 'buffer');
    },
  };
}
