import { describe, expect, it } from 'vitest';
import { fitInOrder, refusalOf, seatTotals, type SaleCandidate, type SeatRequest } from './sale-batch.ts';

const r = (packageId: string, seats: number, country = 'FR'): SeatRequest => ({ packageId, country, seats });

describe('bookings arriving together take seats in order of arrival, as many as fit', () => {
  it.each<[string, SeatRequest[], Record<string, number>, Record<string, number>, string[]]>([
    ['everyone fits', [r('p', 2), r('p', 3)], { p: 10 }, { FR: 10 }, ['held', 'held']],
    ['the first to arrive gets the last seats', [r('p', 1), r('p', 1), r('p', 1)], { p: 2 }, { FR: 10 }, ['held', 'held', 'sold_out']],
    ['a family too big for what is left is refused, a smaller one behind it still fits', [r('p', 4), r('p', 2)], { p: 3 }, { FR: 10 }, ['sold_out', 'held']],
    ['the country quota refuses once the package has room', [r('p', 2), r('p', 2)], { p: 10 }, { FR: 3 }, ['held', 'quota_full']],
    ['a full package is sold out even when the quota is full too', [r('p', 2)], { p: 1 }, { FR: 0 }, ['sold_out']],
    ['packages and countries are counted apart', [r('p', 2, 'FR'), r('q', 2, 'GB'), r('p', 1, 'GB')], { p: 2, q: 5 }, { FR: 2, GB: 3 }, ['held', 'held', 'sold_out']],
    ['a package or quota with no row has no room', [r('x', 1), r('p', 1, 'ZZ')], { p: 5 }, { FR: 5 }, ['sold_out', 'quota_full']],
    ['nothing left, nothing held', [r('p', 1)], { p: 0 }, { FR: 9 }, ['sold_out']],
  ])('%s', (_name, requests, packages, quotas, expected) => {
    expect(fitInOrder(requests, new Map(Object.entries(packages)), new Map(Object.entries(quotas)))).toEqual(expected);
  });

  it('moves each counter by the seats of the held requests only', () => {
    const requests = [r('p', 2, 'FR'), r('p', 5, 'FR'), r('q', 1, 'GB')];
    const { packages, countries } = seatTotals(requests, ['held', 'sold_out', 'held']);
    expect(Object.fromEntries(packages)).toEqual({ p: 2, q: 1 });
    expect(Object.fromEntries(countries)).toEqual({ FR: 2, GB: 1 });
  });
});

describe('a booking request in the open sale is refused for the first check it fails, in a lone request\'s order', () => {
  const ok: SaleCandidate = { accountId: 'a', family: { id: 'f', adminAccountId: 'a', members: ['a'] }, ineligible: false, documentsAwaited: null, packageProblem: null, alreadyBooked: false };
  it.each<[string, SaleCandidate, string | null]>([
    ['an admin of an eligible family with its documents may take seats', ok, null],
    ['no application for the season', { ...ok, family: undefined }, 'application.not_found'],
    ['only the family admin books', { ...ok, accountId: 'b' }, 'application.admin_only'],
    ['an ineligible member', { ...ok, ineligible: true, alreadyBooked: true }, 'booking.not_eligible'],
    ['documents still awaited', { ...ok, documentsAwaited: { step: 'accept_offer' }, packageProblem: { problem: 'too_small' } }, 'pilgrim.documents_awaited'],
    ['a package that does not suit the family', { ...ok, packageProblem: { problem: 'too_small' }, alreadyBooked: true }, 'booking.package_unsuitable'],
    ['a family that already holds a booking', { ...ok, alreadyBooked: true }, 'booking.already_booked'],
  ])('%s', (_name, candidate, code) => expect(refusalOf(candidate)?.code ?? null).toBe(code));
});
