import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/harness.ts';
import { hajjFixtures, moments } from '../testing/hajj-fixtures.ts';

/** The direct programme's arrivals: the platform's own bookings become season records at the border. */
let t: TestApp;
let fx: ReturnType<typeof hajjFixtures>;
let statistics: Record<string, string>;
let bookingId: string;
beforeAll(async () => {
  t = await createTestApp();
  fx = hajjFixtures(t);
  const { packages } = await fx.season({ FR: 100 }, { a: { capacity: 50, countries: ['FR'] } });
  t.clock.set(moments.preference);
  const family = await fx.family('FR', 2, []);
  const held = await t.db.kysely.transaction().execute((trx) =>
    t.services.bookings.hold({ requestId: 'test', actor: null }, trx, { season: '1448H', applicationId: family.id, adminAccountId: family.admin.accountId, packageId: packages.a!, seats: 2, country: 'FR' }, 'draw', new Date('2026-05-20T00:00:00Z')));
  bookingId = ('booking' in held && held.booking!.id) as string;
  statistics = (await t.signInAs('statistics_officer')).headers;
}, 120_000);
afterAll(async () => t?.close());

const arrive = (body: Record<string, unknown>, key?: string) =>
  t.app.inject({ method: 'POST', url: '/api/v1/statistics/hajj/1448H/arrivals', headers: { ...statistics, ...(key ? { 'idempotency-key': key } : {}) }, payload: { bookingId, entryPort: 'JED', arrivalDate: '2027-05-05', ...body } });

describe('recording the arrival of a booking of the direct programme', () => {
  it('refuses a booking that is not paid', async () => {
    expect((await arrive({})).json()).toMatchObject({ code: 'statistics.booking_not_travelling', params: { status: 'held' } });
  });

  it('records one record per member, from their profiles, and refuses them a second time', async () => {
    // Paying has its own tests (wallet); here the booking is simply paid.
    await sql`update bookings set status = 'confirmed' where id = ${bookingId}`.execute(t.db.kysely);
    expect((await arrive({ makkahRoute: true })).json()).toMatchObject({ code: 'statistics.bad_line', params: { problem: 'makkah_route_country', value: 'FR' } });
    const first = await arrive({}, 'arrival-0001');
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toEqual({ bookingId, recorded: 2 });
    expect((await arrive({}, 'arrival-0001')).json()).toEqual({ bookingId, recorded: 2 }); // a retry: the first answer
    expect((await arrive({}, 'arrival-0002')).json().code).toBe('statistics.already_recorded');
    const figures = await t.services.statistics.figures('1448H');
    expect(figures).toMatchObject({ total: 2, residence: { foreign: 2, domestic: 0 }, foreignByArrival: { air: 2, land: 0, sea: 0 }, foreignByRegion: { europeAmericasOceania: 2 } });
    const { sources } = await t.services.statistics.tables('1448H', 'full');
    expect(sources).toEqual({ direct: 2 });
  });
});
