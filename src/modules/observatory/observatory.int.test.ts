import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishEvent } from '../events/index.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { hajjFixtures, moments } from '../../testing/hajj-fixtures.ts';

/**
 * A season's journey raises invitations; a pilgrim answers by the link once; the indicators
 * withhold small groups; with 30 answers the provider's public scorecard shows CSAT and NPS with
 * their intervals; missions see their own country only.
 */
let t: TestApp;
let fx: ReturnType<typeof hajjFixtures>;
let bookingId: string;
let family: Awaited<ReturnType<ReturnType<typeof hajjFixtures>['family']>>;
let providerId: string;
let packageId: string;
let ministry: Record<string, string>;
let providerStaff: Record<string, string>;
const tokenOf = (body: string) => /\/s\/([A-Za-z0-9_-]{64})/.exec(body)![1]!;

beforeAll(async () => {
  t = await createTestApp();
  fx = hajjFixtures(t);
  await t.services.observatory.ensureDefaults();
  const season = await fx.season({ FR: 100 }, { a: { capacity: 50, countries: ['FR'] } });
  packageId = season.packages.a!;
  providerId = (await t.db.kysely.selectFrom('packages').select('provider_id').where('id', '=', packageId).executeTakeFirstOrThrow()).provider_id;
  ministry = season.ministry;
  providerStaff = season.provider;
  t.clock.set(moments.preference);
  family = await fx.family('FR', 2, []);
  const held = await t.db.kysely.transaction().execute((trx) =>
    t.services.bookings.hold({ requestId: 'test', actor: null }, trx, { season: '1448H', applicationId: family.id, adminAccountId: family.admin.accountId, packageId, seats: 2, country: 'FR' }, 'draw', new Date('2026-05-20T00:00:00Z')));
  bookingId = ('booking' in held && held.booking!.id) as string;
  // Paying has its own tests (wallet, pay-booking); here the booking is confirmed as paying confirms it, with its event.
  await t.db.kysely.transaction().execute(async (trx) => {
    await sql`update bookings set status = 'confirmed' where id = ${bookingId}`.execute(trx);
    await publishEvent(trx, t.clock, { type: 'booking.confirmed', providerId, subjectId: bookingId, payload: { bookingId, season: '1448H', packageId, seats: 2 } });
  });
}, 120_000);
afterAll(async () => t?.close());

describe('invitations from the journey\'s events', () => {
  it('invites every member once per survey, in their language, and records who served them', async () => {
    expect(await t.services.inviteFromEvents()).toBe(2);
    expect(await t.services.inviteFromEvents()).toBe(0);
    const invitations = await t.db.kysely.selectFrom('survey_invitations').select(['account_id', 'stage', 'provider_id', 'package_id', 'country_code', 'nationality_group', 'language']).execute();
    expect(invitations).toHaveLength(2);
    expect(invitations[0]).toMatchObject({ stage: 'application_booking', provider_id: providerId, package_id: packageId, country_code: 'FR', nationality_group: 'europeAmericasOceania', language: 'en' });
    expect(await t.db.kysely.selectFrom('guest_journeys').selectAll().execute()).toHaveLength(2);
    const mail = await t.db.kysely.selectFrom('outbox_messages').select(['recipient', 'body_text']).where('template', '=', 'survey_invitation').execute();
    expect(mail).toHaveLength(2);
    expect(mail.map((m) => m.recipient)).toContain(family.admin.email);
  });

  it('raises the arrival survey when the border records the arrival', async () => {
    const statistics = (await t.signInAs('statistics_officer')).headers;
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/statistics/hajj/1448H/arrivals', headers: { ...statistics, 'idempotency-key': 'arrival-obs-1' }, payload: { bookingId, entryPort: 'JED', arrivalDate: '2027-05-05' } });
    expect(res.statusCode, res.body).toBe(200);
    expect(await t.services.inviteFromEvents()).toBe(2);
    expect(await t.db.kysely.selectFrom('survey_invitations').select('id').where('stage', '=', 'arrival').execute()).toHaveLength(2);
  });
});

