import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { hajjFixtures, moments } from '../../testing/hajj-fixtures.ts';

let t: TestApp;
let fx: ReturnType<typeof hajjFixtures>;
let ministry: Record<string, string>;
let pkg: Record<string, string>;
type Family = Awaited<ReturnType<ReturnType<typeof hajjFixtures>['family']>>;
const early: Family[] = [];
let waiting: Family;
const queue = (h: Record<string, string>, method = 'POST') => fx.api(method, '/seasons/1448H/sale/queue', h);
const book = (h: Record<string, string>, packageId: string, token?: string | null, key?: string) =>
  fx.api('POST', '/seasons/1448H/sale/bookings', { ...h, ...(token ? { 'admission-token': token } : {}), ...(key ? { 'idempotency-key': key } : {}) }, { packageId });

beforeAll(async () => {
  t = await createTestApp();
  fx = hajjFixtures(t);
  ({ ministry, packages: pkg } = await fx.season({ FR: 100 }, { hot: { capacity: 3, countries: ['FR'] }, other: { capacity: 40, countries: ['GB'] } }));
  t.clock.set(moments.preference);
  for (let i = 0; i < 5; i++) early.push(await fx.family('FR', 1, []));
  waiting = await fx.family('FR', 1, [], { documents: 'none' });
  const set = await fx.api('PUT', '/seasons/1448H/sale', ministry, { admitPerMinute: 1, firstBatch: 1, tokenMinutes: 10, holdMinutes: 30 });
  expect(set.statusCode, set.body).toBe(200);
}, 60_000);
afterAll(async () => t?.close());

