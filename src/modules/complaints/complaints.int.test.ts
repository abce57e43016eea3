import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '../../core/principal.ts';
import { TEST_PASSWORD, createTestApp, testEngine, type TestApp } from '../../testing/harness.ts';
import { hajjFixtures } from '../../testing/hajj-fixtures.ts';

/**
 * A complaint's whole life through the API: filed by a pilgrim about a provider, screened for
 * the provider, refused to another provider (audited), breached and escalated by the sweep once,
 * resolved by the ministry, rated, reopened; filed by a care-centre agent for a caller; read by
 * the caller's mission; floods and bad input refused without a change.
 */
let t: TestApp;
let fx: ReturnType<typeof hajjFixtures>;
let provider: Awaited<ReturnType<TestApp['createLicensedProvider']>>;
let other: Awaited<ReturnType<TestApp['createLicensedProvider']>>;
let pilgrim: Awaited<ReturnType<ReturnType<typeof hajjFixtures>['pilgrim']>>;
let ministry: Record<string, string>;
let complaintId: string;
let key = 0;
const idem = () => ({ 'idempotency-key': `k-${++key}-${Date.now()}` });

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set(new Date('2027-01-03T06:00:00Z')); // a Sunday, 09:00 in Riyadh
  fx = hajjFixtures(t);
  provider = await t.createLicensedProvider();
  other = await t.createLicensedProvider();
  pilgrim = await fx.pilgrim('FR');
  ministry = (await t.signInAs('ministry_officer')).headers;
}, 120_000);
afterAll(async () => t?.close());

