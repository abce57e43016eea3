import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(password: string, stored: string): Promise<boolean>;
}

function scryptAsync(password: string, salt: Buffer, keylen: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFKC'), salt, keylen, options, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

/**
 * scrypt with OWASP's "N=2^15, r=8, p=3" profile by default. Parameters are
 * stored in the hash (`scrypt$N$r$p$salt$key`), so the cost can be raised
 * later without invalidating existing passwords; tests use a cheaper cost.
 */
export function scryptHasher(cost: { N: number; r: number; p: number } = { N: 2 ** 15, r: 8, p: 3 }): PasswordHasher {
  const KEYLEN = 32;
  return {
    async hash(password) {
      const salt = randomBytes(16);
      const key = await scryptAsync(password, salt, KEYLEN, { ...cost, maxmem: 256 * cost.N * cost.r });
      return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64url'), key.toString('base64url')].join('$');
    },
    async verify(password, stored) {
      const [scheme, n, r, p, salt, key] = stored.split('$');
      if (scheme !== 'scrypt' || !salt || !key) return false;
      const params = { N: Number(n), r: Number(r), p: Number(p) };
      const expected = Buffer.from(key, 'base64url');
      const actual = await scryptAsync(password, Buffer.from(salt, 'base64url'), expected.length, {
        ...params,
        maxmem: 256 * params.N * params.r,
      });
      return timingSafeEqual(actual, expected);
    },
  };
}
