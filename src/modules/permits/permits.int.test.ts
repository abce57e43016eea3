import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPublicKey, verify } from 'node:crypto';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { beforeRamadan, permitFixtures, ramadan } from '../../testing/permit-fixtures.ts';
import { locales } from '../../common/i18n.ts';
import { RevocationList, decodeList, decodeToken, fromBase64url, uuidToBytes } from '../../common/permits/index.ts';

/**
 * A Ramadan of Umrah and Rawdah windows configured by a ministry officer;
 * pilgrims prove their documents, book, move, wait, cancel; refusals name the
 * rule; the revocation list and the gate see it all.
 */
let t: TestApp;
let fx: ReturnType<typeof permitFixtures>;
let officer: Record<string, string>;
let rawdah: Awaited<ReturnType<ReturnType<typeof permitFixtures>['site']>>;
let umrah: Awaited<ReturnType<ReturnType<typeof permitFixtures>['site']>>;
const day = '2027-02-10';

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set(beforeRamadan);
  fx = permitFixtures(t);
  officer = (await t.signInAs('ministry_officer')).headers;
  rawdah = await fx.site(officer, {
    code: 'rawdah', kind: 'rawdah', capacity: 3, windowMinutes: 20, hours: [{ from: 6 * 60, to: 8 * 60 }], maxGroup: 2,
    rules: [{ code: 'rawdah-365', kind: 'per_days', days: 365, maxCount: 1 }], penalties: [{ trigger: 'no_show', banDays: 365 }],
  });
  umrah = await fx.site(officer, {
    code: 'umrah', kind: 'umrah', capacity: 1000, windowMinutes: 120, hours: [{ from: 0, to: 1440 }], maxGroup: 5,
    rules: [{ code: 'umrah-ramadan', kind: 'per_hijri_month', hijriMonth: 9, maxCount: 1 }, { code: 'umrah-15-days', kind: 'per_days', days: 15, maxCount: 1, appliesFrom: '2027-03-09' }],
  });
}, 120_000);
afterAll(async () => t?.close());

describe('the ministry configures a Ramadan', () => {
  it('generates every window of the month for both sections', () => {
    expect(rawdah.generated).toMatchObject({ windows: 29 * 2 * 6, created: 29 * 2 * 6 });
    expect(umrah.generated).toMatchObject({ windows: 29 * 2 * 12 });
  });

  it('generates again without duplicating, and refuses a range that is not one', async () => {
    const again = await fx.api('POST', `/permits/sites/${rawdah.siteId}/windows/generate`, officer, { templateId: rawdah.templateId, range: { calendar: 'hijri', from: { year: 1448, month: 9, day: 1 }, to: { year: 1448, month: 9, day: 30 } }, release: { daysBefore: 14, atMinute: 600 } });
    expect(again.json()).toMatchObject({ days: 29, created: 0 });
    const bad = await fx.api('POST', `/permits/sites/${rawdah.siteId}/windows/generate`, officer, { templateId: rawdah.templateId, range: { calendar: 'gregorian', from: '2027-03-01', to: '2027-02-01' }, release: { daysBefore: 1, atMinute: 0 } });
    expect(bad.json()).toMatchObject({ code: 'permit.bad_config', params: { problem: 'bad_range' } });
  });

  it('refuses a pilgrim at the ministry\'s door', async () => {
    const p = await t.signInAs('pilgrim');
    expect((await fx.api('POST', `/permits/sites/${rawdah.siteId}/templates`, p.headers, { name: 'x', windowMinutes: 20, capacity: 1, earlyGraceMinutes: 0, lateGraceMinutes: 0 })).statusCode).toBe(403);
  });

  it('shows availability as a state with words: released windows open, later ones not yet released', async () => {
    const released = await fx.windows(rawdah.siteId, day, 'men');
    expect(released).toHaveLength(6);
    expect(released[0]).toMatchObject({ state: 'open', remaining: 3, text: 'Open — 3 places left' });
    const later = await fx.windows(rawdah.siteId, '2027-03-01', 'men');
    expect(later[0]!.state).toBe('not_released');
    expect(later[0]!.text).toMatch(/^Not released yet — opens for booking/);
  });
});

