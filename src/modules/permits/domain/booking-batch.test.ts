import { describe, expect, it } from 'vitest';
import { judgeBatch, type PersonFacts, type WindowFacts } from './booking-batch.ts';

const now = new Date('2027-02-01T00:00:00Z');
const window = (over: Partial<WindowFacts> = {}): WindowFacts => ({
  id: 'w', siteId: 's', section: 'women', startsAt: new Date('2027-02-20T06:00:00Z'), endsAt: new Date('2027-02-20T06:20:00Z'),
  capacity: 3, booked: 0, releaseAt: new Date('2027-01-01T00:00:00Z'), closedAt: null, ...over,
});
const person = (id: string, gender: 'male' | 'female' = 'female'): PersonFacts => ({ id, gender, name: id, held: new Map(), bans: new Map() });
const rawdah = { maxGroup: 2, rules: [{ code: 'rawdah-365', kind: 'per_days' as const, days: 365, maxCount: 1 }] };

function run(requests: { accountId?: string; personIds: string[] }[], w: Partial<WindowFacts> = {}, people = ['a', 'b', 'c', 'd', 'e'].map((id) => person(id)).concat(person('m', 'male'))) {
  const windows = new Map([['w', window(w)]]);
  const verdicts = judgeBatch(requests.map((r) => ({ accountId: r.accountId ?? 'acc', windowId: 'w', personIds: r.personIds })), windows, new Map([['s', rawdah]]), new Map(people.map((p) => [p.id, p])), () => new Set(people.map((p) => p.id)), now);
  return { codes: verdicts.map((v) => (v.ok ? 'ok' : v.code)), booked: windows.get('w')!.booked };
}

describe('judging a batch of bookings', () => {
  it.each([
    ['takes places in arrival order until the window is full', [{ personIds: ['a', 'b'] }, { personIds: ['c', 'd'] }, { personIds: ['e'] }], {}, ['ok', 'permit.window_full', 'ok'], 3],
    ['counts an earlier request of the same person (a second account) against the rule', [{ personIds: ['a'], accountId: 'one' }, { personIds: ['a'], accountId: 'two' }], {}, ['ok', 'permit.rule_broken'], 1],
    ['refuses a group over the site\'s limit', [{ personIds: ['a', 'b', 'c'] }], {}, ['permit.group_too_large'], 0],
    ['refuses a group with someone of the other section', [{ personIds: ['a', 'm'] }], {}, ['permit.wrong_section'], 0],
    ['refuses a window not yet released', [{ personIds: ['a'] }], { releaseAt: new Date('2027-02-10T00:00:00Z') }, ['permit.window_not_released'], 0],
    ['refuses a closed window', [{ personIds: ['a'] }], { closedAt: now }, ['permit.window_closed'], 0],
    ['refuses a window already begun', [{ personIds: ['a'] }], { startsAt: now }, ['permit.window_past'], 0],
    ['refuses the same person twice in one group', [{ personIds: ['a', 'a'] }], {}, ['permit.person_twice'], 0],
  ] as const)('%s', (_n, requests, w, codes, booked) => {
    const r = run(requests.map((x) => ({ ...x, personIds: [...x.personIds] })), w);
    expect(r.codes).toEqual(codes);
    expect(r.booked).toBe(booked);
  });

  it('refuses a person the account has not proved a document for', () => {
    const windows = new Map([['w', window()]]);
    const [v] = judgeBatch([{ accountId: 'x', windowId: 'w', personIds: ['a'] }], windows, new Map([['s', rawdah]]), new Map([['a', person('a')]]), () => new Set(), now);
    expect(v).toMatchObject({ ok: false, code: 'permit.person_unknown' });
  });
});