describe('answering by the link', () => {
  let token: string;
  beforeAll(async () => {
    const mail = await t.db.kysely.selectFrom('outbox_messages').select('body_text').where('template', '=', 'survey_invitation').where('recipient', '=', family.admin.email).orderBy('created_at').executeTakeFirstOrThrow();
    token = tokenOf(mail.body_text);
  });

  it('shows the survey in the invitee\'s language and counts the showing', async () => {
    const res = await fx.api('GET', `/surveys/links/${token}`, {});
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ stage: 'application_booking', language: 'en', title: { text: 'Application and booking survey', fallback: false } });
    const shown = await t.db.kysely.selectFrom('survey_invitations').select(['shown_count', 'first_shown_at']).where('account_id', '=', family.admin.accountId).where('stage', '=', 'application_booking').executeTakeFirstOrThrow();
    expect(shown.shown_count).toBe(1);
  });

  it.each([
    ['a score off the scale', { overall: 7, recommend: 9 }, 'out_of_range'],
    ['a required question left out', { recommend: 9 }, 'required'],
    ['a choice not offered', { overall: 4, recommend: 9, clarity: 'maybe' }, 'unknown_option'],
  ])('refuses %s and changes nothing', async (_case, answers, problem) => {
    const before = await t.tableCounts();
    const res = await fx.api('POST', `/surveys/links/${token}/response`, {}, { answers });
    expect(res.json()).toMatchObject({ status: 400, code: 'survey.bad_answer', params: { problem } });
    expect(await t.tableCounts()).toEqual(before);
  });

  it('takes one answer, screens its free text, and refuses a second keeping the first', async () => {
    const first = await fx.api('POST', `/surveys/links/${token}/response`, {}, { answers: { overall: 5, recommend: 10, clarity: 'yes', comment: 'Call me at +33 6 12 34 56 78' } });
    expect(first.statusCode, first.body).toBe(201);
    const second = await fx.api('POST', `/surveys/links/${token}/response`, {}, { answers: { overall: 1, recommend: 0 } });
    expect(second.json()).toMatchObject({ status: 409, code: 'survey.already_answered' });
    const stored = await t.db.kysely.selectFrom('survey_responses').select(['csat', 'nps', 'free_text_screened', 'country_code', 'provider_id']).execute();
    expect(stored).toEqual([{ csat: 5, nps: 10, free_text_screened: 'Call me at [phone]', country_code: 'FR', provider_id: providerId }]);
  });

  it('refuses a forged link and an expired one', async () => {
    const forged = token.slice(0, 63) + (token.endsWith('A') ? 'B' : 'A');
    expect((await fx.api('GET', `/surveys/links/${forged}`, {})).json()).toMatchObject({ status: 404, code: 'survey.link_invalid' });
    const other = await t.db.kysely.selectFrom('outbox_messages').select('body_text').where('template', '=', 'survey_invitation').where('recipient', '!=', family.admin.email).executeTakeFirstOrThrow();
    const saved = t.clock.now();
    t.clock.set(new Date(saved.getTime() + 15 * 86_400_000));
    expect((await fx.api('GET', `/surveys/links/${tokenOf(other.body_text)}`, {})).json()).toMatchObject({ status: 410, code: 'survey.link_expired' });
    t.clock.set(saved);
  });

  it('keeps one answer when two race on the same invitation (they may share a batch)', async () => {
    await t.services.observatory.inviteNow('booking_confirmed', [{ accountId: family.admin.accountId, subject: 'race', language: 'en', programme: 'hajj', providerId, packageId, countryCode: 'FR', nationalityGroup: 'europeAmericasOceania' }]);
    const race = (await fx.api('GET', '/me/surveys', family.admin.headers)).json().find((s: { stage: string; expiresAt: string }) => s.stage === 'application_booking');
    const answers = await Promise.all([1, 2, 3].map((score) => fx.api('POST', `/me/surveys/${race.invitationId}/response`, family.admin.headers, { answers: { overall: score, recommend: score } })));
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 409, 409]);
    expect(answers.filter((a) => a.statusCode === 409).every((a) => a.json().code === 'survey.already_answered')).toBe(true);
    expect(await t.db.kysely.selectFrom('survey_responses').select('id').where('invitation_id', '=', race.invitationId).execute()).toHaveLength(1);
  });

  it('reminds once, half-way to the expiry, with the same link', async () => {
    const saved = t.clock.now();
    t.clock.set(new Date(saved.getTime() + 4 * 86_400_000));
    expect(await t.services.observatory.remind()).toBe(2); // both arrival surveys (7 days, reminded after 3.5)
    t.clock.set(new Date(saved.getTime() + 8 * 86_400_000));
    expect(await t.services.observatory.remind()).toBe(1); // the member's booking survey (14 days); the answered one is not reminded
    expect(await t.services.observatory.remind()).toBe(0);
    t.clock.set(saved);
  });
});

