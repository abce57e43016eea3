import { bytesToUuid, fromBase64url, toBase64url, uuidToBytes } from './bytes.ts';

/**
 * The signed codes Manasik prints as QR codes: Umrah and Rawdah permits,
 * booking confirmations and pilgrim cards. Each is a compact binary payload
 * followed by its Ed25519 signature (RFC 8032, 64 bytes) over every byte
 * before it, written as base64url without padding. The byte layouts are in
 * docs/algorithms/permits.md, precisely enough to write a verifier from.
 *
 * A fixed layout rather than CBOR: the fields never change shape, a fixed
 * layout is smaller (a permit for one gate is 124 bytes with its signature,
 * about 166 characters, a version-9 QR code), and a verifier is a table of
 * offsets in any language, with no library.
 *
 * Runs in Node and in the browser: the signature itself is checked by the
 * caller's verifier (node:crypto on the server, @noble/curves or WebCrypto in
 * the browser), so this file only reads and writes bytes.
 */
export const TOKEN_VERSION = 1;
export const TokenType = { permit: 1, booking: 2, pilgrim: 3 } as const;
export type TokenTypeName = keyof typeof TokenType;
export const SIGNATURE_BYTES = 64;

/** Sections are numbered in tokens; the number is the section's code's place here plus one. */
export const sectionCodes = ['men', 'women'] as const;
export type SectionCode = (typeof sectionCodes)[number];
export const sectionNumber = (s: SectionCode) => sectionCodes.indexOf(s) + 1;

export interface PermitClaim {
  keyId: number;
  permitId: string;
  site: number;
  section: SectionCode;
  memberIndex: number;
  /** Unix seconds. */
  windowStart: number;
  windowEnd: number;
  earlyGraceMinutes: number;
  lateGraceMinutes: number;
  /** 8 random bytes of the person, and SHA-256(salt ‖ normalised document number) cut to 16 bytes. */
  docSalt: Uint8Array;
  docHash: Uint8Array;
  /** Gate numbers (1–255) the permit opens, ascending. */
  gates: number[];
}

export interface DocumentClaim {
  keyId: number;
  kind: 'booking' | 'pilgrim';
  bookingId: string;
  /** The Hijri year of the season (1448 for 1448H). */
  seasonYear: number;
  /** Unix seconds. */
  issuedAt: number;
  /** The pilgrim a card names (cards only). */
  accountId?: string;
}

const PERMIT_FIXED = 59;

/** The bytes a permit's signature covers. */
export function encodePermit(c: PermitClaim): Uint8Array {
  const gates = [...new Set(c.gates)].sort((a, b) => a - b);
  if (gates.length === 0 || gates.length > 255 || gates.some((g) => !Number.isInteger(g) || g < 1 || g > 255)) throw new RangeError('gates must be 1 to 255 numbers from 1 to 255');
  if (c.docSalt.length !== 8 || c.docHash.length !== 16) throw new RangeError('document salt is 8 bytes and hash 16');
  const out = new Uint8Array(PERMIT_FIXED + gates.length);
  const v = new DataView(out.buffer);
  out[0] = TOKEN_VERSION;
  out[1] = TokenType.permit;
  v.setUint16(2, c.keyId);
  out.set(uuidToBytes(c.permitId), 4);
  v.setUint16(20, c.site);
  out[22] = sectionNumber(c.section);
  out[23] = c.memberIndex;
  v.setUint32(24, c.windowStart);
  v.setUint32(28, c.windowEnd);
  out[32] = Math.min(255, c.earlyGraceMinutes);
  out[33] = Math.min(255, c.lateGraceMinutes);
  out.set(c.docSalt, 34);
  out.set(c.docHash, 42);
  out[58] = gates.length;
  out.set(gates, 59);
  return out;
}

