import { describe, expect, it } from 'vitest';
import { shortCache } from './short-cache.ts';

describe('shortCache', () => {
  it('shares a read in flight and keeps its answer, even "nothing found", until the time is up', async () => {
    const cache = shortCache(40);
    let reads = 0;
    const read = async () => {
      reads++;
      return undefined;
    };
    await Promise.all([cache.get('k', read), cache.get('k', read)]);
    expect(await cache.get('k', read)).toBeUndefined();
    expect(reads).toBe(1);
    await new Promise((r) => setTimeout(r, 60));
    await cache.get('k', read);
    expect(reads).toBe(2);
  });

  it('does not keep a failed read, and reads again when asked for a fresh value or after clear', async () => {
    const cache = shortCache(10_000);
    await expect(cache.get('k', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(await cache.get('k', async () => 1)).toBe(1);
    expect(await cache.get('k', async () => 2)).toBe(1);
    expect(await cache.get('k', async () => 3, true)).toBe(3);
    cache.clear();
    expect(await cache.get('k', async () => 4)).toBe(4);
    cache.delete('k');
    expect(await cache.get('k', async () => 5)).toBe(5);
  });
});