describe('a complaint about a provider', () => {
  it('publishes its deadline rules to anyone', async () => {
    const res = await fx.api('GET', '/complaints/rules', {});
    expect(res.statusCode).toBe(200);
    expect(res.json().rules).toContainEqual({ category: 'housing', severity: 'medium', acknowledgeMinutes: 0, firstAnswerMinutes: 120, resolveMinutes: 4320 });
  });

  it('is filed, acknowledged at once, sent to the provider, and marked when the pilgrim never booked it', async () => {
    const res = await fx.api('POST', '/complaints', { ...pilgrim.headers, ...idem() }, {
      about: 'provider', providerId: provider.providerId, category: 'housing', severity: 'medium',
      description: 'No water in room 214 for two days. Call me on +966 55 123 4567, passport A12345678.', place: 'Makkah, Aziziyah building 7',
    });
    expect(res.statusCode, res.body).toBe(201);
    const c = res.json();
    complaintId = c.id;
    expect(c).toMatchObject({ state: 'with_provider', noBookingFound: true, reference: expect.stringMatching(/^C2027-\d{6}$/), nextDeadline: { kind: 'first_answer', dueAt: '2027-01-03T08:00:00.000Z' } });
    expect(c.description).toContain('+966 55 123 4567'); // the complainant reads their own words
    const mail = await t.db.kysely.selectFrom('outbox_messages').select(['template', 'subject']).where('template', '=', 'complaint_filed').execute();
    expect(mail).toHaveLength(1);
    const events = await t.db.kysely.selectFrom('domain_events').select(['type', 'provider_id', 'payload']).where('type', 'like', 'complaint.%').execute();
    expect(events).toEqual([expect.objectContaining({ type: 'complaint.received', provider_id: provider.providerId })]);
    expect(JSON.stringify(events[0]!.payload)).not.toContain('water');
  });

  it('shows the provider the complaint screened, and never who filed it', async () => {
    const res = await fx.api('GET', '/complaints', provider.owner.headers);
    expect(res.statusCode).toBe(200);
    const [c] = res.json().items;
    expect(c.description).toBe('No water in room 214 for two days. Call me on [phone], passport [document number].');
    expect(JSON.stringify(res.json())).not.toContain(pilgrim.accountId);
    expect(c.allowedActions).toEqual(expect.arrayContaining(['read', 'respond', 'ask_pilgrim', 'escalate']));
  });

  it('refuses another provider with 403 and audits the attempt', async () => {
    const read = await fx.api('GET', `/complaints/${complaintId}`, other.owner.headers);
    expect(read.statusCode).toBe(403);
    const answer = await fx.api('POST', `/complaints/${complaintId}/respond`, { ...other.owner.headers, ...idem() }, { message: 'not ours' });
    expect(answer.statusCode).toBe(403);
    const audit = await t.db.kysely.selectFrom('audit_log').select(['action']).where('action', '=', 'complaint.access_refused').execute();
    expect(audit).toHaveLength(2);
    expect((await fx.api('GET', '/complaints', other.owner.headers)).json().items).toEqual([]);
  });

  it('is escalated by the sweep once its first answer is late, exactly once', async () => {
    t.clock.set(new Date('2027-01-03T07:59:00Z'));
    expect(await t.services.complaints.sweepDeadlines()).toEqual({ breached: 0, escalated: 0 });
    t.clock.set(new Date('2027-01-03T08:00:00Z'));
    const sweeps = await Promise.all([t.services.complaints.sweepDeadlines(), t.services.complaints.sweepDeadlines(), t.services.complaints.sweepDeadlines()]);
    expect(sweeps.reduce((n, s) => n + s.escalated, 0)).toBe(1);
    expect(await t.services.complaints.sweepDeadlines()).toEqual({ breached: 0, escalated: 0 });
    const c = (await fx.api('GET', `/complaints/${complaintId}`, ministry)).json();
    expect(c.state).toBe('escalated');
    expect(c.deadlines.find((d: { kind: string }) => d.kind === 'first_answer')).toMatchObject({ breachedAt: '2027-01-03T08:00:00.000Z', metAt: null });
    expect(c.timeline.filter((e: { action: string }) => e.action === 'escalate')).toHaveLength(1);
    const escalated = await t.db.kysely.selectFrom('domain_events').select('type').where('type', '=', 'complaint.escalated').execute();
    expect(escalated).toHaveLength(1);
    const told = await t.db.kysely.selectFrom('outbox_messages').select('body_text').where('template', '=', 'complaint_moved').execute();
    expect(told.at(-1)!.body_text).toContain('the ministry has taken it over');
    const provider_ = await t.db.kysely.selectFrom('outbox_messages').select(['recipient', 'subject']).where('template', '=', 'complaint_breached').execute();
    expect(provider_).toEqual([{ recipient: provider.owner.email, subject: expect.stringContaining('deadline missed') }]);
  });

  it('lets the provider still answer in the timeline, and the ministry resolve it', async () => {
    t.clock.set(new Date('2027-01-03T09:00:00Z'));
    const comment = await fx.api('POST', `/complaints/${complaintId}/comment`, { ...provider.owner.headers, ...idem() }, { message: 'A plumber fixed it this morning.' });
    expect(comment.statusCode, comment.body).toBe(200);
    const resolved = await fx.api('POST', `/complaints/${complaintId}/resolve`, { ...ministry, ...idem() }, { message: 'Checked with the hotel: water restored.' });
    expect(resolved.statusCode, resolved.body).toBe(200);
    expect(resolved.json()).toMatchObject({ state: 'resolved', nextDeadline: null });
    const c = (await fx.api('GET', `/complaints/${complaintId}`, pilgrim.headers)).json();
    expect(c.deadlines.find((d: { kind: string }) => d.kind === 'first_answer')).toMatchObject({ metAt: '2027-01-03T09:00:00.000Z', minutes: -60 });
    expect(c.allowedActions).toEqual(expect.arrayContaining(['rate', 'reopen']));
  });

  it('is rated once, reopened within the days allowed, and not after', async () => {
    expect((await fx.api('POST', `/complaints/${complaintId}/rate`, { ...pilgrim.headers, ...idem() }, { rating: 4 })).statusCode).toBe(200);
    const twice = await fx.api('POST', `/complaints/${complaintId}/rate`, { ...pilgrim.headers, ...idem() }, { rating: 5 });
    expect(twice.json()).toMatchObject({ status: 409, code: 'complaint.already_rated' });
    const reopened = await fx.api('POST', `/complaints/${complaintId}/reopen`, { ...pilgrim.headers, ...idem() }, { message: 'No water again.' });
    expect(reopened.json()).toMatchObject({ state: 'escalated', nextDeadline: { kind: 'resolve' } });
    await fx.api('POST', `/complaints/${complaintId}/resolve`, { ...ministry, ...idem() }, { message: 'Fixed for good.' });
    t.clock.set(new Date('2027-02-03T09:00:00Z'));
    const { token } = await t.services.auth.signIn(systemContext(), { email: pilgrim.email, password: TEST_PASSWORD, kind: 'bearer' });
    const late = await fx.api('POST', `/complaints/${complaintId}/reopen`, { authorization: `Bearer ${token}`, ...idem() }, {});
    expect(late.json()).toMatchObject({ status: 409, code: 'complaint.reopen_expired' });
    expect(await t.services.complaints.closeResolved()).toBe(1);
    t.clock.set(new Date('2027-01-03T10:00:00Z'));
  });
});