describe('indicators and the public scorecard', () => {
  it('withholds a group of fewer than ten, everywhere', async () => {
    const res = await fx.api('GET', '/observatory/indicators?by=provider', ministry);
    expect(res.statusCode, res.body + t.logs.lines.filter((l) => l.includes("\"level\":50")).join("").slice(-2000)).toBe(200);
    expect(res.json().groups).toEqual([]);
    expect(res.json().withheldGroups).toBe(1);
  });

  it('publishes CSAT and NPS with their intervals once 30 have answered', async () => {
    // Thirty more surveys of the same family (one per subject), answered by the pilgrim signed in.
    const invitees = Array.from({ length: 30 }, (_, i) => ({ accountId: family.admin.accountId, subject: `trip-${i}`, language: 'en', programme: 'hajj' as const, providerId, packageId, countryCode: 'FR', nationalityGroup: 'europeAmericasOceania' }));
    await t.db.kysely.transaction().execute((trx) => t.services.observatory.invite(trx, 'booking_confirmed', invitees, null));
    const mine = (await fx.api('GET', '/me/surveys', family.admin.headers)).json() as { invitationId: string }[];
    let n = 0;
    for (const s of mine) {
      const score = n++ % 10 === 0 ? 2 : 5;
      const res = await fx.api('POST', `/me/surveys/${s.invitationId}/response`, family.admin.headers, { answers: { overall: score, recommend: score === 2 ? 3 : 9 } });
      if (res.statusCode !== 201) expect(res.json().code).toBe('survey.bad_answer'); // the arrival survey asks other questions
    }
    expect((await fx.api('POST', '/observatory/scorecards/compute', ministry)).json()).toMatchObject({ providers: 1 });
    const card = (await fx.api('GET', `/scorecards/${providerId}`, {})).json();
    expect(card.csat).toMatchObject({ n: 32, publishable: true, value: expect.any(Number), low: expect.any(Number), high: expect.any(Number) });
    expect(card.csat.low).toBeLessThan(card.csat.value);
    expect(card.nps).toMatchObject({ n: 32 });
    expect(card.complaintsPerThousand).toBeNull(); // 2 pilgrims served: below the floor
    const counts = (await fx.api('GET', '/scorecards/counts.json', {})).json();
    expect(counts[0]).toMatchObject({ providerId, csatN: 32, pilgrims: null });
    const pkg = (await fx.api('GET', `/catalogue/${packageId}`, {})).json();
    expect(pkg.scorecard).toMatchObject({ providerId, csat: { n: 32 } });
  });

  it('shows a mission its own country only, and a provider may reply in public', async () => {
    const fr = await t.signInAs('mission_officer', { countryCode: 'FR' });
    const asked = (await fx.api('GET', '/observatory/indicators?by=provider&country=EG', fr.headers)).json();
    expect(asked.filter).toMatchObject({ countryCode: 'FR' });
    expect(asked.groups.map((g: { key: string }) => g.key)).toEqual([providerId]); // France's answers, though Egypt was asked for
    const eg = await t.signInAs('mission_officer', { countryCode: 'EG' });
    expect((await fx.api('GET', '/observatory/indicators?by=provider', eg.headers)).json().groups).toEqual([]);
    const reply = await fx.api('PUT', `/scorecards/${providerId}/reply`, providerStaff, { reply: 'We changed our bus contractor after the season.' });
    expect(reply.statusCode, reply.body).toBe(200);
    expect((await fx.api('GET', `/scorecards/${providerId}`, {})).json().reply).toMatchObject({ text: 'We changed our bus contractor after the season.' });
    const other = await t.createLicensedProvider();
    expect((await fx.api('PUT', `/scorecards/${providerId}/reply`, other.owner.headers, { reply: 'not ours' })).statusCode).toBe(403);
    expect((await fx.api('GET', '/scorecards', {})).json().map((c: { providerId: string }) => c.providerId)).toContain(providerId);
    const series = await fx.api('GET', '/observatory/series', ministry);
    expect(series.statusCode).toBe(200);
    expect(series.json().some((d: { responses: number | null }) => d.responses !== null && d.responses >= 10)).toBe(true);
    const csv = await fx.api('GET', '/observatory/indicators.csv?by=stage', ministry);
    expect(csv.body.split('\r\n')[0]).toMatch(/^stage,csat,csat_low,csat_high,csat_n,nps/);
  });
});