describe('where to look first', () => {
  it('names the day of the next window with a place, and when none is released yet, the next window and its release', async () => {
    expect((await fx.api('GET', `/permits/sites/${rawdah.siteId}/next-open?section=women`, {})).json()).toEqual({ day: ramadan.first, releaseAt: null });
    t.clock.set('2027-02-25T12:00:00Z'); // days up to 18 March are released three weeks ahead; the month ends on 8 March
    expect((await fx.api('GET', `/permits/sites/${rawdah.siteId}/next-open`, {})).json()).toEqual({ day: '2027-02-26', releaseAt: null });
    t.clock.set('2027-03-09T12:00:00Z');
    expect((await fx.api('GET', `/permits/sites/${rawdah.siteId}/next-open`, {})).json()).toEqual({ day: null, releaseAt: null });
    t.clock.set('2027-01-01T00:00:00Z'); // nothing released yet: the first day of Ramadan, released 21 days before at 10:00 Saudi time
    expect((await fx.api('GET', `/permits/sites/${rawdah.siteId}/next-open`, {})).json()).toEqual({ day: ramadan.first, releaseAt: '2027-01-18T07:00:00.000Z' });
    t.clock.set(beforeRamadan);
    expect((await fx.api('GET', '/permits/sites/00000000-0000-4000-8000-000000000000/next-open', {})).json()).toMatchObject({ code: 'permit.site_not_found' });
  });
});

describe('who books', () => {
  it('proves documents through the registry, and refuses what the registry refuses', async () => {
    const p = await t.signInAs('pilgrim');
    const cases = [
      [{ kind: 'passport', number: 'FR7654321', nationality: 'FR', visaNumber: '9000000001' }, 'permit.wrong_visa_type'],
      [{ kind: 'passport', number: 'FR7654321', nationality: 'FR', visaNumber: '6000000000' }, 'permit.document_expired'],
      [{ kind: 'iqama', number: '1000000001' }, 'permit.document_not_found'],
      [{ kind: 'passport', number: 'X7654321', nationality: 'FR', visaNumber: '6000000001' }, 'permit.visa_mismatch'],
    ] as const;
    for (const [body, code] of cases) {
      const res = await fx.api('POST', '/me/permit-people', { ...p.headers, 'accept-language': 'ar' }, body);
      expect(res.json().code, JSON.stringify(body)).toBe(code);
      expect(res.json().title).toMatch(/[\u0600-\u06FF]/);
    }
    const ok = await fx.api('POST', '/me/permit-people', p.headers, { kind: 'iqama', number: '2031234562', self: true });
    expect(ok.json()).toMatchObject({ self: true, gender: 'female', documentKind: 'iqama', documentLast4: '4562' });
    expect(JSON.stringify(ok.json())).not.toContain('2031234562');
    expect(t.logs.text).not.toContain('2031234562');
  });
});