describe('the open sale', () => {
  it('lets people wait before the opening without a place: arriving early gives no advantage', async () => {
    t.clock.set(moments.between);
    for (const f of early.slice(0, 4)) {
      const res = await queue(f.admin.headers);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ inQueue: true, position: null, admitted: false, admissionToken: null, placeToken: null });
      expect(res.json().estimatedWaitSeconds).toBeGreaterThan(0);
    }
    expect((await queue(early[0]!.admin.headers)).json().position).toBeNull(); // refreshing changes nothing
  });

  it('orders the early arrivals at the opening by a seed drawn then, and queues later arrivals behind them', async () => {
    t.clock.set(moments.openSale);
    const positions = await Promise.all(early.slice(0, 4).map(async (f) => (await queue(f.admin.headers, 'GET')).json().position as number));
    expect([...positions].sort()).toEqual([1, 2, 3, 4]);
    const { orderSeed, earlyArrivals } = (await fx.api('GET', '/seasons/1448H/sale', {})).json();
    expect(earlyArrivals).toBe(4);
    // Anyone can check the order from the published seed.
    const expected = early.slice(0, 4).map((f) => f.admin.accountId).sort((a, b) => {
      const h = (id: string) => createHash('sha256').update(orderSeed + id).digest('hex');
      return h(a) < h(b) ? -1 : 1;
    });
    expect(early.slice(0, 4).map((f) => f.admin.accountId).sort((a, b) => positions[early.findIndex((f) => f.admin.accountId === a)]! - positions[early.findIndex((f) => f.admin.accountId === b)]!)).toEqual(expected);
    expect((await queue(early[4]!.admin.headers)).json().position).toBe(5);
    expect((await queue(early[4]!.admin.headers)).json()).toMatchObject({ position: 5, queueLength: 5 });
  });

  it('answers a poll by place token with no session, as the session would, and refuses a token that is forged or for another season', async () => {
    const place = (token: string | null, season = '1448H') => fx.api('GET', `/seasons/${season}/sale/place`, token === null ? {} : { 'place-token': token });
    for (const f of early) {
      const bySession = (await queue(f.admin.headers, 'GET')).json();
      expect(bySession.placeToken).toEqual(expect.any(String));
      const res = await place(bySession.placeToken);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toEqual(bySession);
    }
    const token = (await queue(early[0]!.admin.headers, 'GET')).json().placeToken as string;
    for (const [bad, season] of [[token.slice(0, -3) + 'abc', '1448H'], ['not-a-token', '1448H'], [token, '1449H']] as const) {
      const res = await place(bad, season);
      expect(res.statusCode, res.body).toBe(403);
      expect(res.json().code).toBe('sale.place_token_invalid');
    }
    const missing = await place(null);
    expect(missing.statusCode).toBe(400);
    expect(missing.headers['content-type']).toContain('application/problem+json');
  });

  it('admits at the set rate and gives the admitted a short-lived token the booking endpoint requires', async () => {
    const statuses = await Promise.all(early.map(async (f) => ({ f, s: (await queue(f.admin.headers, 'GET')).json() })));
    const first = statuses.find((x) => x.s.position === 1)!;
    const second = statuses.find((x) => x.s.position === 2)!;
    expect(first.s).toMatchObject({ admitted: true, admissionToken: expect.any(String), estimatedWaitSeconds: 0 });
    expect(second.s).toMatchObject({ admitted: false, admissionToken: null, estimatedWaitSeconds: 60 });

    expect((await book(second.f.admin.headers, pkg.hot!)).json().code).toBe('sale.admission_required');
    expect((await book(second.f.admin.headers, pkg.hot!, first.s.admissionToken)).json().code).toBe('sale.admission_required'); // someone else's
    expect((await book(first.f.admin.headers, pkg.hot!, first.s.admissionToken.slice(0, -3) + 'abc')).json().code).toBe('sale.admission_required'); // forged
    expect((await book(first.f.admin.headers, pkg.other!, first.s.admissionToken)).json().code).toBe('booking.package_unsuitable'); // not open to FR
    const booked = await book(first.f.admin.headers, pkg.hot!, first.s.admissionToken, 'sale-first-0001');
    expect(booked.statusCode, booked.body).toBe(201);
    expect(booked.json()).toMatchObject({ status: 'held', source: 'open_sale', seats: 1, holdDeadline: '2026-05-18T00:30:00.000Z' });
    expect((await book(first.f.admin.headers, pkg.hot!, first.s.admissionToken)).json().code).toBe('booking.already_booked');
    // A client whose answer was lost retries with the same key and gets its booking, not "already booked".
    const retried = await book(first.f.admin.headers, pkg.hot!, first.s.admissionToken, 'sale-first-0001');
    expect(retried.statusCode).toBe(201);
    expect(retried.headers['idempotent-replayed']).toBe('true');
    expect(retried.json()).toEqual(booked.json());

    t.clock.set('2026-05-18T00:11:00Z'); // tokens last 10 minutes
    expect((await book(first.f.admin.headers, pkg.hot!, first.s.admissionToken)).json().code).toBe('sale.admission_required');
    // ... and the retry still gets its booking after the token expired.
    expect((await book(first.f.admin.headers, pkg.hot!, first.s.admissionToken, 'sale-first-0001')).json().id).toBe(booked.json().id);
  });

  it('sells the hot package to the last seat and then says it is sold out', async () => {
    t.clock.set('2026-05-18T00:11:00Z'); // 11 minutes in: everyone is admitted
    const results: string[] = [];
    for (const f of early) {
      const s = (await queue(f.admin.headers, 'GET')).json();
      const res = await book(f.admin.headers, pkg.hot!, s.admissionToken);
      results.push(res.statusCode === 201 ? 'booked' : res.json().code);
    }
    expect(results.filter((r) => r === 'booked')).toHaveLength(2);
    expect(results.filter((r) => r === 'booking.sold_out')).toHaveLength(2);
    expect(await t.services.bookings.capacityViolations('1448H')).toEqual([]);
  });

  it('refuses a family whose passport scan or photo still awaits review, naming what is missing', async () => {
    await queue(waiting.admin.headers);
    const { admissionToken } = (await queue(waiting.admin.headers, 'GET')).json();
    const before = await t.tableCounts();
    const res = await book(waiting.admin.headers, pkg.hot!, admissionToken);
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'pilgrim.documents_awaited', params: { step: 'accept_offer', missing: [{ items: ['passport_scan', 'photo'] }] } });
    expect(await t.tableCounts()).toEqual(before);
  });
});
