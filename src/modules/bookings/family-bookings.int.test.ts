import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { hajjFixtures, moments } from '../../testing/hajj-fixtures.ts';

let t: TestApp;
let fx: ReturnType<typeof hajjFixtures>;
let family: Awaited<ReturnType<ReturnType<typeof hajjFixtures>['family']>>;
let member: Record<string, string>;
let bookingId: string;
let amountDue: number;

beforeAll(async () => {
  t = await createTestApp();
  fx = hajjFixtures(t);
  const { packages } = await fx.season({ FR: 50 }, { a: { capacity: 10, countries: ['FR'] } });
  t.clock.set(moments.preference);
  family = await fx.family('FR', 2, [packages.a!]);
  const memberId = (await t.db.kysely.selectFrom('application_members').select('account_id').where('application_id', '=', family.id).where('role', '=', 'member').executeTakeFirstOrThrow()).account_id;
  const signedIn = await t.services.auth.signIn({ actor: null, locale: 'en', requestId: 't' }, { email: (await t.db.kysely.selectFrom('accounts').select('email').where('id', '=', memberId).executeTakeFirstOrThrow()).email, password: 'correct horse battery staple', kind: 'bearer' });
  member = { authorization: `Bearer ${signedIn.token}` };
  const held = await t.db.kysely.transaction().execute((trx) => t.services.bookings.hold({ requestId: 't', actor: null }, trx,
    { season: '1448H', applicationId: family.id, adminAccountId: family.admin.accountId, packageId: packages.a!, seats: 2, country: 'FR' }, 'draw', new Date('2026-05-20T00:00:00Z')));
  if (!('booking' in held) || !held.booking) throw new Error('no room');
  bookingId = held.booking.id;
  amountDue = held.booking.amount_due;
}, 60_000);
afterAll(async () => t?.close());

describe('a family\'s own bookings', () => {
  it('are an empty list, not an error, for a pilgrim with none', async () => {
    const someone = await fx.pilgrim('FR');
    const res = await fx.api('GET', '/me/bookings', someone.headers);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ items: [] });
    expect((await fx.api('GET', '/me/applications', someone.headers)).json()).toEqual([]);
  });

  it('show the admin a held offer with what is owed, by when, and the actions open now', async () => {
    const { items } = (await fx.api('GET', '/me/bookings', family.admin.headers)).json();
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      id: bookingId, season: '1448H', status: 'held', seats: 2, amountDue, amountPaid: 0, outstanding: amountDue,
      holdDeadline: '2026-05-20T00:00:00.000Z', schedule: [{ step: 1, amount: amountDue, dueAt: '2026-05-20T00:00:00.000Z', paid: false }],
      documents: { confirmation: null, receipt: null, cards: [] }, allowedActions: ['pay', 'decline', 'cancel'],
    });
    expect(items[0].packageTitle).toBeTruthy();
    expect(items[0].members).toHaveLength(2);
    expect((await fx.api('GET', '/me/applications', family.admin.headers)).json()).toEqual([{ season: '1448H', applicationId: family.id, role: 'admin', country: 'FR' }]);
  });

  it('show a member the same booking, without the admin\'s actions', async () => {
    const one = await fx.api('GET', `/me/bookings/${bookingId}`, member);
    expect(one.statusCode).toBe(200);
    expect(one.json()).toMatchObject({ id: bookingId, allowedActions: [] });
  });

  it('list the documents once the booking is paid', async () => {
    const admin = (await t.signInAs('ministry_admin')).headers;
    const { bankReference } = (await fx.api('GET', '/wallet', family.admin.headers)).json();
    await fx.api('POST', '/wallet/bank-statements', { ...admin, 'content-type': 'text/csv' }, `date,reference,amount,transaction_id\n2026-05-03,${bankReference},${(amountDue / 100).toFixed(2)},TX-FB\n` as never);
    expect((await fx.api('POST', `/bookings/${bookingId}/pay`, family.admin.headers, {})).statusCode).toBe(200);
    const b = (await fx.api('GET', `/me/bookings/${bookingId}`, family.admin.headers)).json();
    expect(b).toMatchObject({ status: 'confirmed', outstanding: 0, allowedActions: ['cancel'], documents: { confirmation: `/api/v1/bookings/${bookingId}/confirmation.pdf`, receipt: `/api/v1/bookings/${bookingId}/receipt.pdf` } });
    expect(b.documents.cards).toHaveLength(2);
    expect((await t.app.inject({ url: b.documents.cards[0].url, headers: family.admin.headers })).headers['content-type']).toBe('application/pdf');
  });

  it('are not found for anyone outside the family', async () => {
    const stranger = await fx.pilgrim('FR');
    expect((await fx.api('GET', `/me/bookings/${bookingId}`, stranger.headers)).json().code).toBe('booking.not_found');
  });
});

describe('the session', () => {
  it('is a state: null when nobody is signed in, the account when someone is', async () => {
    const anonymous = await fx.api('GET', '/auth/session', {});
    expect(anonymous.statusCode).toBe(200);
    expect(anonymous.json()).toEqual({ account: null });
    expect((await fx.api('GET', '/auth/session', family.admin.headers)).json().account).toMatchObject({ id: family.admin.accountId });
  });
});
