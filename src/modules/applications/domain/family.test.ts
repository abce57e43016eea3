import { describe, expect, it } from 'vitest';
import { canAddMember, checkRanking, type PackageFacts } from './family.ts';

const member = (accountId: string, country = 'FR') => ({ accountId, country });

describe('canAddMember', () => {
  it.each([
    [[member('a')], member('b'), null],
    [[member('a')], member('a'), 'already_member'],
    [[member('a')], member('b', 'GB'), 'different_country'],
    [Array.from({ length: 8 }, (_, i) => member(`m${i}`)), member('z'), 'family_full'],
    [Array.from({ length: 7 }, (_, i) => member(`m${i}`)), member('z'), null],
  ] as const)('family %j adding %j → %s', (members, candidate, expected) =>
    expect(canAddMember({ members: [...members] }, candidate)).toBe(expected),
  );
});

describe('checkRanking', () => {
  const pkg = (id: string, over: Partial<PackageFacts> = {}): [string, PackageFacts] => [id, { id, onSale: true, season: '1448H', capacity: 10, eligibleCountries: ['FR'], ...over }];
  const packages = new Map([pkg('a'), pkg('b'), pkg('closed', { onSale: false }), pkg('gb', { eligibleCountries: ['GB'] }), pkg('tiny', { capacity: 3 }), pkg('next', { season: '1449H' })]);
  const family = { size: 4, country: 'FR', season: '1448H' };
  it.each([
    [['a', 'b'], null],
    [[], null],
    [['a', 'b', 'a'], { problem: 'duplicate' }],
    [['a', 'b', 'c', 'd', 'e', 'f'], { problem: 'too_many', max: 5 }],
    [['a', 'closed'], { problem: 'not_on_sale', packageId: 'closed' }],
    [['unknown'], { problem: 'not_on_sale', packageId: 'unknown' }],
    [['gb'], { problem: 'not_open_to_country', packageId: 'gb' }],
    [['tiny'], { problem: 'too_small', packageId: 'tiny' }],
    [['next'], { problem: 'other_season', packageId: 'next' }],
  ])('%j → %j', (ranking, expected) => expect(checkRanking(ranking, family, packages)).toEqual(expected));
});