/** The bytes a booking confirmation's or a pilgrim card's signature covers. */
export function encodeDocument(c: DocumentClaim): Uint8Array {
  const card = c.kind === 'pilgrim';
  if (card && !c.accountId) throw new RangeError('a pilgrim card names its pilgrim');
  const out = new Uint8Array(card ? 42 : 26);
  const v = new DataView(out.buffer);
  out[0] = TOKEN_VERSION;
  out[1] = TokenType[c.kind];
  v.setUint16(2, c.keyId);
  out.set(uuidToBytes(c.bookingId), 4);
  v.setUint16(20, c.seasonYear);
  v.setUint32(22, c.issuedAt);
  if (card) out.set(uuidToBytes(c.accountId!), 26);
  return out;
}

/** Payload and signature as one token text. */
export function tokenText(payload: Uint8Array, signature: Uint8Array): string {
  const all = new Uint8Array(payload.length + signature.length);
  all.set(payload);
  all.set(signature, payload.length);
  return toBase64url(all);
}

export type Decoded =
  | { type: 'permit'; claim: PermitClaim; signed: Uint8Array; signature: Uint8Array }
  | { type: 'booking' | 'pilgrim'; claim: DocumentClaim; signed: Uint8Array; signature: Uint8Array };

/**
 * Reads a token's fields without checking its signature (the caller does,
 * with the key its `keyId` names). Null for anything that is not exactly a
 * token of a known version and type: wrong characters, wrong length, trailing
 * bytes, an unknown section, gates out of order.
 */
export function decodeToken(text: string): Decoded | null {
  if (text.length > 800) return null;
  const bytes = fromBase64url(text.trim());
  if (!bytes || bytes.length < 4 + SIGNATURE_BYTES) return null;
  return decodeBytes(bytes);
}

export function decodeBytes(bytes: Uint8Array): Decoded | null {
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes[0] !== TOKEN_VERSION) return null;
  const body = bytes.length - SIGNATURE_BYTES;
  const signed = bytes.subarray(0, body);
  const signature = bytes.subarray(body);
  const keyId = v.getUint16(2);
  if (bytes[1] === TokenType.permit) {
    if (body < PERMIT_FIXED + 1) return null;
    const n = bytes[58]!;
    if (n === 0 || body !== PERMIT_FIXED + n) return null;
    const section = sectionCodes[bytes[22]! - 1];
    if (!section) return null;
    const gates = [...bytes.subarray(59, 59 + n)];
    if (gates.some((g, i) => g === 0 || (i > 0 && g <= gates[i - 1]!))) return null;
    const claim: PermitClaim = {
      keyId,
      permitId: bytesToUuid(bytes.subarray(4, 20)),
      site: v.getUint16(20),
      section,
      memberIndex: bytes[23]!,
      windowStart: v.getUint32(24),
      windowEnd: v.getUint32(28),
      earlyGraceMinutes: bytes[32]!,
      lateGraceMinutes: bytes[33]!,
      docSalt: bytes.slice(34, 42),
      docHash: bytes.slice(42, 58),
      gates,
    };
    if (claim.windowEnd <= claim.windowStart) return null;
    return { type: 'permit', claim, signed, signature };
  }
  if (bytes[1] === TokenType.booking || bytes[1] === TokenType.pilgrim) {
    const kind = bytes[1] === TokenType.booking ? 'booking' : 'pilgrim';
    if (body !== (kind === 'pilgrim' ? 42 : 26)) return null;
    const claim: DocumentClaim = {
      keyId,
      kind,
      bookingId: bytesToUuid(bytes.subarray(4, 20)),
      seasonYear: v.getUint16(20),
      issuedAt: v.getUint32(22),
      ...(kind === 'pilgrim' ? { accountId: bytesToUuid(bytes.subarray(26, 42)) } : {}),
    };
    return { type: kind, claim, signed, signature };
  }
  return null;
}

/** The 16 bytes of a permit id inside a decoded permit token's signed bytes (no copy). */
export const permitIdBytes = (signed: Uint8Array) => signed.subarray(4, 20);
