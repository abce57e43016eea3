/**
 * Rows in COPY's binary format (PostgreSQL's "Binary Format" of COPY): for
 * the hottest bulk loads, where PostgreSQL reading uuids, dates and
 * timestamps in their own binary form is markedly faster than parsing them as
 * text. The header and the trailer are written by the COPY helpers
 * (copy.ts); a writer makes the tuples between them.
 */
export const COPY_BINARY_HEADER = new Uint8Array([0x50, 0x47, 0x43, 0x4f, 0x50, 0x59, 0x0a, 0xff, 0x0d, 0x0a, 0x00, 0, 0, 0, 0, 0, 0, 0, 0]);
export const COPY_BINARY_TRAILER = new Uint8Array([0xff, 0xff]);

/** PostgreSQL's epoch for dates and timestamps, in milliseconds of the Unix epoch. */
const PG_EPOCH_MS = Date.UTC(2000, 0, 1);
const DAY_MS = 86_400_000;
const encoder = new TextEncoder();

/** A date ('YYYY-MM-DD') as PostgreSQL's binary date: days since 2000-01-01. */
export function pgDays(isoDate: string): number {
  const ms = Date.parse(`${isoDate}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(isoDate) || Number.isNaN(ms)) throw new Error(`not a date: ${isoDate}`);
  return (ms - PG_EPOCH_MS) / DAY_MS;
}

/**
 * Writes tuples one field at a time into a growing buffer; `take()` hands the
 * bytes over (a chunk for COPY) and starts afresh. Every tuple starts with
 * `row(fields)` and then gives exactly that many fields, in the COPY's column order.
 *
 * @example const w = new CopyBinaryWriter(); w.row(2); w.int4(1); w.text('a'); copy(w.take())
 */
export class CopyBinaryWriter {
  #buf: Uint8Array<ArrayBuffer>;
  #at = 0;
  constructor(private readonly capacity = 1 << 20) {
    this.#buf = new Uint8Array(capacity);
  }

  #room(bytes: number) {
    if (this.#at + bytes <= this.#buf.length) return;
    const grown = new Uint8Array(Math.max(this.capacity, this.#buf.length * 2, this.#at + bytes));
    grown.set(this.#buf.subarray(0, this.#at));
    this.#buf = grown;
  }

  #u16(v: number) {
    const b = this.#buf;
    const o = this.#at;
    b[o] = (v >>> 8) & 255;
    b[o + 1] = v & 255;
    this.#at = o + 2;
  }

  #u32(v: number) {
    const b = this.#buf;
    const o = this.#at;
    b[o] = v >>> 24;
    b[o + 1] = (v >>> 16) & 255;
    b[o + 2] = (v >>> 8) & 255;
    b[o + 3] = v & 255;
    this.#at = o + 4;
  }

  /** Starts a tuple of `fields` fields. */
  row(fields: number) {
    this.#room(2);
    this.#u16(fields);
  }

  null() {
    this.#room(4);
    this.#u32(0xffffffff);
  }

  /** text (or varchar, or any type whose binary form is its UTF-8 text, as text is). */
  text(value: string) {
    this.#room(4 + value.length * 3);
    const b = this.#buf;
    const start = this.#at + 4;
    let o = start;
    for (let i = 0; i < value.length; i++) {
      const c = value.charCodeAt(i);
      if (c > 127) {
        o = start + encoder.encodeInto(value, b.subarray(start)).written;
        break;
      }
      b[o++] = c;
    }
    this.#u32(o - start);
    this.#at = o;
  }

  bool(value: boolean) {
    this.#room(5);
    this.#u32(1);
    this.#buf[this.#at++] = value ? 1 : 0;
  }

  int2(value: number) {
    this.#room(6);
    this.#u32(2);
    this.#u16(value & 0xffff);
  }

  int4(value: number) {
    this.#room(8);
    this.#u32(4);
    this.#u32(value >>> 0);
  }

  /** A date as days since 2000-01-01 (see `pgDays`). */
  date(days: number) {
    this.int4(days);
  }

  /** A timestamptz (or timestamp) to the millisecond, from milliseconds of the Unix epoch. */
  timestamptz(epochMs: number) {
    const us = (epochMs - PG_EPOCH_MS) * 1000;
    const high = Math.floor(us / 0x1_0000_0000);
    this.#room(12);
    this.#u32(8);
    this.#u32(high >>> 0);
    this.#u32((us - high * 0x1_0000_0000) >>> 0);
  }

  /** A uuid from its 128 bits as four 32-bit words, most significant first. */
  uuid(a: number, b: number, c: number, d: number) {
    this.#room(20);
    this.#u32(16);
    this.#u32(a);
    this.#u32(b);
    this.#u32(c);
    this.#u32(d);
  }

  /** The tuples written so far (the writer starts a new buffer). */
  take(): Uint8Array<ArrayBuffer> {
    const out = this.#buf.subarray(0, this.#at);
    this.#buf = new Uint8Array(0); // allocated at the next write
    this.#at = 0;
    return out;
  }
}
