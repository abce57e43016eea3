import { describe, expect, it } from 'vitest';
import { mergeDeltas, rankingChange, shardOf, sizeChange } from './demand.ts';

describe('rankingChange', () => {
  it('a first ranking adds the family to every package, as first choice for rank 1', () => {
    expect(rankingChange([], [{ packageId: 'b', rank: 1 }, { packageId: 'a', rank: 2 }], 3)).toEqual([
      { packageId: 'a', first: 0, any: 3, families: 1 },
      { packageId: 'b', first: 3, any: 3, families: 1 },
    ]);
  });
  it('swapping two ranks moves only the first-choice seats', () => {
    const before = [{ packageId: 'a', rank: 1 }, { packageId: 'b', rank: 2 }];
    const after = [{ packageId: 'b', rank: 1 }, { packageId: 'a', rank: 2 }];
    expect(rankingChange(before, after, 2)).toEqual([
      { packageId: 'a', first: -2, any: 0, families: 0 },
      { packageId: 'b', first: 2, any: 0, families: 0 },
    ]);
  });
  it('the same ranking again changes nothing', () => {
    const r = [{ packageId: 'a', rank: 1 }];
    expect(rankingChange(r, r, 4)).toEqual([]);
  });
});

describe('sizeChange', () => {
  it('a new member adds a seat to every ranked package', () => {
    expect(sizeChange([{ packageId: 'a', rank: 1 }, { packageId: 'b', rank: 2 }], 2, 3)).toEqual([
      { packageId: 'a', first: 1, any: 1, families: 0 },
      { packageId: 'b', first: 0, any: 1, families: 0 },
    ]);
  });
});

describe('mergeDeltas', () => {
  it('sorts by package, the order rows are locked in', () => {
    expect(mergeDeltas([{ packageId: 'z', first: 1, any: 1, families: 1 }, { packageId: 'c', first: 0, any: 1, families: 1 }]).map((d) => d.packageId)).toEqual(['c', 'z']);
  });
});

describe('shardOf', () => {
  it.each([['00aa', 0], ['07aa', 7], ['08aa', 0], ['ffaa', 7]])('%s → shard %i', (id, shard) => expect(shardOf(id)).toBe(shard));
});
