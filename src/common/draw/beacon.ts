import { bls12_381 as bls } from '@noble/curves/bls12-381';
import { sha256 } from '@noble/hashes/sha256';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils';
import { DRAND_SCHEME } from './files.ts';

/**
 * The public randomness beacon the draw names at its freeze
 * (docs/algorithms/draw.md §5.1). drand quicknet publishes one value per
 * round every three seconds; a round's value is a BLS12-381 signature by the
 * League of Entropy's group key over the round number, so anyone holding the
 * public key shipped here checks it offline. Runs in Node and in the browser.
 *
 * The scheme is `bls-unchained-g1-rfc9380`: the message is SHA-256 of the
 * round as 8 bytes big-endian, hashed to G1 (RFC 9380) with the domain
 * separation tag below; the signature is a compressed G1 point (48 bytes), the
 * public key a compressed G2 point (96 bytes), and the round's randomness is
 * SHA-256 of the signature's bytes.
 */
export const DST = 'BLS_SIG_BLS12381G1_XMD:SHA-256_SSWU_RO_NUL_';

export interface BeaconChain {
  /** The name a commitment uses. */
  name: string;
  /** The chain's hash as the beacon publishes it. */
  chainHash: string;
  publicKey: string;
  scheme: typeof DRAND_SCHEME;
  /** Unix seconds of round 1. */
  genesisTime: number;
  /** Seconds between rounds. */
  period: number;
}

/** drand quicknet, as published at https://api.drand.sh/52db…e971/info (the key is this project's own copy: a commitment cannot bring another). */
export const quicknet: BeaconChain = {
  name: 'quicknet',
  chainHash: '52db9ba70e0cc0f6eaf7803dd07447a1f5477735fd3f661792ba94600c84e971',
  publicKey: '83cf0f2896adee7eb8b5f01fcad3912212c437e0073e911fb90022d3e760183c8c4b450b6a0a6c3ac6a5776a2d1064510d1fec758c921cc22b0e17e63aaf4bcb5ed66304de9cf809bd274ca73bab4af5a6e9c76a4bc09e76eae8991ef5ece45a',
  scheme: DRAND_SCHEME,
  genesisTime: 1692803367,
  period: 3,
};

/** The beacons a commitment may name. */
export const beaconChains: readonly BeaconChain[] = [quicknet];
export const chainNamed = (name: string) => beaconChains.find((c) => c.name === name);

/** Where a round is published, for anyone who wants to look it up. */
export const roundUrl = (chain: Pick<BeaconChain, 'chainHash'>, round: number) => `https://api.drand.sh/${chain.chainHash}/public/${round}`;

/** Milliseconds since the epoch at which `round` is published: (genesis + (round − 1) × period) seconds. */
export const roundTimeMs = (chain: Pick<BeaconChain, 'genesisTime' | 'period'>, round: number) => (chain.genesisTime + (round - 1) * chain.period) * 1000;

/**
 * The first round published at or after `atMs` (milliseconds since the epoch):
 * 1 when `atMs` is at or before genesis, else ⌈(atMs − genesis) / period⌉ + 1,
 * all in milliseconds and integers.
 *
 * @example firstRoundAtOrAfter(quicknet, Date.parse('2023-09-15T11:00:01.500Z')) // 657413
 */
export function firstRoundAtOrAfter(chain: Pick<BeaconChain, 'genesisTime' | 'period'>, atMs: number): number {
  const sinceGenesis = atMs - chain.genesisTime * 1000;
  if (sinceGenesis <= 0) return 1;
  const step = chain.period * 1000;
  return Math.floor((sinceGenesis + step - 1) / step) + 1;
}

/** The message a round's signature signs: SHA-256 of the round number as 8 bytes, big-endian. */
export function roundMessage(round: number): Uint8Array {
  const bytes = new Uint8Array(8);
  new DataView(bytes.buffer).setBigUint64(0, BigInt(round));
  return sha256(bytes);
}

/** A round's randomness: SHA-256 of its signature's bytes, as lower-case hex. */
export const randomnessOf = (signatureHex: string) => bytesToHex(sha256(hexToBytes(signatureHex)));

const HEX_G1 = /^[0-9a-f]{96}$/;

/**
 * True when `signatureHex` is the chain's signature of `round`, checked offline
 * against the chain's public key: e(signature, g2) = e(H(message), publicKey).
 *
 * @example verifyRound(quicknet, 657413, 'b713718a…cd97b') // true
 */
export function verifyRound(chain: Pick<BeaconChain, 'publicKey'>, round: number, signatureHex: string): boolean {
  if (!Number.isSafeInteger(round) || round < 1 || !HEX_G1.test(signatureHex)) return false;
  try {
    const ss = bls.shortSignatures;
    return ss.verify(signatureHex, ss.hash(roundMessage(round), DST), chain.publicKey);
  } catch {
    return false; // not a point on the curve, or not in the group
  }
}
