import { ed25519 } from '@noble/curves/ed25519';
import type { SignatureCheck } from './gate.ts';
import { fromBase64url } from './bytes.ts';

/**
 * A signature check for the browser (and any JavaScript without node:crypto):
 * Ed25519 by @noble/curves, synchronous, over the public keys the platform
 * publishes (`GET /api/v1/signing/keys`, base64url).
 */
export function nobleSignatureCheck(keys: Iterable<{ keyId: number; publicKey: string }>): SignatureCheck {
  const ring = new Map<number, Uint8Array>();
  for (const k of keys) {
    const raw = fromBase64url(k.publicKey);
    if (raw && raw.length === 32) ring.set(k.keyId, raw);
  }
  return (keyId, signed, signature) => {
    const key = ring.get(keyId);
    if (!key) return false;
    try {
      return ed25519.verify(signature, signed, key, { zip215: false });
    } catch {
      return false;
    }
  };
}
