import { describe, expect, it } from 'vitest';
import type { PackageFacts } from './family.ts';
import { batchDemand, judgeChange, judgeRanking, type LockedApplication } from './ranking-batch.ts';

const app: LockedApplication = { id: 'app', season: '1448H', adminAccountId: 'admin', country: 'FR', version: 3, members: ['admin', 'member'], ranking: [] };
const pkg = (id: string, extra: Partial<PackageFacts> = {}): [string, PackageFacts] => [id, { id, onSale: true, season: '1448H', capacity: 10, eligibleCountries: ['FR'], ...extra }];
const packages = new Map([pkg('p1'), pkg('p2'), pkg('small', { capacity: 1 }), pkg('gb', { eligibleCountries: ['GB'] })]);
const closed = { code: 'season.phase_closed' as const, params: { phase: 'draw' } };

describe('judgeRanking', () => {
  it.each([
    { name: 'the admin, a valid ranking', actor: 'admin', ids: ['p1', 'p2'], expected: { ok: true } },
    { name: 'an empty ranking (withdrawing every choice)', actor: 'admin', ids: [], expected: { ok: true } },
    { name: 'the version they saw', actor: 'admin', ids: ['p1'], version: 3, expected: { ok: true } },
    { name: 'a stale version', actor: 'admin', ids: ['p1'], version: 2, expected: { ok: false, code: 'application.version_conflict', params: { current: 3 } } },
    { name: 'a member who is not the admin', actor: 'member', ids: ['p1'], expected: { ok: false, code: 'application.admin_only', params: {} } },
    { name: 'a stranger (who does not learn it exists)', actor: 'stranger', ids: ['p1'], expected: { ok: false, code: 'application.not_found', params: {} } },
    { name: 'nobody signed in', actor: undefined, ids: ['p1'], expected: { ok: false, code: 'application.not_found', params: {} } },
    { name: 'an unknown application', actor: 'admin', ids: ['p1'], app: null, expected: { ok: false, code: 'application.not_found', params: {} } },
    { name: 'outside the preference phase', actor: 'admin', ids: ['p1'], phase: closed, expected: { ok: false, ...closed } },
    { name: 'a stale version outside the phase: the version first', actor: 'admin', ids: ['p1'], version: 1, phase: closed, expected: { ok: false, code: 'application.version_conflict', params: { current: 3 } } },
    { name: 'a package smaller than the family', actor: 'admin', ids: ['p1', 'small'], expected: { ok: false, code: 'application.ranking_rule', params: { problem: 'too_small', package: 'small' } } },
    { name: 'a package not open to the country', actor: 'admin', ids: ['gb'], expected: { ok: false, code: 'application.ranking_rule', params: { problem: 'not_open_to_country', package: 'gb' } } },
    { name: 'a package not on sale', actor: 'admin', ids: ['gone'], expected: { ok: false, code: 'application.ranking_rule', params: { problem: 'not_on_sale', package: 'gone' } } },
    { name: 'the same package twice', actor: 'admin', ids: ['p1', 'p1'], expected: { ok: false, code: 'application.ranking_rule', params: { problem: 'duplicate' } } },
  ])('$name', ({ actor, ids, version, phase, app: override, expected }) => {
    const target = override === null ? undefined : app;
    expect(judgeRanking({ actorId: actor, applicationId: 'app', packageIds: ids, expectedVersion: version }, target, phase ?? null, packages)).toEqual(expected);
  });

  it('judgeChange asks only who and which version', () => {
    expect(judgeChange('admin', app, undefined)).toEqual({ ok: true });
    expect(judgeChange('member', app, 3)).toMatchObject({ code: 'application.admin_only' });
  });
});

describe('batchDemand', () => {
  const r = (...ids: string[]) => ids.map((packageId, i) => ({ packageId, rank: i + 1 }));

  it('adds the families of a batch per counter row and sorts the rows in the lock order', () => {
    expect(batchDemand([
      { season: 'S', country: 'GB', shard: 1, before: [], after: r('b', 'a'), size: 2 },
      { season: 'S', country: 'FR', shard: 3, before: [], after: r('b'), size: 1 },
      { season: 'S', country: 'FR', shard: 3, before: [], after: r('a', 'b'), size: 3 },
    ])).toEqual([
      { packageId: 'a', season: 'S', country: 'FR', shard: 3, first: 3, any: 3, families: 1 },
      { packageId: 'a', season: 'S', country: 'GB', shard: 1, first: 0, any: 2, families: 1 },
      { packageId: 'b', season: 'S', country: 'FR', shard: 3, first: 1, any: 4, families: 2 },
      { packageId: 'b', season: 'S', country: 'GB', shard: 1, first: 2, any: 2, families: 1 },
    ]);
  });

  it('drops the rows whose moves cancel out', () => {
    expect(batchDemand([
      { season: 'S', country: 'FR', shard: 0, before: r('a'), after: r('b'), size: 2 },
      { season: 'S', country: 'FR', shard: 0, before: r('b'), after: r('a'), size: 2 },
    ])).toEqual([]);
  });

  it('equals the sum of the families\' changes applied one at a time', () => {
    const changes = Array.from({ length: 40 }, (_, i) => ({
      season: 'S', country: i % 2 ? 'FR' : 'GB', shard: i % 3, size: 1 + (i % 4),
      before: i % 5 ? r('a', 'c') : [], after: [r('a', 'b'), r('c'), r('b', 'c', 'a'), []][i % 4]!,
    }));
    const total = (rows: { packageId: string; country: string; shard: number; first: number; any: number; families: number }[]) => {
      const sums = new Map<string, number[]>();
      for (const d of rows) {
        const k = `${d.packageId}/${d.country}/${d.shard}`;
        const s = sums.get(k) ?? [0, 0, 0];
        sums.set(k, [s[0]! + d.first, s[1]! + d.any, s[2]! + d.families]);
      }
      return [...sums].filter(([, v]) => v.some((x) => x !== 0)).sort();
    };
    expect(total(batchDemand(changes))).toEqual(total(changes.flatMap((c) => batchDemand([c]))));
  });
});