describe('booking', () => {
  it('books a group in one window and section, a permit each, idempotently', async () => {
    const p = await fx.pilgrim('male', ['male']);
    const [w] = await fx.windows(rawdah.siteId, day, 'men');
    const headers = { ...p.headers, 'idempotency-key': 'book-rawdah-0001' };
    const res = await fx.api('POST', '/permits/bookings', headers, { windowId: w!.id, personIds: p.people });
    expect(res.statusCode, res.body).toBe(201);
    const booking = res.json();
    expect(booking.permits).toHaveLength(2);
    expect(booking.allowedActions).toEqual(['reschedule', 'cancel', 'download']);
    const token = decodeToken(booking.permits[1].token)!;
    expect(token.type).toBe('permit');
    expect(token.claim).toMatchObject({ memberIndex: 1, section: 'men', gates: [1, 3], earlyGraceMinutes: 10 });
    const again = await fx.api('POST', '/permits/bookings', headers, { windowId: w!.id, personIds: p.people });
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json().id).toBe(booking.id);
    const other = await fx.api('POST', '/permits/bookings', headers, { windowId: w!.id, personIds: [p.self] });
    expect(other.json().code).toBe('idempotency.key_reused');
    expect((await fx.windows(rawdah.siteId, day, 'men'))[0]).toMatchObject({ remaining: 1, state: 'open' });
    // The token verifies with the published public key, nothing else.
    const keys = (await fx.api('GET', '/signing/keys', {})).json() as { keyId: number; publicKey: string }[];
    const key = keys.find((k) => k.keyId === token.claim.keyId)!;
    const spki = Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), Buffer.from(key.publicKey, 'base64url')]);
    expect(verify(null, token.signed, createPublicKey({ key: spki, format: 'der', type: 'spki' }), token.signature)).toBe(true);
  });

  it('refuses each bad request precisely and changes nothing', async () => {
    const man = await fx.pilgrim('male', ['female', 'male', 'male']);
    const [w] = await fx.windows(rawdah.siteId, '2027-02-11', 'men');
    const later = (await fx.windows(rawdah.siteId, '2027-03-01', 'men'))[0]!;
    const women = (await fx.windows(rawdah.siteId, '2027-02-11', 'women'))[0]!;
    const stranger = await fx.pilgrim('male');
    const cases: [unknown, string][] = [
      [{ windowId: later.id, personIds: [man.self] }, 'permit.window_not_released'],
      [{ windowId: w!.id, personIds: man.people.slice(0, 3) }, 'permit.group_too_large'],
      [{ windowId: w!.id, personIds: [man.self, man.people[1]] }, 'permit.wrong_section'],
      [{ windowId: women.id, personIds: [man.self] }, 'permit.wrong_section'],
      [{ windowId: w!.id, personIds: [man.self, stranger.self] }, 'permit.person_unknown'],
      [{ windowId: '00000000-0000-4000-8000-000000000000', personIds: [man.self] }, 'permit.window_not_found'],
    ];
    const before = await t.tableCounts();
    for (const [body, code] of cases) expect((await fx.api('POST', '/permits/bookings', man.headers, body)).json().code, JSON.stringify(body)).toBe(code);
    expect(await t.tableCounts()).toEqual(before);
  });

  it('counts a person once whatever the account: a second account with the same document meets the rule, named with its date', async () => {
    const first = await fx.pilgrim('female');
    const second = await t.signInAs('pilgrim');
    const res = await fx.api('POST', '/me/permit-people', second.headers, { kind: 'passport', number: first.number, nationality: 'FR', visaNumber: '6000000123', self: true });
    expect(res.json().id).toBe(first.self);
    const [a] = await fx.windows(rawdah.siteId, '2027-02-12', 'women');
    const [b] = await fx.windows(rawdah.siteId, '2027-02-20', 'women');
    expect((await fx.api('POST', '/permits/bookings', first.headers, { windowId: a!.id, personIds: [first.self] })).statusCode).toBe(201);
    const refused = await fx.api('POST', '/permits/bookings', second.headers, { windowId: b!.id, personIds: [first.self] });
    expect(refused.json()).toMatchObject({ code: 'permit.rule_broken', params: { rule: 'rawdah-365', kind: 'per_days', eligibleFrom: new Date(new Date(a!.startsAt).getTime() + 365 * 86_400_000).toISOString() } });
    expect(refused.json().title).toMatch(/may book again from/);
  });

  it('allows one Umrah per Ramadan, naming the day Ramadan ends', async () => {
    const p = await fx.pilgrim('male');
    const [a] = await fx.windows(umrah.siteId, '2027-02-09', 'men');
    const [b] = await fx.windows(umrah.siteId, '2027-02-15', 'men');
    expect((await fx.api('POST', '/permits/bookings', p.headers, { windowId: a!.id, personIds: [p.self] })).statusCode).toBe(201);
    expect((await fx.api('POST', '/permits/bookings', p.headers, { windowId: b!.id, personIds: [p.self] })).json()).toMatchObject({ code: 'permit.rule_broken', params: { rule: 'umrah-ramadan', eligibleFrom: '2027-03-08T21:00:00.000Z' } });
  });
});

