import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import type { Clock } from '../../core/clock.ts';
import type { RequestContext } from '../../core/principal.ts';
import type { Db, Executor } from '../../db/database.ts';
import { shortCache } from '../../core/short-cache.ts';
import { fromBase64url, toBase64url } from '../../common/permits/bytes.ts';
import type { SignatureCheck } from '../../common/permits/gate.ts';
import { writeAudit } from '../audit/index.ts';
import { signingPolicy } from './policies.ts';
import { createSigningRepository } from './repository.ts';

// An Ed25519 public key as SubjectPublicKeyInfo DER: this fixed prefix, then the 32 raw bytes (RFC 8410).
const SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');
export const publicKeyObject = (raw: Uint8Array) => createPublicKey({ key: Buffer.concat([SPKI_PREFIX, raw]), format: 'der', type: 'spki' });

export interface PublicKeyView {
  keyId: number;
  algorithm: 'Ed25519';
  /** The 32 raw bytes, base64url. */
  publicKey: string;
  status: 'active' | 'retired';
  createdAt: string;
  retiredAt: string | null;
}

/**
 * The platform's Ed25519 key ring: one active key signs; rotation retires it,
 * and a retired key still verifies what it signed. The key pair is generated
 * on first start (or first use) and kept in the database like the platform's
 * other secrets; the private key never leaves this module. Gates and anyone
 * else get the public keys only (`GET /api/v1/signing/keys`), so a gate can
 * check a permit and can never make one.
 *
 * @example const { keyId, signature } = await signing.sign(payload)
 */
export function createSigningService(deps: { db: Db; clock: Clock }) {
  const repo = createSigningRepository();
  const { db, clock } = deps;
  // Which key signs, per process, for a few seconds: a rotation reaches every process within them
  // (what one signs meanwhile with the old key still verifies: a retired key vouches for what it signed).
  const activeCache = shortCache(5000);
  const publicObjects = new Map<number, KeyObject>();

  function generate() {
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    return {
      public_key: toBase64url(new Uint8Array(publicKey.export({ format: 'der', type: 'spki' }).subarray(SPKI_PREFIX.length))),
      private_key: toBase64url(new Uint8Array(privateKey.export({ format: 'der', type: 'pkcs8' }))),
      created_at: clock.now(),
    };
  }

  async function ensure(executor: Executor = db.kysely) {
    let row = await repo.active(executor);
    if (!row) {
      await repo.insertActive(executor, generate());
      row = await repo.active(executor);
    }
    return row!;
  }

  const active = () => activeCache.get('active', async () => {
    const row = await ensure();
    return { keyId: row.key_id, key: createPrivateKey({ key: Buffer.from(fromBase64url(row.private_key)!), format: 'der', type: 'pkcs8' }) };
  });

  async function publicObject(keyId: number): Promise<KeyObject | null> {
    const known = publicObjects.get(keyId);
    if (known) return known;
    const row = await repo.one(db.kysely, keyId);
    if (!row) return null;
    const key = publicKeyObject(fromBase64url(row.public_key)!);
    publicObjects.set(keyId, key);
    return key;
  }

  return {
    /** Makes sure a key exists (called at start, so the first permit does not wait for a key). */
    ensureKey: async () => (await ensure()).key_id,

    /** Signs `payload` with the active key (Ed25519). */
    async sign(payload: Uint8Array): Promise<{ keyId: number; signature: Uint8Array }> {
      const { keyId, key } = await active();
      return { keyId, signature: new Uint8Array(sign(null, payload, key)) };
    },

    /**
     * The active key's id (what a payload to sign names before it is signed) and a signer bound to
     * it: `sign` on this thread, `signAsync` on libuv's thread pool (Node's own callback form of
     * `crypto.sign`), so a batch of permits is signed on the other cores while this thread serves
     * requests (about 10 µs of this thread a signature instead of about 36).
     */
    async signer(): Promise<{ keyId: number; sign: (payload: Uint8Array) => Uint8Array; signAsync: (payload: Uint8Array) => Promise<Uint8Array> }> {
      const { keyId, key } = await active();
      return {
        keyId,
        sign: (payload) => new Uint8Array(sign(null, payload, key)),
        signAsync: (payload) => new Promise((resolve, reject) => sign(null, payload, key, (error, signature) => (error ? reject(error) : resolve(new Uint8Array(signature))))),
      };
    },

    /** A synchronous signature check over every key ever used (for online checks, which then read the state). */
    async checker(keyIds: Iterable<number>): Promise<SignatureCheck> {
      const keys = new Map<number, KeyObject>();
      for (const id of new Set(keyIds)) {
        const k = await publicObject(id);
        if (k) keys.set(id, k);
      }
      return (keyId, signed, signature) => {
        const k = keys.get(keyId);
        if (!k || signature.length !== 64) return false;
        return verify(null, signed, k, signature);
      };
    },

    async publicKeys(): Promise<PublicKeyView[]> {
      await ensure();
      return (await repo.publicKeys(db.kysely)).map((r) => ({
        keyId: r.key_id, algorithm: 'Ed25519' as const, publicKey: r.public_key, status: r.status, createdAt: r.created_at.toISOString(), retiredAt: r.retired_at?.toISOString() ?? null,
      }));
    },

    /** Retires the active key and makes a new one active. Everything signed before keeps verifying with the old key. */
    async rotate(ctx: RequestContext): Promise<PublicKeyView[]> {
      signingPolicy.assert(ctx, 'rotate', null);
      await db.kysely.transaction().execute(async (trx) => {
        const current = await repo.lockActive(trx);
        const now = clock.now();
        if (current) await repo.retire(trx, current.key_id, now);
        await repo.insertActive(trx, generate());
        const next = await repo.active(trx);
        await writeAudit(trx, clock, ctx, { action: 'signing_key.rotated', subjectType: 'signing_key', subjectId: String(next!.key_id), data: { retired: current?.key_id ?? null } });
      });
      activeCache.clear();
      return this.publicKeys();
    },
  };
}
export type SigningService = ReturnType<typeof createSigningService>;
