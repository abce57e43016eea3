import { LRUCache } from 'lru-cache';

/**
 * Reference data a process keeps for a moment (e.g. a second): the opening
 * of a sale reads the same season rows on every request. A read in flight is
 * shared; a failed read is not kept; `fresh` reads again.
 *
 * @example const cache = shortCache(1000); await cache.get('season:1448H', () => load('1448H'))
 */
export function shortCache(ttlMs: number, max = 1000) {
  // Values are boxed: the cache keeps "nothing found" (undefined) like any other answer.
  const cache = new LRUCache<string, { value: unknown }, () => Promise<unknown>>({
    max,
    ttl: ttlMs,
    fetchMethod: async (_key, _stale, { context }) => ({ value: await context() }),
  });
  return {
    async get<T>(key: string, read: () => Promise<T>, fresh = false): Promise<T> {
      return (await cache.fetch(key, { context: read, forceRefresh: fresh }))!.value as T;
    },
    clear: () => cache.clear(),
    delete: (key: string) => cache.delete(key),
  };
}
