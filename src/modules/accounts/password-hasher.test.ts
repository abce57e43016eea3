import { describe, expect, it } from 'vitest';
import { scryptHasher } from './password-hasher.ts';

describe('scryptHasher', () => {
  const hasher = scryptHasher({ N: 1024, r: 8, p: 1 });
  it('verifies the right password and refuses a wrong one', async () => {
    const stored = await hasher.hash('correct horse battery');
    expect(stored).toMatch(/^scrypt\$1024\$8\$1\$/);
    expect(await hasher.verify('correct horse battery', stored)).toBe(true);
    expect(await hasher.verify('correct horse battery!', stored)).toBe(false);
  });
  it('salts every hash', async () => {
    expect(await hasher.hash('same password')).not.toBe(await hasher.hash('same password'));
  });
  it('verifies a hash made with other parameters than its own default', async () => {
    const stored = await scryptHasher({ N: 2048, r: 8, p: 1 }).hash('portable secret');
    expect(await hasher.verify('portable secret', stored)).toBe(true);
  });
  it('refuses a malformed stored hash instead of throwing', async () => {
    expect(await hasher.verify('x', 'bcrypt$whatever')).toBe(false);
  });
});
