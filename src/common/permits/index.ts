// The permits' browser-safe half: token codecs, the revocation list, the gate check, availability words.
export * from './bytes.ts';
export * from './token.ts';
export * from './revocations.ts';
export * from './gate.ts';
export * from './availability.ts';
export * from './messages.ts';
export * from './document-hash.ts';
export { nobleSignatureCheck } from './noble-verifier.ts';