describe('moving, cancelling, waiting', () => {
  it('moves the whole group atomically: a full window changes nothing, a free one revokes the old codes and issues new ones', async () => {
    const p = await fx.pilgrim('male', ['male']);
    const ws = await fx.windows(rawdah.siteId, '2027-02-13', 'men');
    const booked = (await fx.api('POST', '/permits/bookings', p.headers, { windowId: ws[0]!.id, personIds: p.people })).json();
    // Fill the second window.
    const filler = await fx.pilgrim('male', ['male', 'male']);
    expect((await fx.api('POST', '/permits/bookings', filler.headers, { windowId: ws[1]!.id, personIds: filler.people.slice(0, 2) })).statusCode).toBe(201);
    const solo = await fx.pilgrim('male');
    expect((await fx.api('POST', '/permits/bookings', solo.headers, { windowId: ws[1]!.id, personIds: [solo.self] })).statusCode).toBe(201);
    const full = await fx.api('POST', `/permits/bookings/${booked.id}/reschedule`, { ...p.headers, 'idempotency-key': 'move-full-0001' }, { windowId: ws[1]!.id });
    expect(full.json().code).toBe('permit.window_full');
    expect((await fx.api('GET', `/permits/bookings/${booked.id}`, p.headers)).json()).toMatchObject({ windowId: ws[0]!.id, permits: [{ status: 'valid' }, { status: 'valid' }] });
    const moved = await fx.api('POST', `/permits/bookings/${booked.id}/reschedule`, { ...p.headers, 'idempotency-key': 'move-free-0001' }, { windowId: ws[2]!.id });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json().windowId).toBe(ws[2]!.id);
    expect(moved.json().permits.map((x: { id: string }) => x.id)).not.toContain(booked.permits[0].id);
    const after = await fx.windows(rawdah.siteId, '2027-02-13', 'men');
    expect(after.map((w) => w.remaining)).toEqual([3, 0, 1, 3, 3, 3]);
    expect(await t.services.permits.capacityViolations()).toEqual([]);
    // The old codes are on the revocation list, the new ones are not.
    const head = (await fx.api('GET', '/permits/revocations/head', officer)).json();
    expect(head.count).toBeGreaterThanOrEqual(2);
  });

  it('gives a freed place to the waiting list first, with a deadline; an unanswered offer moves on', async () => {
    const ws = await fx.windows(rawdah.siteId, '2027-02-14', 'women');
    const holder = await fx.pilgrim('female', ['female']);
    const third = await fx.pilgrim('female');
    const h = (await fx.api('POST', '/permits/bookings', holder.headers, { windowId: ws[0]!.id, personIds: holder.people })).json();
    expect((await fx.api('POST', '/permits/bookings', third.headers, { windowId: ws[0]!.id, personIds: [third.self] })).statusCode).toBe(201);
    const waitA = await fx.pilgrim('female');
    const waitB = await fx.pilgrim('female');
    const open = await fx.pilgrim('female');
    expect((await fx.api('POST', `/permits/windows/${ws[1]!.id}/waitlist`, waitA.headers, { personIds: [waitA.self] })).json().code).toBe('permit.window_not_full');
    const a = (await fx.api('POST', `/permits/windows/${ws[0]!.id}/waitlist`, waitA.headers, { personIds: [waitA.self] })).json();
    const b = (await fx.api('POST', `/permits/windows/${ws[0]!.id}/waitlist`, waitB.headers, { personIds: [waitB.self] })).json();
    expect([a.ahead, b.ahead]).toEqual([0, 1]);
    expect((await fx.api('POST', `/permits/bookings/${h.id}/cancel`, { ...holder.headers, 'idempotency-key': 'cancel-holder-01' })).statusCode).toBe(200);
    // Two places freed: A and B are offered one each; nobody else can take them.
    expect((await fx.api('POST', '/permits/bookings', open.headers, { windowId: ws[0]!.id, personIds: [open.self] })).json().code).toBe('permit.window_full');
    const offers = (await fx.api('GET', '/me/permit-waitlist', waitA.headers)).json();
    expect(offers[0]).toMatchObject({ status: 'offered', allowedActions: ['accept', 'decline'] });
    const mail = await t.db.kysely.selectFrom('outbox_messages').select(['template', 'subject']).where('template', '=', 'permit_offered').execute();
    expect(mail.length).toBeGreaterThanOrEqual(2);
    const accepted = await fx.api('POST', `/permits/waitlist/${a.id}/accept`, { ...waitA.headers, 'idempotency-key': 'accept-offer-01' });
    expect(accepted.statusCode, accepted.body).toBe(200);
    t.clock.advance(16 * 60_000);
    expect(await t.services.permits.expireOffers()).toBe(1);
    expect((await fx.api('POST', `/permits/waitlist/${b.id}/accept`, waitB.headers)).json().code).toBe('permit.offer_not_found');
    expect((await fx.windows(rawdah.siteId, '2027-02-14', 'women'))[0]!.remaining).toBe(1);
    expect(await t.services.permits.capacityViolations()).toEqual([]);
  });
});

