import { sha256 } from '@noble/hashes/sha256';
import { bytesToHex, hexToBytes, utf8ToBytes } from '@noble/hashes/utils';

/**
 * The draw's commitment: a SHA-256 Merkle tree over the canonical records of
 * the frozen applications (docs/algorithms/draw.md).
 *
 * - leaf  = SHA-256(0x00 ‖ record bytes)
 * - node  = SHA-256(0x01 ‖ left ‖ right)
 * - a level with an odd number of nodes carries its last node up unchanged
 * - the root of no leaves is SHA-256 of nothing
 *
 * The 0x00 / 0x01 prefixes (as in RFC 6962) keep a leaf from ever passing for
 * an inner node. Runs in Node and in the browser (the web verifier uses it).
 */
export interface ProofStep {
  /** Where the sibling sits relative to the running hash. */
  side: 'left' | 'right';
  hash: string;
}

const LEAF = Uint8Array.of(0);
const NODE = Uint8Array.of(1);

/** The two hashes of the tree. The default runs anywhere; the server passes a faster native one (node-hasher.ts). */
export interface TreeHasher {
  leaf(record: string): Uint8Array;
  node(left: Uint8Array, right: Uint8Array): Uint8Array;
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export const portableHasher: TreeHasher = {
  leaf: (record) => sha256(concat(LEAF, utf8ToBytes(record))),
  node: (left, right) => sha256(concat(NODE, left, right)),
};
export const leafHash = (record: string): Uint8Array => portableHasher.leaf(record);
const nodeHash = portableHasher.node;

function nextLevel(level: Uint8Array[], hasher: TreeHasher): Uint8Array[] {
  const up: Uint8Array[] = [];
  for (let i = 0; i < level.length; i += 2) up.push(i + 1 < level.length ? hasher.node(level[i]!, level[i + 1]!) : level[i]!);
  return up;
}

/** The root (hex) over leaf hashes in their canonical order. */
export function merkleRoot(leaves: Uint8Array[], hasher: TreeHasher = portableHasher): string {
  if (leaves.length === 0) return bytesToHex(sha256(new Uint8Array(0)));
  let level = leaves;
  while (level.length > 1) level = nextLevel(level, hasher);
  return bytesToHex(level[0]!);
}

/** The sibling hashes that lead from leaf `index` to the root. */
export function merkleProof(leaves: Uint8Array[], index: number, hasher: TreeHasher = portableHasher): ProofStep[] {
  if (index < 0 || index >= leaves.length) throw new RangeError(`no leaf ${index}`);
  const proof: ProofStep[] = [];
  let level = leaves;
  let at = index;
  while (level.length > 1) {
    const sibling = at % 2 === 0 ? at + 1 : at - 1;
    if (sibling < level.length) proof.push({ side: at % 2 === 0 ? 'right' : 'left', hash: bytesToHex(level[sibling]!) });
    level = nextLevel(level, hasher);
    at = Math.floor(at / 2);
  }
  return proof;
}

/** True when `record` with `proof` leads to `root`: the record was in the frozen set. */
export function verifyProof(record: string, proof: ProofStep[], root: string): boolean {
  let hash = leafHash(record);
  for (const step of proof) {
    const sibling = hexToBytes(step.hash);
    hash = step.side === 'left' ? nodeHash(sibling, hash) : nodeHash(hash, sibling);
  }
  return bytesToHex(hash) === root;
}
