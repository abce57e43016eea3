import { describe, expect, it } from 'vitest';
import { leafHash, merkleProof, merkleRoot, verifyProof } from '../../../common/draw/merkle.ts';
import { nodeHasher } from './node-hasher.ts';

const records = (n: number) => Array.from({ length: n }, (_, i) => `{"id":"r${i}"}`);

describe('merkle tree', () => {
  it('has the hash of nothing as the root of no leaves', () => {
    expect(merkleRoot([])).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('has the leaf hash as the root of one leaf', () => {
    expect(merkleRoot([leafHash('a')])).toBe(Buffer.from(leafHash('a')).toString('hex'));
  });

  it.each([1, 2, 3, 4, 5, 7, 8, 9, 16, 17, 33])('proves every one of %i leaves and refuses a changed record', (n) => {
    const rs = records(n);
    const leaves = rs.map(leafHash);
    const root = merkleRoot(leaves);
    for (let i = 0; i < n; i++) {
      const proof = merkleProof(leaves, i);
      expect(verifyProof(rs[i]!, proof, root)).toBe(true);
      expect(verifyProof(rs[i]! + ' ', proof, root)).toBe(false);
    }
  });

  it.each([0, 1, 2, 3, 10, 33])('gives the same root and proofs with the native hasher (%i leaves)', (n) => {
    const rs = records(n);
    const native = nodeHasher();
    const leaves = rs.map((r) => native.leaf(r));
    expect(merkleRoot(leaves, native)).toBe(merkleRoot(rs.map(leafHash)));
    if (n > 0) expect(verifyProof(rs[n - 1]!, merkleProof(leaves, n - 1, native), merkleRoot(rs.map(leafHash)))).toBe(true);
  });

  it('hashes a leaf like the portable hasher at every length and across multi-byte characters, one hasher reused', () => {
    const native = nodeHasher();
    const lengths = [0, 1, 1018, 1019, 1020, 1021, 1022, 1023, 1024, 2047, 5000];
    const texts = lengths.flatMap((n) => ['a'.repeat(n), `${'a'.repeat(n)}€`, `${'a'.repeat(n)}😀`, `${'ب'.repeat(n)}x`, 'short']);
    for (const t of texts) expect(Buffer.from(native.leaf(t)).toString('hex')).toBe(Buffer.from(leafHash(t)).toString('hex'));
  });

  it('changes the root when any record, or the order, changes', () => {
    const rs = records(6);
    const root = merkleRoot(rs.map(leafHash));
    expect(merkleRoot([...rs.slice(0, 5), 'x'].map(leafHash))).not.toBe(root);
    expect(merkleRoot([rs[1]!, rs[0]!, ...rs.slice(2)].map(leafHash))).not.toBe(root);
  });

  it('does not let an inner node pass for a leaf (domain separation)', () => {
    const leaves = records(4).map(leafHash);
    const root = merkleRoot(leaves);
    // Pretending the concatenation of two leaves is a record must not verify.
    const forged = Buffer.concat([Buffer.from(leaves[0]!), Buffer.from(leaves[1]!)]).toString('latin1');
    expect(verifyProof(forged, merkleProof(leaves, 0).slice(1), root)).toBe(false);
  });
});