describe('closures, no-shows, the gate', () => {
  it('closes a window: permits revoked, every holder told in their language with the nearest free windows', async () => {
    const p = await fx.pilgrim('male');
    await t.db.kysely.updateTable('accounts').set({ locale: 'ar' }).where('id', '=', p.accountId).execute();
    const ws = await fx.windows(rawdah.siteId, '2027-02-15', 'men');
    const b = (await fx.api('POST', '/permits/bookings', p.headers, { windowId: ws[2]!.id, personIds: [p.self] })).json();
    const closed = await fx.api('POST', '/permits/windows/close', officer, { windowIds: [ws[2]!.id], reason: 'maintenance' });
    expect(closed.json()).toMatchObject({ closed: 1, revoked: 1, notified: [{ bookingId: b.id }] });
    expect(closed.json().notified[0].alternatives[0]).toBe(ws[1]!.id);
    const mail = await t.db.kysely.selectFrom('outbox_messages').select(['subject', 'body_text', 'locale']).where('template', '=', 'permit_closed').execute();
    expect(mail.at(-1)).toMatchObject({ locale: 'ar' });
    expect(mail.at(-1)!.subject).toMatch(/أُلغيت زيارتك/);
    expect((await fx.api('GET', `/permits/bookings/${b.id}`, p.headers)).json()).toMatchObject({ status: 'closed', allowedActions: [] });
    expect((await fx.windows(rawdah.siteId, '2027-02-15', 'men'))[2]).toMatchObject({ state: 'closed' });
  });

  it('checks permits at the gate by API: admits once, then already used; refuses another gate, a revoked and a forged code', async () => {
    const gate = (await t.signInAs('gate_officer')).headers;
    const p = await fx.pilgrim('female');
    const ws = await fx.windows(rawdah.siteId, '2027-02-16', 'women');
    const b = (await fx.api('POST', '/permits/bookings', p.headers, { windowId: ws[0]!.id, personIds: [p.self] })).json();
    const token = b.permits[0].token as string;
    t.clock.set(new Date(new Date(ws[0]!.startsAt).getTime() + 60_000));
    const gates = rawdah.gates;
    const check = (gateId: string, tok = token) => fx.api('POST', '/permits/check-ins', gate, { gateId, token: tok });
    expect((await check(gates.get(1)!)).json()).toMatchObject({ admit: false, code: 'wrong_gate' });
    const first = (await check(gates.get(2)!)).json();
    expect(first).toMatchObject({ admit: true, code: 'admit', permit: { memberIndex: 0, section: 'women' } });
    expect((await check(gates.get(3)!)).json()).toMatchObject({ admit: false, code: 'already_used' });
    const forged = Buffer.from(token, 'base64url');
    forged[30]! ^= 1;
    expect((await check(gates.get(2)!, forged.toString('base64url'))).json()).toMatchObject({ admit: false, code: 'bad_signature' });
    const occupancy = (await fx.api('GET', `/permits/sites/${rawdah.siteId}/occupancy?from=2027-02-16&to=2027-02-16`, officer)).json();
    expect(occupancy.find((o: { windowId: string }) => o.windowId === ws[0]!.id)).toMatchObject({ booked: 1, checkedIn: 1 });
    const events = await t.db.kysely.selectFrom('domain_events').select('type').where('subject_id', '=', b.permits[0].id).orderBy('id').execute();
    expect(events.map((e) => e.type)).toEqual(['permit.issued', 'permit.checked_in']);
    // The check-in reaches the Umrah statistics through the permits' read model, a count of one withheld as a small cell.
    const stats = await t.services.statistics.umrahYear(2027);
    expect(stats.available).toBe(true);
    const byGender = stats.tables.find((x) => x.id === 'rawdah_by_month_gender')!;
    expect(byGender.cells).toEqual([expect.objectContaining({ key: ['2027-02', 'female'], flag: 'C' })]);
    t.clock.set(beforeRamadan);
  });

  it('reconciles two offline devices that admitted one permit, counting a re-upload once', async () => {
    const gate = (await t.signInAs('gate_officer')).headers;
    const p = await fx.pilgrim('male');
    const ws = await fx.windows(rawdah.siteId, '2027-02-17', 'men');
    const b = (await fx.api('POST', '/permits/bookings', p.headers, { windowId: ws[0]!.id, personIds: [p.self] })).json();
    const at = new Date(new Date(ws[0]!.startsAt).getTime() + 60_000);
    t.clock.set(new Date(at.getTime() + 3_600_000));
    const scan = (nonce: string, minutes: number) => ({ nonce, token: b.permits[0].token, verdict: 'admit', scannedAt: new Date(at.getTime() + minutes * 60_000).toISOString() });
    const d1 = await fx.api('POST', `/permits/gates/${rawdah.gates.get(1)}/scans`, gate, { deviceId: 'tablet-1', scans: [scan('nonce-aaaa-1', 2)] });
    expect(d1.json().results).toEqual([{ nonce: 'nonce-aaaa-1', outcome: 'checked_in' }]);
    const d2 = await fx.api('POST', `/permits/gates/${rawdah.gates.get(3)}/scans`, gate, { deviceId: 'tablet-2', scans: [scan('nonce-bbbb-1', 1)] });
    expect(d2.json().results).toEqual([{ nonce: 'nonce-bbbb-1', outcome: 'double' }]);
    expect(d2.json().doubles[0]).toMatchObject({ stood: { deviceId: 'tablet-1' }, also: { deviceId: 'tablet-2' } });
    const again = await fx.api('POST', `/permits/gates/${rawdah.gates.get(1)}/scans`, gate, { deviceId: 'tablet-1', scans: [scan('nonce-aaaa-1', 2)] });
    expect(again.json().results).toEqual([{ nonce: 'nonce-aaaa-1', outcome: 'duplicate' }]);
    expect((await fx.api('GET', `/permits/sites/${rawdah.siteId}/double-admissions`, officer)).json()).toHaveLength(1);
    const w = (await fx.api('GET', `/permits/sites/${rawdah.siteId}/occupancy?from=2027-02-17&to=2027-02-17`, officer)).json()[0];
    expect(w.checkedIn).toBe(1);
    t.clock.set(beforeRamadan);
  });

  it('records no-shows when a window ends, with the penalty shown to the person with its end', async () => {
    const p = await fx.pilgrim('male');
    const ws = await fx.windows(rawdah.siteId, '2027-02-18', 'men');
    await fx.api('POST', '/permits/bookings', p.headers, { windowId: ws[0]!.id, personIds: [p.self] });
    t.clock.set(new Date(new Date(ws[0]!.startsAt).getTime() + 31 * 60_000));
    expect(await t.services.permits.sweepNoShows()).toBeGreaterThan(0);
    const people = (await fx.api('GET', '/me/permit-people', p.headers)).json();
    expect(people[0].penalties).toEqual([{ siteId: rawdah.siteId, trigger: 'no_show', until: expect.any(String) }]);
    const next = (await fx.windows(rawdah.siteId, '2027-02-19', 'men'))[0]!;
    const refused = (await fx.api('POST', '/permits/bookings', p.headers, { windowId: next.id, personIds: [p.self] })).json();
    expect(refused).toMatchObject({ code: 'permit.penalty_active', params: { trigger: 'no_show' } });
    const heat = (await fx.api('GET', `/permits/sites/${rawdah.siteId}/heatmap?from=2027-02-18&to=2027-02-18&section=men`, officer)).json();
    expect(heat.reduce((n: number, c: { noShows: number }) => n + c.noShows, 0)).toBeGreaterThan(0);
    t.clock.set(beforeRamadan);
  });

  it('publishes a signed, numbered revocation list with delta sync that a gate applies', async () => {
    const gate = (await t.signInAs('gate_officer')).headers;
    const keys = (await fx.api('GET', '/signing/keys', {})).json() as { keyId: number; publicKey: string }[];
    const check = (keyId: number, signed: Uint8Array, sig: Uint8Array) => {
      const k = keys.find((x) => x.keyId === keyId);
      return Boolean(k) && verify(null, signed, createPublicKey({ key: Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), Buffer.from(k!.publicKey, 'base64url')]), format: 'der', type: 'spki' }), sig);
    };
    const snap = await fx.api('GET', '/permits/revocations', gate);
    expect(snap.headers['content-type']).toBe('application/octet-stream');
    const list = RevocationList.fromSnapshot(decodeList(new Uint8Array(snap.rawPayload), check)!);
    const p = await fx.pilgrim('male');
    const ws = await fx.windows(rawdah.siteId, '2027-02-21', 'men');
    const b = (await fx.api('POST', '/permits/bookings', p.headers, { windowId: ws[0]!.id, personIds: [p.self] })).json();
    await fx.api('POST', `/permits/bookings/${b.id}/cancel`, p.headers);
    const delta = await fx.api('GET', `/permits/revocations?since=${list.seq}`, gate);
    expect(list.apply(decodeList(new Uint8Array(delta.rawPayload), check)!)).toBe(true);
    expect(list.has(uuidToBytes(b.permits[0].id))).toBe(true);
    expect(list.seq).toBe(Number(delta.headers['x-revocations-seq']));
    const tampered = new Uint8Array(delta.rawPayload);
    tampered[40]! ^= 1;
    expect(decodeList(tampered, check)).toBeNull();
    expect((await fx.api('GET', `/permits/revocations?since=${list.seq + 5}`, gate)).json().code).toBe('permit.revocations_ahead');
    const config = (await fx.api('GET', `/permits/gates/${rawdah.gates.get(1)}/config`, gate)).json();
    expect(config).toMatchObject({ gate: { number: 1, sections: ['men'] }, maxOfflineMinutes: 360, revocations: { seq: list.seq } });
    expect(fromBase64url(config.keys[0].publicKey)).toHaveLength(32);
  });

  it('rotates the key: new permits name the new key, the old key still vouches for its permits', async () => {
    const admin = (await t.signInAs('ministry_admin')).headers;
    const before = await fx.pilgrim('male');
    const ws = await fx.windows(umrah.siteId, '2027-02-22', 'men');
    const old = (await fx.api('POST', '/permits/bookings', before.headers, { windowId: ws[0]!.id, personIds: [before.self] })).json();
    const rotated = (await fx.api('POST', '/signing/keys/rotate', admin)).json();
    expect(rotated.map((k: { status: string }) => k.status)).toEqual(['retired', 'active']);
    const after = await fx.pilgrim('male');
    const fresh = (await fx.api('POST', '/permits/bookings', after.headers, { windowId: ws[1]!.id, personIds: [after.self] })).json();
    expect(fresh.permits[0].keyId).toBe(old.permits[0].keyId + 1);
    const gate = (await t.signInAs('gate_officer')).headers;
    const config = (await fx.api('GET', `/permits/gates/${umrah.gates.get(1)}/config`, gate)).json();
    const retired = config.keys.find((k: { status: string }) => k.status === 'retired');
    expect(new Date(retired.notAfter).getTime()).toBeGreaterThanOrEqual(new Date(ws[0]!.startsAt).getTime() + 120 * 60_000);
    t.clock.set(new Date(new Date(ws[0]!.startsAt).getTime() + 60_000));
    expect((await fx.api('POST', '/permits/check-ins', gate, { gateId: umrah.gates.get(1), token: old.permits[0].token })).json()).toMatchObject({ admit: true });
    t.clock.set(beforeRamadan);
  });

  it('prints the permit as PDF in every language', async () => {
    const p = await fx.pilgrim('female', ['female']);
    const ws = await fx.windows(umrah.siteId, '2027-02-22', 'women');
    const b = (await fx.api('POST', '/permits/bookings', p.headers, { windowId: ws[0]!.id, personIds: p.people })).json();
    for (const lang of locales) {
      const res = await fx.api('GET', `/permits/bookings/${b.id}/permit.pdf`, { ...p.headers, 'accept-language': lang });
      expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
      expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    }
    const principal = await t.services.auth.authenticate(p.token);
    const { blocks } = await t.services.documents.permitContent({ actor: principal, locale: 'ar', requestId: 't' }, b.id);
    expect(blocks.filter((x) => x.kind === 'image')).toHaveLength(2);
    expect(JSON.stringify(blocks)).toContain('النساء');
    expect(JSON.stringify(blocks)).not.toContain(p.number);
  });

  it('sends permit events to the ministry\'s webhooks, not to providers', async () => {
    const admin = (await t.signInAs('ministry_admin')).headers;
    const endpoint = await fx.api('POST', '/ministry/webhooks', admin, { url: 'http://127.0.0.1:9/permits', events: ['permit.issued', 'permit.cancelled', 'permit.checked_in'] });
    expect(endpoint.statusCode, endpoint.body).toBe(201);
    await t.services.webhookDispatcher.fanOut(10_000);
    const deliveries = (await fx.api('GET', `/ministry/webhooks/${endpoint.json().id}/deliveries?limit=200`, admin)).json();
    expect(deliveries.length).toBeGreaterThan(0);
    expect(new Set(deliveries.map((d: { eventType: string }) => d.eventType))).toEqual(new Set(['permit.issued', 'permit.cancelled', 'permit.checked_in']));
  });

  it('keeps the capacity invariant through all of it', async () => {
    expect(await t.services.permits.capacityViolations()).toEqual([]);
    expect((await fx.api('GET', '/permits/capacity-check', officer)).json()).toEqual([]);
    expect(ramadan.first).toBe('2027-02-08');
  });
});