describe('the care centre and the missions', () => {
  it('files for a caller in the caller\'s language, and the caller\'s mission reads it', async () => {
    const agent = await t.signInAs('care_agent');
    const caller = await fx.pilgrim('FR');
    const res = await fx.api('POST', '/complaints', { ...agent.headers, ...idem() }, { about: 'platform', category: 'platform', severity: 'low', description: 'The app did not show my permit.', callerEmail: caller.email, language: 'ar' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ channel: 'care_centre', language: 'ar', countryCode: 'FR', state: 'acknowledged' });
    const mail = await t.db.kysely.selectFrom('outbox_messages').select('subject').where('recipient', '=', caller.email).execute();
    expect(mail[0]!.subject).toMatch(/^استلمنا الشكوى/);
    const mission = await t.signInAs('mission_officer', { countryCode: 'FR' });
    const seen = (await fx.api('GET', '/complaints', mission.headers)).json().items;
    expect(seen.map((c: { id: string }) => c.id)).toContain(res.json().id);
    expect(JSON.stringify(seen)).not.toContain('+966 55 123 4567');
    const egypt = await t.signInAs('mission_officer', { countryCode: 'EG' });
    expect((await fx.api('GET', `/complaints/${res.json().id}`, egypt.headers)).statusCode).toBe(404);
    expect((await fx.api('GET', '/complaints', egypt.headers)).json().items).toEqual([]);
    expect((await fx.api('GET', '/complaints', caller.headers)).json().items).toHaveLength(1);
  });
});

describe('bad input and floods', () => {
  it.each([
    ['an unknown category', { about: 'platform', category: 'weather', severity: 'low', description: 'x' }, 400, 'complaint.bad_subject'],
    ['a provider complaint without a provider', { about: 'provider', category: 'housing', severity: 'low', description: 'x' }, 400, 'complaint.bad_subject'],
    ['a provider that does not exist', { about: 'provider', providerId: '00000000-0000-4000-8000-000000000000', category: 'housing', severity: 'low', description: 'x' }, 404, 'complaint.provider_not_found'],
    ['somebody else\'s booking', { about: 'booking', bookingId: '00000000-0000-4000-8000-000000000000', category: 'housing', severity: 'low', description: 'x' }, 404, 'booking.not_found'],
    ['a severity that is not one', { about: 'platform', category: 'platform', severity: 'urgent', description: 'x' }, 400, 'request.validation_failed'],
  ] as const)('refuses %s and changes nothing', async (_case, body, status, code) => {
    const before = await t.tableCounts();
    const res = await fx.api('POST', '/complaints', { ...pilgrim.headers, ...idem() }, body);
    expect(res.statusCode, res.body).toBe(status);
    expect(res.json().code).toBe(code);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const after = await t.tableCounts();
    expect(after).toEqual({ ...before, idempotency_keys: after.idempotency_keys });
  });

  it('refuses an attachment that is not a photo or a PDF', async () => {
    const form = '--b\r\nContent-Disposition: form-data; name="file"; filename="x.jpg"\r\nContent-Type: image/jpeg\r\n\r\nnot an image\r\n--b--\r\n';
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/complaints/${complaintId}/attachments`, headers: { ...pilgrim.headers, 'content-type': 'multipart/form-data; boundary=b' }, payload: form });
    expect(res.json()).toMatchObject({ status: 415, code: 'complaint.attachment_type' });
  });

  it('limits one person to ten complaints a day', async () => {
    const flooder = await fx.pilgrim('FR');
    const codes: number[] = [];
    for (let i = 0; i < 11; i++) codes.push((await fx.api('POST', '/complaints', { ...flooder.headers, ...idem() }, { about: 'platform', category: 'platform', severity: 'low', description: `attempt ${i}` })).statusCode);
    expect(codes.slice(0, 10).every((c) => c === 201)).toBe(true);
    expect(codes[10]).toBe(429);
  });
});

describe.runIf(testEngine === 'postgres')('the sweep under concurrency', () => {
  it('escalates each of many breached complaints exactly once with several sweepers racing', async () => {
    t.clock.set(new Date('2027-03-01T06:00:00Z'));
    const filer = await t.signInAs('care_agent');
    const callers = await Promise.all(Array.from({ length: 4 }, () => fx.pilgrim('FR')));
    const ids: string[] = [];
    for (let i = 0; i < 40; i++) {
      const res = await fx.api('POST', '/complaints', { ...filer.headers, ...idem() }, { about: 'provider', providerId: provider.providerId, category: 'food', severity: 'medium', description: `meal ${i}`, callerEmail: callers[i % 4]!.email });
      ids.push(res.json().id);
    }
    const escalateEvents = async () => (await t.db.kysely.selectFrom('complaint_events').select('id').where('action', '=', 'escalate').execute()).length;
    const before = await escalateEvents();
    t.clock.set(new Date('2027-03-01T09:00:00Z'));
    const results = await Promise.all(Array.from({ length: 6 }, () => t.services.complaints.sweepDeadlines(15)));
    let total = results.reduce((n, r) => n + r.escalated, 0);
    for (let i = 0; i < 5; i++) total += (await t.services.complaints.sweepDeadlines(50)).escalated;
    expect(total).toBe((await escalateEvents()) - before); // every escalation counted is one event, none twice
    const escalations = await t.db.kysely.selectFrom('complaint_events').select(['complaint_id']).where('complaint_id', 'in', ids).where('action', '=', 'escalate').execute();
    expect(escalations).toHaveLength(40);
    expect(new Set(escalations.map((e) => e.complaint_id)).size).toBe(40);
  });
});
