import { sha256 } from '@noble/hashes/sha256';
import { concatBytes, utf8 } from './bytes.ts';

/** A document number as it is hashed: upper case, without spaces or dashes ("ab 12-34" → "AB1234"). */
export const normaliseDocumentNumber = (n: string) => n.toUpperCase().replace(/[\s-]/g, '');

/**
 * What a permit carries instead of the document number: SHA-256 of the
 * person's 8-byte salt followed by the normalised number, cut to 16 bytes. A
 * gate officer who reads the number off the document checks it offline.
 */
export function documentHash(salt: Uint8Array, documentNumber: string): Uint8Array {
  return sha256(concatBytes(salt, utf8(normaliseDocumentNumber(documentNumber)))).slice(0, 16);
}

export function matchesDocument(claim: { docSalt: Uint8Array; docHash: Uint8Array }, documentNumber: string): boolean {
  const h = documentHash(claim.docSalt, documentNumber);
  return h.every((b, i) => b === claim.docHash[i]);
}
