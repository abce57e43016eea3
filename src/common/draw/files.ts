/**
 * The content of the draw's published files (docs/algorithms/draw.md §4–§7),
 * as types the server, the verifiers and the browser share. The JSON Schemas
 * of the files (src/modules/draw/domain/file-schemas.ts) describe the same
 * shapes and are checked against these types.
 */

/** The version of the specification the files follow; verifiers refuse another. */
export const ALGORITHM = 'manasik-draw/2';

/** The drand scheme of quicknet: BLS12-381, signatures on G1, RFC 9380 hash to curve, rounds not chained. */
export const DRAND_SCHEME = 'bls-unchained-g1-rfc9380';

/** A drand beacon round named at the freeze, before it exists (§5.1). */
export interface DrandSource {
  kind: 'drand';
  /** The beacon's name (`quicknet`), hash, scheme, public key, round 1's time (Unix seconds) and period (seconds), as the beacon publishes them. */
  chain: string;
  chainHash: string;
  scheme: typeof DRAND_SCHEME;
  publicKey: string;
  genesisTime: number;
  period: number;
  /** Seconds after the freeze before which no round counts. */
  delaySeconds: number;
  /** The first round published at or after frozenAt + delaySeconds, and its time. */
  round: number;
  roundTime: string;
  /** Where anyone can look the round up. */
  url: string;
}

/** A public value that cannot be checked by signature (a lottery), described exactly at the freeze (§5.2). */
export interface DeclaredSource {
  kind: 'declared';
  /** Exactly which future value will be used and how it is written. */
  description: string;
  /** The value is published after this time. */
  notBefore: string;
}

export type RandomnessSource = DrandSource | DeclaredSource;

/** commitment.json (§4.3). */
export interface Commitment {
  algorithm: typeof ALGORITHM;
  season: string;
  frozenAt: string;
  entryCount: number;
  /** SHA-256 of entries.ndjson's bytes. */
  entriesHash: string;
  merkleRoot: string;
  /** SHA-256 of parameters.json's bytes. */
  parametersHash: string;
  randomness: RandomnessSource;
}

/** What was entered once the named value existed. */
export type RandomnessValue =
  | { kind: 'drand'; round: number; signature: string; randomness: string }
  | { kind: 'declared'; source: string };

/** seed.json (§5.4). */
export interface SeedFile {
  season: string;
  /** SHA-256 of commitment.json's bytes: the seed belongs to that commitment. */
  commitmentHash: string;
  randomness: RandomnessValue;
  /** What goes into the seed: the round's randomness (hex) for drand, the declared value as published otherwise. */
  value: string;
  seed: string;
}