describe('field inspections', () => {
  it('scores a place on its checklist once per client id, refuses answers that do not match, and labels it on the scorecard', async () => {
    const inspector = await t.signInAs('field_inspector');
    const lists = (await fx.api('GET', '/observatory/inspections/checklists', inspector.headers)).json() as { placeType: string; items: { id: string; weight: number }[] }[];
    const bus = lists.find((l) => l.placeType === 'bus')!;
    const answers = Object.fromEntries(bus.items.map((i, n) => [i.id, n === 0 ? false : n === 1 ? null : true]));
    const body = { clientId: 'phone-0001-a', placeType: 'bus', providerId, place: 'Bus 4471', visitedAt: '2026-05-20T10:00:00Z', answers };
    const first = await fx.api('POST', '/observatory/inspections', inspector.headers, body);
    expect(first.statusCode, first.body).toBe(201);
    const passed = bus.items.slice(2).reduce((n, i) => n + i.weight, 0);
    expect(first.json().score).toBe(Math.round((passed / (passed + bus.items[0]!.weight)) * 10000) / 100);
    const again = await fx.api('POST', '/observatory/inspections', inspector.headers, body); // an offline phone sends it again
    expect(again.json().id).toBe(first.json().id);
    expect((await fx.api('POST', '/observatory/inspections', inspector.headers, { ...body, clientId: 'phone-0001-b', answers: { on_time: true } })).json().code).toBe('inspection.bad_answers');
    expect((await fx.api('POST', '/observatory/inspections', inspector.headers, { ...body, clientId: 'phone-0001-c', photos: ['00000000-0000-4000-8000-000000000000'] })).json().code).toBe('inspection.photo_not_found');
    await fx.api('POST', '/observatory/scorecards/compute', ministry);
    expect((await fx.api('GET', `/scorecards/${providerId}`, {})).json().inspections).toMatchObject({ n: 1, meanScore: first.json().score, label: expect.stringContaining('mystery shopper') });
  });
});

describe('the daily rollup', () => {
  it('gives the same counts as the rows themselves, for every dimension, once past days are folded', async () => {
    const dims = ['provider', 'package', 'stage', 'country', 'language'] as const;
    const sorted = (m: Map<string | null, unknown>) => [...m.entries()].sort(([a], [b]) => String(a).localeCompare(String(b)));
    const before = await Promise.all(dims.map((d) => t.services.observatory.countsBy(d, {})));
    t.clock.set(new Date(t.clock.now().getTime() + 2 * 86_400_000));
    const folded = await t.services.observatory.foldDays();
    expect(folded).toBeGreaterThan(0);
    expect(await t.services.observatory.foldDays()).toBe(0); // each day once
    const after = await Promise.all(dims.map((d) => t.services.observatory.countsBy(d, {})));
    for (const [i, d] of dims.entries()) expect(sorted(after[i]!), d).toEqual(sorted(before[i]!));
    expect(Number((await t.db.kysely.selectFrom('survey_rollup').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n)).toBeGreaterThan(0);
  });
});
