import { describe, expect, it } from 'vitest';
import { leafHash, merkleProof, merkleRoot, verifyProof } from '../../../common/draw/merkle.ts';
import { canonicalRecord } from './entries.ts';
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

  it.each([
    ['a plain entry', { applicationId: '0b6f2c1e-9d7a-4f6e-8a51-3c2d1e0f9a8b', familySize: 3, country: 'FR', pool: 'first_time', choices: ['p1', 'p2', 'p3'] }],
    ['no choices', { applicationId: 'a', familySize: 1, country: 'GB', pool: 'general', choices: [] }],
    ['one choice and a large family', { applicationId: 'a', familySize: 12, country: 'GB', pool: 'general', choices: ['only'] }],
    ['a huge size (exponent form)', { applicationId: 'a', familySize: -1e21, country: 'GB', pool: 'general', choices: ['x'] }],
    ['a quote in an id', { applicationId: 'a"b', familySize: 1, country: 'GB', pool: 'general', choices: ['x'] }],
    ['a backslash in a choice', { applicationId: 'a', familySize: 1, country: 'GB', pool: 'general', choices: ['x\\y'] }],
    ['non-ASCII', { applicationId: 'حاج', familySize: 2, country: 'SA', pool: 'général', choices: ['€', '😀'] }],
    ['a long choice list', { applicationId: 'a', familySize: 1, country: 'GB', pool: 'general', choices: Array.from({ length: 60 }, (_, i) => `package-${i}-${'z'.repeat(40)}`) }],
    ['a fractional size', { applicationId: 'a', familySize: 1.5, country: 'GB', pool: 'general', choices: ['x'] }],
  ])('writes the leaf of %s byte for byte as the canonical record hashed by the portable hasher', (_name, e) => {
    const native = nodeHasher();
    for (let i = 0; i < 3; i++) expect(Buffer.from(native.entryLeaf(e)).toString('hex')).toBe(Buffer.from(leafHash(canonicalRecord(e))).toString('hex'));
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
